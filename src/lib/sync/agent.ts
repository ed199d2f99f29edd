// When a tab flushes: on the events it is told of (start, online, back to the tab, a new item,
// a web left), at the time a pass asks for (a retry, an item becoming ready), and on a slow
// timer while there may be work. One pass at a time per tab; requests that arrive meanwhile
// are folded into the next pass. Across tabs the flusher's lock keeps it to one.
import { backoffDelay } from './backoff';
import type { PassResult, Trigger } from './flusher';

export interface Timers {
	set(callback: () => void, ms: number): unknown;
	clear(handle: unknown): void;
}

export interface AgentOptions {
	readonly flusher: { flush(trigger: Trigger): Promise<PassResult> };
	readonly clock?: () => number;
	readonly timers?: Timers;
	/** While there may be work, look again at least this often (a tab closed mid-way, say). */
	readonly periodicMs?: number;
	readonly onResult?: (result: PassResult) => void;
	/** A pass that threw (the database closed by another tab's upgrade, say). */
	readonly onError?: (error: unknown) => void;
}

/** Ten minutes: cheap (one read of a small table) and rare enough for a phone's battery. */
export const PERIODIC_MS = 10 * 60_000;

/** A later trigger may try before a failure's pause is over (flusher's mayTryEarly): keep it. */
const STRENGTH: Readonly<Record<Trigger, number>> = {
	withdraw: 3,
	manual: 2,
	online: 1,
	start: 0,
	visible: 0,
	'new-item': 0,
	ready: 0,
	timer: 0
};

const browserTimers: Timers = {
	set: (callback, ms) => setTimeout(callback, ms),
	clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
};

export class SyncAgent {
	readonly #options: AgentOptions;
	readonly #clock: () => number;
	readonly #timers: Timers;
	#pending: Trigger | null = null;
	#waiters: (() => void)[] = [];
	#isRunning = false;
	#timer: unknown = null;
	#errors = 0;
	#isStopped = false;

	constructor(options: AgentOptions) {
		this.#options = options;
		this.#clock = options.clock ?? Date.now;
		this.#timers = options.timers ?? browserTimers;
	}

	/** Asks for a pass; resolves once a pass that started after this call has ended. */
	request(trigger: Trigger): Promise<void> {
		if (this.#isStopped) return Promise.resolve();
		const pending = this.#pending;
		this.#pending = pending === null || STRENGTH[trigger] > STRENGTH[pending] ? trigger : pending;
		const done = new Promise<void>((resolve) => this.#waiters.push(resolve));
		if (!this.#isRunning) void this.#drain();
		return done;
	}

	/** No more passes or timers (a test's tab closing). */
	stop(): void {
		this.#isStopped = true;
		this.#clearTimer();
		this.#pending = null;
	}

	async #drain(): Promise<void> {
		this.#isRunning = true;
		while (this.#pending !== null && !this.#isStopped) {
			const trigger = this.#pending;
			const waiters = this.#waiters;
			this.#pending = null;
			this.#waiters = [];
			try {
				const result = await this.#options.flusher.flush(trigger);
				this.#errors = 0;
				this.#schedule(result);
				this.#options.onResult?.(result);
			} catch (error) {
				// Not the server's answer (that is a result): the device itself failed. Back off too.
				this.#errors++;
				this.#setTimer(this.#clock() + backoffDelay(this.#errors));
				this.#options.onError?.(error);
			}
			for (const resolve of waiters) resolve();
		}
		// Stopped with requests waiting: let them go.
		for (const resolve of this.#waiters.splice(0)) resolve();
		this.#isRunning = false;
	}

	#schedule(result: PassResult): void {
		if (result.kind === 'offline') {
			// The `online` event brings it back; no timer to wake a phone that has no network.
			this.#clearTimer();
			return;
		}
		if (!result.isActive) {
			this.#clearTimer();
			return;
		}
		const periodic = this.#clock() + (this.#options.periodicMs ?? PERIODIC_MS);
		const asked = result.kind === 'retry' ? result.at : result.nextAt;
		this.#setTimer(asked === null ? periodic : Math.min(asked, periodic));
	}

	#setTimer(at: number): void {
		this.#clearTimer();
		if (this.#isStopped) return;
		this.#timer = this.#timers.set(
			() => {
				this.#timer = null;
				void this.request('timer');
			},
			Math.max(0, at - this.#clock())
		);
	}

	#clearTimer(): void {
		if (this.#timer !== null) this.#timers.clear(this.#timer);
		this.#timer = null;
	}
}
