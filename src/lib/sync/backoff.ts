// When to try again after a failure: exponential backoff with jitter, and the server's own
// Retry-After where it gives one. Pure, so the schedule is tested as numbers.

export interface BackoffOptions {
	/** The first pause, before jitter. */
	readonly baseMs: number;
	/** No pause grows beyond this. */
	readonly capMs: number;
}

/** 5 s, 10 s, 20 s … up to 15 minutes: soon enough after a blip, gentle on a server in trouble. */
export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 5_000, capMs: 15 * 60_000 };

/**
 * The pause after the `failures`-th failure in a row (1, 2, …): base × 2^(failures − 1), capped,
 * then scaled by a random factor in [0.5, 1) so that many devices that failed at the same moment
 * (a server restart) do not all come back at the same moment.
 */
export function backoffDelay(
	failures: number,
	random: () => number = Math.random,
	options: BackoffOptions = DEFAULT_BACKOFF
): number {
	const exponent = Math.max(0, Math.floor(failures) - 1);
	// 2 ** 1000 is Infinity, which min() caps: no overflow to worry about.
	const pause = Math.min(options.capMs, options.baseMs * 2 ** exponent);
	return Math.round(pause * (0.5 + random() * 0.5));
}

/** The longest Retry-After honoured: a wrong header must not silence the outbox for days. */
export const MAX_RETRY_AFTER_MS = 60 * 60_000;

/**
 * Retry-After as milliseconds from `now`: seconds (`120`) or an HTTP date. null when absent or
 * unreadable; capped at an hour.
 */
export function parseRetryAfter(value: string | null, now: number): number | null {
	if (value === null) return null;
	const text = value.trim();
	let ms: number;
	if (/^\d+$/.test(text)) ms = Number(text) * 1000;
	else {
		// An HTTP date names its day and month: "-5" or "2026" must not read as a year.
		const at = /^[a-z]{3}, /i.test(text) ? Date.parse(text) : Number.NaN;
		if (Number.isNaN(at)) return null;
		ms = Math.max(0, at - now);
	}
	return Math.min(ms, MAX_RETRY_AFTER_MS);
}
