// Anonymous devices. A device proves itself with a bearer token: 256 random bits, shown to it
// once. The server keeps only the token's SHA-256, so a copy of the database cannot send as
// anyone; a hash of 256 random bits needs no salt or slow hash (nothing to guess).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../db/database';

const TOKEN_BYTES = 32;
// base64url of 32 bytes, no padding.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface Device {
	readonly id: string;
}

export function hashToken(token: string): Buffer {
	return createHash('sha256').update(token, 'utf8').digest();
}

/** Registers a new device; the token it returns exists nowhere else. */
export async function registerDevice(db: Queryable): Promise<{ token: string }> {
	const token = randomBytes(TOKEN_BYTES).toString('base64url');
	await db.query('INSERT INTO devices (token_hash) VALUES ($1)', [hashToken(token)]);
	return { token };
}

/** The device this token belongs to, or undefined. */
export async function findDevice(db: Queryable, token: string): Promise<Device | undefined> {
	if (!TOKEN_PATTERN.test(token)) return undefined;
	const hash = hashToken(token);
	const { rows } = await db.query<{ id: string | number; token_hash: Uint8Array }>(
		'SELECT id, token_hash FROM devices WHERE token_hash = $1',
		[hash]
	);
	const row = rows[0];
	if (!row) return undefined;
	// The index found the row by hash; the compare in constant time is the check that counts, so
	// no answer ever depends on how many bytes of a guess were right.
	const stored = Buffer.from(row.token_hash);
	if (stored.length !== hash.length || !timingSafeEqual(stored, hash)) return undefined;
	return { id: String(row.id) };
}
