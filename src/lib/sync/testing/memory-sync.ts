// In-memory stand-ins for the flusher's store and locks, and a small fake server, for unit tests.
// The real ones (SyncRepo, DexieOutbox, navigator.locks, the API) are tested on their own and
// together in tests/server/exactly-once-client.spec.ts.
import type { DeviceState, Locks, Outbox, RetryState, SyncDevice } from '../flusher';
import type { Summary } from '../protocol';

/** Web Locks as one origin has them: exclusive per name, granted in the order asked. */
export class MemoryLocks implements Locks {
	readonly #tails = new Map<string, Promise<unknown>>();
	held = 0;
	maxHeld = 0;

	request<T>(name: string, callback: () => Promise<T>): Promise<T> {
		const before = this.#tails.get(name) ?? Promise.resolve();
		const run = before.then(async () => {
			this.held++;
			this.maxHeld = Math.max(this.maxHeld, this.held);
			try {
				return await callback();
			} finally {
				this.held--;
			}
		});
		this.#tails.set(
			name,
			run.catch(() => undefined)
		);
		return run;
	}
}

export class MemoryOutbox implements Outbox {
	readonly items = new Map<string, Summary>();
	readonly setAsideItems = new Map<string, string>();
	/** Items not ready yet (waiting for their focus) are kept here by uuid. */
	readonly notReady = new Set<string>();

	add(...summaries: Summary[]): void {
		for (const summary of summaries) this.items.set(summary.uuid, summary);
	}
	peek(limit: number): Promise<Summary[]> {
		const ready = [...this.items.values()].filter((s) => !this.notReady.has(s.uuid));
		return Promise.resolve(ready.slice(0, limit));
	}
	remove(uuids: readonly string[]): Promise<void> {
		for (const uuid of uuids) this.items.delete(uuid);
		return Promise.resolve();
	}
	setAside(uuid: string, reason: string): Promise<void> {
		if (this.items.delete(uuid)) this.setAsideItems.set(uuid, reason);
		return Promise.resolve();
	}
	size(): Promise<number> {
		return Promise.resolve(this.items.size);
	}
}

export class MemoryDevice implements SyncDevice {
	isOn = true;
	token: string | null = null;
	isWithdrawing = false;
	retry: RetryState | null = null;
	deletedOnWithdrawal: number | null = null;
	nextAt: number | null = null;

	read(): Promise<DeviceState> {
		return Promise.resolve({
			isOn: this.isOn,
			token: this.token,
			isWithdrawing: this.isWithdrawing,
			retry: this.retry
		});
	}
	saveToken(token: string): Promise<string> {
		this.token ??= token;
		return Promise.resolve(this.token);
	}
	forgetToken(token: string): Promise<void> {
		if (this.token === token) this.token = null;
		return Promise.resolve();
	}
	finishWithdrawal(deleted: number): Promise<void> {
		this.isWithdrawing = false;
		this.token = null;
		this.deletedOnWithdrawal = deleted;
		return Promise.resolve();
	}
	saveRetry(retry: RetryState | null): Promise<void> {
		this.retry = retry;
		return Promise.resolve();
	}
	nextReadyAt(): Promise<number | null> {
		return Promise.resolve(this.nextAt);
	}
}

export interface SeenRequest {
	readonly method: string;
	readonly path: string;
	readonly token: string | null;
	readonly body: unknown;
}

/** One answer the fake server gives instead of its own, for the next request to that endpoint. */
export interface Scripted {
	readonly method: 'POST' | 'DELETE';
	readonly path: '/api/summaries' | '/api/devices';
	readonly answer: () => Response | 'network-error';
}

/**
 * The API as the server's README describes it, in memory: devices, summaries idempotent on their
 * uuid, delete by device. `script` overrides the next answers of an endpoint, in order.
 */
export class FakeServer {
	readonly seen: SeenRequest[] = [];
	readonly stored = new Map<string, string>();
	readonly #tokens = new Set<string>();
	readonly script: Scripted[] = [];
	#tokenCount = 0;
	inFlight = 0;
	maxInFlight = 0;
	/** Milliseconds each answer takes (lets tests see requests overlap). */
	delayMs = 0;

	readonly fetch: typeof fetch = async (input, init) => {
		const href = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
		const url = new URL(href, 'http://test.invalid');
		const headers = new Headers(init?.headers);
		const auth = headers.get('authorization');
		const request: SeenRequest = {
			method: init?.method ?? 'GET',
			path: url.pathname,
			token: auth?.startsWith('Bearer ') ? auth.slice(7) : null,
			body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined
		};
		this.seen.push(request);
		this.inFlight++;
		this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
		try {
			if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
			const at = this.script.findIndex(
				(s) => s.method === request.method && s.path === request.path
			);
			const scripted = at >= 0 ? this.script.splice(at, 1)[0] : undefined;
			const answer = scripted ? scripted.answer() : this.#answer(request);
			if (answer === 'network-error') throw new TypeError('fetch failed');
			return answer;
		} finally {
			this.inFlight--;
		}
	};

	requests(method: string, path: string): SeenRequest[] {
		return this.seen.filter((r) => r.method === method && r.path === path);
	}

	#answer(request: SeenRequest): Response {
		if (request.method === 'POST' && request.path === '/api/devices') {
			const token = `token-number-${++this.#tokenCount}-of-the-fake-server`;
			this.#tokens.add(token);
			return json(201, { token });
		}
		if (request.token === null || !this.#tokens.has(request.token)) {
			return json(401, { error: { code: 'unauthorized', message: 'no such device' } });
		}
		if (request.method === 'POST' && request.path === '/api/summaries') {
			const { summaries } = request.body as { summaries: Summary[] };
			let stored = 0;
			for (const summary of summaries) {
				if (this.stored.has(summary.uuid)) continue;
				this.stored.set(summary.uuid, request.token);
				stored++;
			}
			return json(200, {
				confirmed: summaries.map((s) => s.uuid),
				stored,
				alreadyStored: summaries.length - stored
			});
		}
		if (request.method === 'DELETE' && request.path === '/api/summaries') {
			let deleted = 0;
			for (const [uuid, token] of this.stored) {
				if (token !== request.token) continue;
				this.stored.delete(uuid);
				deleted++;
			}
			return json(200, { deleted });
		}
		return json(404, { error: { code: 'not_found', message: 'no such endpoint' } });
	}

	/** The next answer of POST /api/summaries, instead of the server's own. */
	nextPost(answer: () => Response | 'network-error'): void {
		this.script.push({ method: 'POST', path: '/api/summaries', answer });
	}

	/** The next answer of DELETE /api/summaries. */
	nextDelete(answer: () => Response | 'network-error'): void {
		this.script.push({ method: 'DELETE', path: '/api/summaries', answer });
	}

	/** The next answer of POST /api/devices. */
	nextRegister(answer: () => Response | 'network-error'): void {
		this.script.push({ method: 'POST', path: '/api/devices', answer });
	}

	/** Forgets every token, as a server whose database was reset. */
	forgetDevices(): void {
		this.#tokens.clear();
	}
}

export function json(
	status: number,
	body: unknown,
	headers: Record<string, string> = {}
): Response {
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/json', ...headers }
	});
}
