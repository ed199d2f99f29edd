// One pass of sending the outbox: what the server's README asks of a client ("For the app's
// outbox"), with nothing of the browser in it: the store, the wire, the locks and the clock are
// handed in, so tests run it against a real server, a lossy network and several "tabs".
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import type { DeleteOutcome, RegisterOutcome, RetryLater, SyncClient } from './client';
import { MAX_BATCH_SIZE, type Summary } from './protocol';
import type { FailureKind } from './records';

/** The items waiting to be sent (the same contract as tests/server/support/outbox.ts). */
export interface Outbox {
	/** Up to `limit` summaries ready to send, oldest first, built as they leave. */
	peek(limit: number): Promise<Summary[]>;
	/** Removes exactly these: what the server confirmed. */
	remove(uuids: readonly string[]): Promise<void>;
	/** Takes an item out of the sending for good, with the server's reason. */
	setAside(uuid: string, reason: string): Promise<void>;
	/** Items still to send, ready or not; set-aside ones do not count. */
	size(): Promise<number>;
}

export interface RetryState {
	readonly failures: number;
	readonly notBefore: number;
	readonly kind: FailureKind;
}

export interface DeviceState {
	readonly isOn: boolean;
	readonly token: string | null;
	readonly isWithdrawing: boolean;
	readonly retry: RetryState | null;
}

/** The rest of what the flusher keeps on the device: consent, token, withdrawal, schedule. */
export interface SyncDevice {
	read(): Promise<DeviceState>;
	/** Stores the token unless one is there already; returns the one that is kept. */
	saveToken(token: string): Promise<string>;
	/** Forgets the token if it is still this one. */
	forgetToken(token: string): Promise<void>;
	/** The server deleted everything of this device (or never knew it): forget the token too. */
	finishWithdrawal(deleted: number): Promise<void>;
	saveRetry(retry: RetryState | null): Promise<void>;
	/** When the first item still waiting for its focus becomes ready; null when none waits. */
	nextReadyAt(): Promise<number | null>;
}

/** What Web Locks gives (navigator.locks), reduced to the one call used. */
export interface Locks {
	request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/** The lock every tab's flusher and every withdrawal take: one of them at a time, per origin. */
export const SYNC_LOCK = 'spinnenweb-sync';

export type Trigger =
	'start' | 'online' | 'visible' | 'new-item' | 'ready' | 'timer' | 'withdraw' | 'manual';

export type PassResult =
	/** The network is down: nothing tried (a withdrawal with nothing on the server is done). */
	| { readonly kind: 'offline'; readonly isActive: boolean }
	/**
	 * Nothing left to send now. `nextAt`: when an item waiting for its focus becomes ready.
	 * `isActive`: consent is on or a withdrawal waits, so there may be work later.
	 */
	| { readonly kind: 'done'; readonly isActive: boolean; readonly nextAt: number | null }
	/** A failure, or an earlier one's pause is not over: try again at `at`. */
	| { readonly kind: 'retry'; readonly isActive: true; readonly at: number };

export interface FlusherStats {
	requests: number;
	failures: number;
	alreadyStored: number;
	setAside: number;
	registrations: number;
}

export interface FlusherOptions {
	readonly outbox: Outbox;
	readonly device: SyncDevice;
	readonly client: SyncClient;
	/** navigator.locks; null where the browser has none (sending twice is harmless, only slower). */
	readonly locks: Locks | null;
	readonly isOnline?: () => boolean;
	readonly clock?: () => number;
	readonly random?: () => number;
	readonly backoff?: BackoffOptions;
	/** Summaries per request; at most the protocol's MAX_BATCH_SIZE. */
	readonly batchSize?: () => number;
}

/**
 * Which events may try before an earlier failure's pause is over: the network coming back after
 * a network failure, and the person's own action (withdrawing, "try again"). Never while the
 * server asked us to wait (429 with Retry-After).
 */
export function mayTryEarly(trigger: Trigger, kind: FailureKind): boolean {
	if (kind === 'rate-limited') return false;
	if (trigger === 'online') return kind === 'network';
	return trigger === 'withdraw' || trigger === 'manual';
}

export class Flusher {
	readonly stats: FlusherStats = {
		requests: 0,
		failures: 0,
		alreadyStored: 0,
		setAside: 0,
		registrations: 0
	};
	readonly #outbox: Outbox;
	readonly #device: SyncDevice;
	readonly #client: SyncClient;
	readonly #locks: Locks | null;
	readonly #isOnline: () => boolean;
	readonly #clock: () => number;
	readonly #random: () => number;
	readonly #backoff: BackoffOptions;
	readonly #batchSize: () => number;

	constructor(options: FlusherOptions) {
		this.#outbox = options.outbox;
		this.#device = options.device;
		this.#client = options.client;
		this.#locks = options.locks;
		this.#isOnline = options.isOnline ?? (() => true);
		this.#clock = options.clock ?? Date.now;
		this.#random = options.random ?? Math.random;
		this.#backoff = options.backoff ?? DEFAULT_BACKOFF;
		this.#batchSize = options.batchSize ?? (() => MAX_BATCH_SIZE);
	}

	/**
	 * One pass under the lock: a pending withdrawal first, then batches until nothing ready is
	 * left or something fails. Waits for another tab's pass to end (the lock queues), so two tabs
	 * never send at once, and a withdrawal never crosses a batch in flight.
	 */
	flush(trigger: Trigger): Promise<PassResult> {
		const pass = () => this.#pass(trigger);
		return this.#locks ? this.#locks.request(SYNC_LOCK, pass) : pass();
	}

	async #pass(trigger: Trigger): Promise<PassResult> {
		let retry = (await this.#device.read()).retry;
		if (retry && retry.notBefore > this.#clock() && !mayTryEarly(trigger, retry.kind)) {
			return { kind: 'retry', isActive: true, at: retry.notBefore };
		}
		let batchSize = Math.max(1, Math.min(MAX_BATCH_SIZE, Math.floor(this.#batchSize())));
		let hasRegistered = false;
		for (;;) {
			// Read again each round: another tab may have withdrawn consent meanwhile.
			const state = await this.#device.read();
			if (state.isWithdrawing) {
				if (state.token === null) {
					// Never registered, so the server holds nothing of this device.
					await this.#device.finishWithdrawal(0);
					continue;
				}
				if (!this.#isOnline()) return { kind: 'offline', isActive: true };
				const outcome = await this.#client.deleteAll(state.token);
				if (outcome.kind === 'deleted' || outcome.kind === 'unknown-device') {
					await this.#device.finishWithdrawal(outcome.kind === 'deleted' ? outcome.deleted : 0);
					continue;
				}
				// A refusal cannot be set aside like an item: the withdrawal must happen. Keep trying.
				return this.#fail(asRetry(outcome), retry);
			}
			if (!state.isOn) break;
			const batch = await this.#outbox.peek(batchSize);
			if (batch.length === 0) break;
			if (!this.#isOnline()) return { kind: 'offline', isActive: true };

			let token = state.token;
			if (token === null) {
				const registered = await this.#client.register();
				this.stats.registrations++;
				if (registered.kind !== 'registered') return this.#fail(asRetry(registered), retry);
				token = await this.#device.saveToken(registered.token);
				hasRegistered = true;
			}

			this.stats.requests++;
			const outcome = await this.#client.send(token, batch);
			switch (outcome.kind) {
				case 'confirmed': {
					this.stats.alreadyStored += outcome.alreadyStored;
					await this.#outbox.remove(outcome.confirmed);
					// A 200 that confirms none of what was sent would have us send it for ever.
					const sent = new Set(batch.map((summary) => summary.uuid));
					if (!outcome.confirmed.some((uuid) => sent.has(uuid))) {
						return this.#fail(serverTrouble, retry);
					}
					if (retry) {
						await this.#device.saveRetry(null);
						retry = null;
					}
					break;
				}
				case 'unauthorized':
					this.stats.failures++;
					await this.#device.forgetToken(token);
					// A token the server gave a moment ago and already refuses: the server is wrong.
					if (hasRegistered) return this.#fail(serverTrouble, retry);
					break;
				case 'too-large':
					this.stats.failures++;
					if (batch.length > 1) batchSize = Math.ceil(batch.length / 2);
					else await this.#setAside(batch, 'body_too_large');
					break;
				case 'refused': {
					this.stats.failures++;
					const refused = outcome.items ? outcome.items.map((i) => batch[i]!) : batch;
					await this.#setAside(refused, outcome.reason);
					break;
				}
				case 'retry':
					return this.#fail(outcome, retry);
			}
		}
		if (retry) await this.#device.saveRetry(null);
		const state = await this.#device.read();
		return {
			kind: 'done',
			isActive: state.isOn || state.isWithdrawing,
			nextAt: state.isOn ? await this.#device.nextReadyAt() : null
		};
	}

	async #setAside(summaries: readonly Summary[], reason: string): Promise<void> {
		for (const summary of summaries) {
			await this.#outbox.setAside(summary.uuid, reason);
			this.stats.setAside++;
		}
	}

	/** Counts the failure in the shared schedule (all tabs keep to it) and says when to retry. */
	async #fail(outcome: RetryLater, previous: RetryState | null): Promise<PassResult> {
		this.stats.failures++;
		const failures = (previous?.failures ?? 0) + 1;
		const pause = Math.max(
			backoffDelay(failures, this.#random, this.#backoff),
			outcome.retryAfterMs ?? 0
		);
		const notBefore = this.#clock() + pause;
		await this.#device.saveRetry({ failures, notBefore, kind: outcome.failure });
		return { kind: 'retry', isActive: true, at: notBefore };
	}
}

const serverTrouble: RetryLater = { kind: 'retry', failure: 'server', retryAfterMs: null };

/** A refused registration or withdrawal is the server's trouble (an old host, a proxy): retry. */
function asRetry(outcome: RegisterOutcome | DeleteOutcome): RetryLater {
	return outcome.kind === 'retry' ? outcome : serverTrouble;
}
