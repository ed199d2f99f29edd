import * as z from 'zod/mini';

/**
 * Wrong passcodes are slowed down: the first few are free (a typo), then each failure doubles the
 * wait, up to 15 minutes. The count and the time of the last failure are stored, so a reload does
 * not start over.
 *
 * This guards the lock screen only. Someone who copies the browser's files can guess offline at
 * the speed PBKDF2 allows; against that the 600,000 iterations and a long passcode help, not this
 * (SECURITY.md).
 */
export const FREE_ATTEMPTS = 3;
export const MAX_DELAY_MS = 15 * 60_000;

export const FailedAttemptsSchema = z.object({
	count: z.number().check(z.int(), z.nonnegative()),
	/** Epoch ms of the latest failure (or of the attempt in progress, see beginAttempt). */
	lastFailureAt: z.number().check(z.int(), z.nonnegative())
});
export type FailedAttempts = z.infer<typeof FailedAttemptsSchema>;

export const NO_FAILURES: FailedAttempts = { count: 0, lastFailureAt: 0 };

/** The wait after `count` failures in a row: 0, 0, 0, then 2 s, 4 s, 8 s … up to 15 minutes. */
export function delayAfterFailures(count: number): number {
	if (count <= FREE_ATTEMPTS) return 0;
	// Capped before the power, so a huge count cannot overflow into Infinity or NaN.
	const exponent = Math.min(count - FREE_ATTEMPTS, 20);
	return Math.min(1000 * 2 ** exponent, MAX_DELAY_MS);
}

/**
 * How long until the next try is allowed. A clock set back before the last failure does not shorten
 * the wait: the time since then counts as none.
 */
export function remainingWaitMs(attempts: FailedAttempts, now: number): number {
	const elapsed = Math.max(0, now - attempts.lastFailureAt);
	return Math.max(0, delayAfterFailures(attempts.count) - elapsed);
}

/**
 * Counted as a failure before the passcode is even tried, so closing the tab during the
 * (slow) key derivation does not make a guess free; a success clears it.
 */
export function beginAttempt(attempts: FailedAttempts, now: number): FailedAttempts {
	return { count: attempts.count + 1, lastFailureAt: now };
}

/** Where the count lives; the app keeps it in localStorage (see AttemptLog). */
export type AttemptStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const ATTEMPTS_KEY = 'spinnenweb-lock-attempts';

/**
 * The stored count, parsed on read. A value that cannot be read counts as no failures: how many
 * there were cannot be told from it, and the person must not be locked out by a damaged value.
 */
export class AttemptLog {
	readonly #storage: AttemptStorage | undefined;

	constructor(storage: AttemptStorage | undefined) {
		this.#storage = storage;
	}

	read(): FailedAttempts {
		try {
			const raw = this.#storage?.getItem(ATTEMPTS_KEY);
			if (!raw) return NO_FAILURES;
			const result = FailedAttemptsSchema.safeParse(JSON.parse(raw));
			return result.success ? result.data : NO_FAILURES;
		} catch {
			return NO_FAILURES;
		}
	}

	write(attempts: FailedAttempts): void {
		try {
			this.#storage?.setItem(ATTEMPTS_KEY, JSON.stringify(attempts));
		} catch {
			// Storage blocked or full: the delay still holds for this page.
		}
	}

	clear(): void {
		try {
			this.#storage?.removeItem(ATTEMPTS_KEY);
		} catch {
			// nothing stored to clear
		}
	}
}
