// The team's three secrets: an enrolment code a professional types into a tablet, a coordinator key
// for the dashboard, and a session id in the dashboard's cookie. All are random, only their SHA-256
// is stored, and a stored hash is compared in constant time after the index found it.
//
// Why SHA-256 and no slow hash: a key (130 bits) and a session id (256 bits) cannot be guessed,
// hashed or not. An enrolment code is shorter, to be typed: 12 characters of Crockford's base32,
// 60 bits. Online, guessing is rate-limited per address. Offline, from a copy of the database, a
// code lives 14 days at most, and searching 2^59 hashes on average in 14 days is beyond reach.
import { createHash, randomBytes } from 'node:crypto';

export { isSameHash } from '../devices/devices';

/** Crockford's base32: no I, L, O or U, so nothing reads as another character. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const CODE_LENGTH = 12;
export const CODE_LIFETIME_DAYS = 14;
const KEY_LENGTH = 26; // 130 bits
const KEY_PREFIX = 'spw_';

function randomBase32(length: number): string {
	// 256 is a multiple of 32, so every character is equally likely.
	return [...randomBytes(length)].map((byte) => ALPHABET[byte % 32]).join('');
}

export function sha256(text: string): Buffer {
	return createHash('sha256').update(text, 'utf8').digest();
}

/** A new code, shown as XXXX-XXXX-XXXX. */
export function newEnrolmentCode(): string {
	const raw = randomBase32(CODE_LENGTH);
	return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

/**
 * A code as typed, in the one form it is hashed in: case, spaces and dashes do not matter, and
 * the letters people mistake for digits (O, I, L) count as those digits. Undefined when it cannot
 * be a code at all.
 */
export function normalizeEnrolmentCode(typed: string): string | undefined {
	const cleaned = typed
		.toUpperCase()
		.replace(/[\s-]/g, '')
		.replace(/O/g, '0')
		.replace(/[IL]/g, '1');
	if (cleaned.length !== CODE_LENGTH) return undefined;
	return [...cleaned].every((c) => ALPHABET.includes(c)) ? cleaned : undefined;
}

export function enrolmentCodeHash(typed: string): Buffer | undefined {
	const code = normalizeEnrolmentCode(typed);
	return code ? sha256(`enrolment:${code}`) : undefined;
}

export function newCoordinatorKey(): string {
	return `${KEY_PREFIX}${randomBase32(KEY_LENGTH)}`;
}

const KEY_PATTERN = new RegExp(`^${KEY_PREFIX}[${ALPHABET}]{${KEY_LENGTH}}$`);

/** The hash of a key as pasted (surrounding spaces ignored); undefined when it cannot be a key. */
export function coordinatorKeyHash(pasted: string): Buffer | undefined {
	const key = pasted.trim();
	return KEY_PATTERN.test(key) ? sha256(`coordinator:${key}`) : undefined;
}

export function newSessionId(): string {
	return randomBytes(32).toString('base64url');
}

export function sessionIdHash(id: string): Buffer | undefined {
	return /^[A-Za-z0-9_-]{43}$/.test(id) ? sha256(`session:${id}`) : undefined;
}
