// Rate limits in fixed windows, counted in the database (table rate_limit_windows) so that every
// app server behind one PostgreSQL counts against the same numbers: a client cannot get twice the
// limit by landing on two servers. One statement counts a request against all its limits at once.
// The clock is the database's (now()), so servers with drifting clocks still agree on windows.
import { createHmac, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database';

export interface Limit {
	/** What is counted: `address:<keyed hash>`, `device:<id>`, `register:<keyed hash>`. */
	readonly key: string;
	readonly windowSeconds: number;
	readonly max: number;
}

export type LimitVerdict =
	{ readonly isAllowed: true } | { readonly isAllowed: false; readonly retryAfterSeconds: number };

const HIT_SQL = `
INSERT INTO rate_limit_windows (key, window_start, hits)
SELECT l.key, to_timestamp(floor(extract(epoch FROM now()) / l.seconds) * l.seconds), 1
FROM unnest($1::text[], $2::int[]) AS l (key, seconds)
ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limit_windows.hits + 1
RETURNING key, hits,
	extract(epoch FROM window_start)::float8 AS window_start,
	extract(epoch FROM now())::float8 AS now`;

/** Counts one request against every limit; refused when any of them is over. */
export async function hit(db: Queryable, limits: readonly Limit[]): Promise<LimitVerdict> {
	if (limits.length === 0) return { isAllowed: true };
	const byKey = new Map(limits.map((limit) => [limit.key, limit]));
	const { rows } = await db.query<{
		key: string;
		hits: number;
		window_start: number;
		now: number;
	}>(HIT_SQL, [
		limits.map((limit) => limit.key),
		limits.map((limit) => String(limit.windowSeconds))
	]);
	let retryAfter = 0;
	for (const row of rows) {
		const limit = byKey.get(row.key);
		if (limit && row.hits > limit.max) {
			const left = Math.ceil(row.window_start + limit.windowSeconds - row.now);
			retryAfter = Math.max(retryAfter, Math.min(Math.max(left, 1), limit.windowSeconds));
		}
	}
	return retryAfter > 0 ? { isAllowed: false, retryAfterSeconds: retryAfter } : { isAllowed: true };
}

/** Deletes windows that have passed. Any server may run it; running it twice is harmless. */
export async function forgetPastWindows(db: Queryable, olderThanSeconds: number): Promise<void> {
	await db.query(
		'DELETE FROM rate_limit_windows WHERE window_start < now() - make_interval(secs => $1::int)',
		[olderThanSeconds]
	);
}

/**
 * The secret that turns an address into a key. Addresses are personal data: the table holds a
 * keyed hash, never the address, and without the secret a hash cannot be matched to one. The
 * first server to start makes it; the others read the same one.
 */
export async function addressSecret(db: Queryable): Promise<Buffer> {
	await db.query(
		"INSERT INTO server_secrets (name, value) VALUES ('rate_limit_address', $1) ON CONFLICT (name) DO NOTHING",
		[randomBytes(32)]
	);
	const { rows } = await db.query<{ value: Uint8Array }>(
		"SELECT value FROM server_secrets WHERE name = 'rate_limit_address'"
	);
	const value = rows[0]?.value;
	if (!value) throw new Error('The rate-limit secret is missing after it was made.');
	return Buffer.from(value);
}

export function addressKey(secret: Buffer, address: string): string {
	return createHmac('sha256', secret).update(address).digest('base64url').slice(0, 22);
}
