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
	/** The team of an enrolled tablet; null for a personal phone. */
	readonly teamId: string | null;
}

export function hashToken(token: string): Buffer {
	return createHash('sha256').update(token, 'utf8').digest();
}

/** Registers a new device, in a team or none; the token it returns exists nowhere else. */
export async function registerDevice(
	db: Queryable,
	teamId: string | null = null
): Promise<{ token: string }> {
	const token = randomBytes(TOKEN_BYTES).toString('base64url');
	await db.query('INSERT INTO devices (token_hash, team_id) VALUES ($1, $2)', [
		hashToken(token),
		teamId
	]);
	return { token };
}

/** Puts a device in a team, or (null) takes it out. Its earlier summaries keep their team. */
export async function setDeviceTeam(
	db: Queryable,
	deviceId: string,
	teamId: string | null
): Promise<void> {
	await db.query('UPDATE devices SET team_id = $2 WHERE id = $1', [deviceId, teamId]);
}

/** The name of the device's team, or null. */
export async function deviceTeamName(db: Queryable, device: Device): Promise<string | null> {
	if (device.teamId === null) return null;
	const { rows } = await db.query<{ name: string }>('SELECT name FROM teams WHERE id = $1', [
		device.teamId
	]);
	return rows[0]?.name ?? null;
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
