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

// Keys are counted in sorted order: two requests that share keys then lock their rows in the
// same order and can never deadlock.
const COUNT_CTE = `
counted AS (
	INSERT INTO rate_limit_windows (key, window_start, hits)
	SELECT w.key, to_timestamp(floor(extract(epoch FROM now()) / w.seconds) * w.seconds), 1
	FROM wanted w
	ORDER BY w.key
	ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limit_windows.hits + 1
	RETURNING key, hits, extract(epoch FROM window_start)::float8 AS window_start
)`;

const HIT_SQL = `
WITH wanted AS (SELECT * FROM unnest($1::text[], $2::int[]) AS l (key, seconds)),
${COUNT_CTE}
SELECT coalesce(json_agg(counted), '[]'::json) AS hits, extract(epoch FROM now())::float8 AS now
FROM counted`;

// The device's lookup and the counting in one round trip: the busiest path (every batch) pays
// for one statement before its insert, not two.
const HIT_AS_DEVICE_SQL = `
WITH device AS (SELECT id, token_hash, team_id FROM devices WHERE token_hash = $1),
wanted AS (
	SELECT * FROM unnest($2::text[], $3::int[]) AS l (key, seconds)
	UNION ALL
	SELECT 'device:' || id, $4::int FROM device
),
${COUNT_CTE}
SELECT
	(SELECT id::text FROM device) AS device_id,
	(SELECT token_hash FROM device) AS token_hash,
	(SELECT team_id::text FROM device) AS team_id,
	(SELECT coalesce(json_agg(counted), '[]'::json) FROM counted) AS hits,
	extract(epoch FROM now())::float8 AS now`;

interface CountedRow {
	readonly key: string;
	readonly hits: number;
	readonly window_start: number;
}

function verdictOf(
	counted: readonly CountedRow[],
	limits: readonly Limit[],
	now: number
): LimitVerdict {
	const byKey = new Map(limits.map((limit) => [limit.key, limit]));
	let retryAfter = 0;
	for (const row of counted) {
		const limit = byKey.get(row.key);
		if (limit && row.hits > limit.max) {
			const left = Math.ceil(row.window_start + limit.windowSeconds - now);
			retryAfter = Math.max(retryAfter, Math.min(Math.max(left, 1), limit.windowSeconds));
		}
	}
	return retryAfter > 0 ? { isAllowed: false, retryAfterSeconds: retryAfter } : { isAllowed: true };
}

function parameters(limits: readonly Limit[]): [string[], string[]] {
	return [limits.map((limit) => limit.key), limits.map((limit) => String(limit.windowSeconds))];
}

/** Counts one request against every limit; refused when any of them is over. */
export async function hit(db: Queryable, limits: readonly Limit[]): Promise<LimitVerdict> {
	if (limits.length === 0) return { isAllowed: true };
	const { rows } = await db.query<{ hits: CountedRow[]; now: number }>(HIT_SQL, parameters(limits));
	const row = rows[0];
	return row ? verdictOf(row.hits, limits, row.now) : { isAllowed: true };
}

export interface DeviceHit {
	/** The device whose token hash matched, with the stored hash for the caller's own check. */
	readonly device:
		| { readonly id: string; readonly tokenHash: Uint8Array; readonly teamId: string | null }
		| undefined;
	readonly verdict: LimitVerdict;
}

/**
 * Finds the device by its token's hash and counts the request against `limits` and, when the
 * device exists, against its own limit (`device:<id>`), in one statement.
 */
export async function hitAsDevice(
	db: Queryable,
	tokenHash: Uint8Array,
	limits: readonly Limit[],
	deviceLimit: { readonly windowSeconds: number; readonly max: number }
): Promise<DeviceHit> {
	const { rows } = await db.query<{
		device_id: string | null;
		token_hash: Uint8Array | null;
		team_id: string | null;
		hits: CountedRow[];
		now: number;
	}>(HIT_AS_DEVICE_SQL, [tokenHash, ...parameters(limits), deviceLimit.windowSeconds]);
	const row = rows[0];
	if (!row) return { device: undefined, verdict: { isAllowed: true } };
	const device =
		row.device_id !== null && row.token_hash !== null
			? { id: row.device_id, tokenHash: row.token_hash, teamId: row.team_id }
			: undefined;
	const all = device ? [...limits, { key: `device:${device.id}`, ...deviceLimit }] : limits;
	return { device, verdict: verdictOf(row.hits, all, row.now) };
}

/** Whether a limit is reached already, without counting this request (for counting failures only). */
export async function isOver(db: Queryable, limit: Limit): Promise<LimitVerdict> {
	const { rows } = await db.query<{ hits: number; window_start: number; now: number }>(
		`SELECT hits, extract(epoch FROM window_start)::float8 AS window_start,
			extract(epoch FROM now())::float8 AS now
		FROM rate_limit_windows
		WHERE key = $1
			AND window_start = to_timestamp(floor(extract(epoch FROM now()) / $2) * $2)`,
		[limit.key, limit.windowSeconds]
	);
	const row = rows[0];
	if (!row || row.hits < limit.max) return { isAllowed: true };
	const left = Math.ceil(row.window_start + limit.windowSeconds - row.now);
	return { isAllowed: false, retryAfterSeconds: Math.min(Math.max(left, 1), limit.windowSeconds) };
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
