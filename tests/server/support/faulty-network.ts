// A network that loses things: a fetch wrapper that fails a request before it leaves (the server
// never sees it) or after the answer came (the server did the work, the client never hears).
// The second kind is the one that makes a client send something twice.
// Chance alone may spare a short run every fault, and a test that asserts the faults happened
// would then fail for no fault of the code: `scripted` makes the first summary uploads meet the
// given faults in order, and chance takes over after them.

export interface FaultCounts {
	droppedBefore: number;
	droppedAfter: number;
	delivered: number;
}

export interface FaultyNetwork {
	readonly fetch: typeof fetch;
	readonly counts: FaultCounts;
}

/** What a scripted request meets: lost on its way, its answer lost, or nothing. */
export type Fault = 'before' | 'after' | 'none';

function isSummaryUpload(input: RequestInfo | URL, init?: RequestInit): boolean {
	const url = input instanceof Request ? input.url : String(input);
	const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
	return method.toUpperCase() === 'POST' && new URL(url).pathname === '/api/summaries';
}

export function faultyNetwork(options: {
	dropBefore: number;
	dropAfter: number;
	random?: () => number;
	scripted?: readonly Fault[];
}): FaultyNetwork {
	const random = options.random ?? Math.random;
	const scripted = [...(options.scripted ?? [])];
	const counts: FaultCounts = { droppedBefore: 0, droppedAfter: 0, delivered: 0 };
	const faulty = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
		const fault = isSummaryUpload(input, init) ? scripted.shift() : undefined;
		const dropsBefore = fault ? fault === 'before' : random() < options.dropBefore;
		if (dropsBefore) {
			counts.droppedBefore++;
			throw new TypeError('fetch failed (the request was lost on its way)');
		}
		const response = await fetch(input, init);
		// Read the whole answer: the server has finished with the request.
		const body = await response.arrayBuffer();
		const dropsAfter = fault ? fault === 'after' : random() < options.dropAfter;
		if (dropsAfter) {
			counts.droppedAfter++;
			throw new TypeError('fetch failed (the answer was lost on its way back)');
		}
		counts.delivered++;
		return new Response(body, { status: response.status, headers: response.headers });
	};
	return { fetch: faulty as typeof fetch, counts };
}

/**
 * The exactly-once specs' network: a quarter of uploads and a quarter of answers lost. The first
 * upload's answer is lost (so its summaries come again) and the second upload is lost on its way,
 * so both faults happen whatever chance does after them.
 */
export function lossyNetwork(): FaultyNetwork {
	return faultyNetwork({ dropBefore: 0.25, dropAfter: 0.25, scripted: ['after', 'before'] });
}
