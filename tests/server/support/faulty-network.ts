// A network that loses things: a fetch wrapper that fails a request before it leaves (the server
// never sees it) or after the answer came (the server did the work, the client never hears).
// The second kind is the one that makes a client send something twice.

export interface FaultCounts {
	droppedBefore: number;
	droppedAfter: number;
	delivered: number;
}

export interface FaultyNetwork {
	readonly fetch: typeof fetch;
	readonly counts: FaultCounts;
}

export function faultyNetwork(options: {
	dropBefore: number;
	dropAfter: number;
	random?: () => number;
}): FaultyNetwork {
	const random = options.random ?? Math.random;
	const counts: FaultCounts = { droppedBefore: 0, droppedAfter: 0, delivered: 0 };
	const faulty = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
		if (random() < options.dropBefore) {
			counts.droppedBefore++;
			throw new TypeError('fetch failed (the request was lost on its way)');
		}
		const response = await fetch(input, init);
		// Read the whole answer: the server has finished with the request.
		const body = await response.arrayBuffer();
		if (random() < options.dropAfter) {
			counts.droppedAfter++;
			throw new TypeError('fetch failed (the answer was lost on its way back)');
		}
		counts.delivered++;
		return new Response(body, { status: response.status, headers: response.headers });
	};
	return { fetch: faulty as typeof fetch, counts };
}
