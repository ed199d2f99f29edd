// A minimal outbox and flusher that follow the sync protocol, for the server's tests: the app's
// own outbox (IndexedDB, Web Locks) can run the same exactly-once test through this interface.
import {
	ErrorResponseSchema,
	ReceiveSummariesResponseSchema,
	type Summary
} from '../../../src/lib/sync/protocol';

export interface Outbox {
	/** Up to `limit` items still waiting, oldest first. */
	peek(limit: number): Promise<Summary[]>;
	/** Removes exactly these (what the server confirmed). */
	remove(uuids: readonly string[]): Promise<void>;
	/** Takes an item out of the sending for good, with the server's reason. */
	setAside(uuid: string, reason: string): Promise<void>;
	size(): Promise<number>;
}

/** The outbox of one device, shared by its tabs, as IndexedDB would be. */
export class MemoryOutbox implements Outbox {
	readonly items = new Map<string, Summary>();
	readonly setAsideItems = new Map<string, string>();

	add(summary: Summary): void {
		this.items.set(summary.uuid, summary);
	}
	peek(limit: number): Promise<Summary[]> {
		return Promise.resolve([...this.items.values()].slice(0, limit));
	}
	remove(uuids: readonly string[]): Promise<void> {
		for (const uuid of uuids) this.items.delete(uuid);
		return Promise.resolve();
	}
	setAside(uuid: string, reason: string): Promise<void> {
		this.items.delete(uuid);
		this.setAsideItems.set(uuid, reason);
		return Promise.resolve();
	}
	size(): Promise<number> {
		return Promise.resolve(this.items.size);
	}
}

export interface FlushOptions {
	readonly outbox: Outbox;
	readonly token: string;
	/** Which server to send to this time (a load balancer picks one). */
	readonly baseUrl: () => string;
	readonly fetch: typeof fetch;
	readonly batchSize: () => number;
	/** Whether more items may still come (keep flushing while the outbox is empty). */
	readonly isDone: () => boolean;
	readonly sleep?: (ms: number) => Promise<void>;
}

export interface FlushStats {
	requests: number;
	failures: number;
	alreadyStored: number;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends until the outbox is empty and nothing more will come: a 200 removes what it confirms,
 * a network error, 5xx or 429 is retried after a jittered, growing pause, and another 4xx sets
 * the items aside with its reason (a duplicate uuid only the one it names).
 */
export async function flush(options: FlushOptions): Promise<FlushStats> {
	const sleep = options.sleep ?? wait;
	const stats: FlushStats = { requests: 0, failures: 0, alreadyStored: 0 };
	let backoff = 5;
	for (;;) {
		const batch = await options.outbox.peek(options.batchSize());
		if (batch.length === 0) {
			if (options.isDone()) return stats;
			await sleep(5);
			continue;
		}
		stats.requests++;
		let response: Response;
		try {
			response = await options.fetch(`${options.baseUrl()}/api/summaries`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
				body: JSON.stringify({ summaries: batch })
			});
		} catch {
			stats.failures++;
			await sleep(backoff * (0.5 + Math.random()));
			backoff = Math.min(backoff * 2, 80);
			continue;
		}
		const body: unknown = await response.json().catch(() => undefined);
		if (response.status === 200) {
			const answer = ReceiveSummariesResponseSchema.parse(body);
			stats.alreadyStored += answer.alreadyStored;
			await options.outbox.remove(answer.confirmed);
			backoff = 5;
			continue;
		}
		stats.failures++;
		if (response.status >= 500 || response.status === 429) {
			await sleep(backoff * (0.5 + Math.random()));
			backoff = Math.min(backoff * 2, 80);
			continue;
		}
		const error = ErrorResponseSchema.safeParse(body);
		const reason = error.success ? error.data.error.code : `status ${response.status}`;
		const named = error.success
			? (error.data.error.issues ?? [])
					.map((issue) => issue.path[1])
					.filter((i) => typeof i === 'number')
			: [];
		const culprits =
			named.length > 0 ? named.map((i) => batch[i]).filter((s) => s !== undefined) : batch;
		for (const summary of culprits) await options.outbox.setAside(summary.uuid, reason);
	}
}
