import type { PendingWrite } from '$lib/storage/write-now';
import { toSaveProblem, type SaveProblem } from './save-feedback';

/**
 * The newest version of one record that a screen edits: the last one this screen wrote, or the
 * one read from the database when that is newer (another tab changed it). Every change is made
 * to this newest version and written whole at once, so a change never waits behind another one
 * and a reload right after it finds exactly what the person left (see storage/README.md).
 */
export class LatestRecord<T extends { readonly updatedAt: number }> {
	readonly #read: () => T | null | undefined;
	#written = $state.raw<T | null>(null);
	#inFlight = $state(0);
	#problem = $state<SaveProblem | null>(null);
	#savedAt = $state<number | null>(null);
	/** The last failure since the screen was last idle: reported once every write has settled. */
	#lastError: unknown = null;

	/**
	 * `read` gives the record as the database has it now: null when there is none yet (a change
	 * may start one), undefined while it loads or when it may not be changed (it is damaged).
	 */
	constructor(read: () => T | null | undefined) {
		this.#read = read;
	}

	get current(): T | undefined {
		const read = this.#read() ?? undefined;
		const written = this.#written;
		if (!written || !read) return written ?? read;
		return read.updatedAt > written.updatedAt ? read : written;
	}

	get isSaving(): boolean {
		return this.#inFlight > 0;
	}

	get savedAt(): number | null {
		return this.#savedAt;
	}

	get saveProblem(): SaveProblem | null {
		return this.#problem;
	}

	/**
	 * Applies a change to the newest version (null: there is none yet). `write` starts the write
	 * synchronously and returns it, or null when nothing changed. A write that cannot start counts
	 * as failed, and so does a change to a record that is not read yet or may not be changed.
	 */
	change(write: (latest: T | null) => PendingWrite<T> | null): Promise<void> {
		let pending: PendingWrite<T> | null;
		try {
			const read = this.#read();
			if (read === undefined && this.#written === null) {
				throw new Error('This record cannot be changed now: it is not read yet, or damaged.');
			}
			pending = write(this.current ?? null);
		} catch (error) {
			pending = null;
			this.#settle(error);
			return Promise.resolve();
		}
		if (pending === null) return Promise.resolve();
		// Shown at once, also when the write fails: the answer stays on screen with the message.
		this.#written = pending.value;
		this.#inFlight++;
		return pending.saved.then(
			() => this.#done(null),
			(error: unknown) => this.#done(error)
		);
	}

	/**
	 * A version stored by other means (a transaction over more than one table): shown now, and the
	 * next change builds on it. An older one than the screen has is ignored.
	 */
	accept(value: T): void {
		const current = this.current;
		if (!current || value.updatedAt > current.updatedAt) this.#written = value;
	}

	#done(error: unknown): void {
		this.#inFlight--;
		if (error !== null) this.#lastError = error;
		if (this.#inFlight === 0) this.#settle(this.#lastError);
	}

	#settle(error: unknown): void {
		this.#lastError = null;
		this.#problem = error === null ? null : toSaveProblem(error);
		if (error === null) this.#savedAt = Date.now();
	}
}
