/**
 * Runs writes one after another, and lets a newer write to the same slot replace one that has not
 * started yet. A slider dragged or stepped by keyboard produces many values a second; only the
 * last one per aspect needs to reach the database, and it gets there within about one write's
 * time instead of waiting behind every value in between.
 */
export class WriteQueue {
	readonly #pending = new Map<string, () => Promise<unknown>>();
	readonly #onIdle: (error: unknown) => void;
	#running: Promise<void> | null = null;
	#lastError: unknown = null;

	/** `onIdle` is told when every queued write is done, with the last error or null. */
	constructor(onIdle: (error: unknown) => void) {
		this.#onIdle = onIdle;
	}

	get isBusy(): boolean {
		return this.#running !== null;
	}

	/** Queues a write; it resolves when the queue is empty again. */
	enqueue(slot: string, write: () => Promise<unknown>): Promise<void> {
		this.#pending.set(slot, write);
		this.#running ??= this.#drain();
		return this.#running;
	}

	async #drain(): Promise<void> {
		this.#lastError = null;
		for (let next = this.#takeNext(); next; next = this.#takeNext()) {
			try {
				await next();
			} catch (error) {
				this.#lastError = error;
			}
		}
		this.#running = null;
		this.#onIdle(this.#lastError);
	}

	#takeNext(): (() => Promise<unknown>) | undefined {
		const first = this.#pending.entries().next();
		if (first.done) return undefined;
		const [slot, write] = first.value;
		this.#pending.delete(slot);
		return write;
	}
}
