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

/** The hash to look a token up by, or undefined for a string that cannot be a token. */
export function lookupHash(token: string): Buffer | undefined {
	return TOKEN_PATTERN.test(token) ? hashToken(token) : undefined;
}

/**
 * Whether a stored hash is this one. The index found the row by hash already; the compare in
 * constant time is the check that counts, so no answer ever depends on how many bytes matched.
 */
export function isSameHash(stored: Uint8Array, hash: Buffer): boolean {
	const storedBuffer = Buffer.from(stored);
	return storedBuffer.length === hash.length && timingSafeEqual(storedBuffer, hash);
}
