import { utf8, type Bytes } from './bytes';

/**
 * PBKDF2-HMAC-SHA-256, as WebCrypto has it. 600,000 iterations is OWASP's current figure for
 * PBKDF2-HMAC-SHA-256 (Password Storage Cheat Sheet). Why not Argon2id: see README.md.
 */
export const PBKDF2_ITERATIONS = 600_000;

/** NIST SP 800-132 asks for at least 128 random bits of salt. */
export const SALT_BYTES = 16;

/**
 * The same passcode typed on two keyboards can differ in Unicode form (é as one code point or as
 * e + accent): NFC makes them the same bytes.
 */
function passcodeBytes(passcode: string): Bytes {
	return utf8(passcode.normalize('NFC'));
}

function pbkdf2(salt: Bytes, iterations: number): Pbkdf2Params {
	return { name: 'PBKDF2', hash: 'SHA-256', salt, iterations };
}

async function baseKey(passcode: string): Promise<CryptoKey> {
	return crypto.subtle.importKey('raw', passcodeBytes(passcode), 'PBKDF2', false, [
		'deriveKey',
		'deriveBits'
	]);
}

/** An AES-KW key (non-extractable) that wraps and unwraps the data key. */
export async function deriveWrappingKey(
	passcode: string,
	salt: Bytes,
	iterations: number
): Promise<CryptoKey> {
	return crypto.subtle.deriveKey(
		pbkdf2(salt, iterations),
		await baseKey(passcode),
		{ name: 'AES-KW', length: 256 },
		false,
		['wrapKey', 'unwrapKey']
	);
}

/** Raw derived bits, for keys that are split into parts (the QR transfer's key and check value). */
export async function deriveBits(
	secret: string,
	salt: Bytes,
	iterations: number,
	bits: number
): Promise<Bytes> {
	return new Uint8Array(
		await crypto.subtle.deriveBits(pbkdf2(salt, iterations), await baseKey(secret), bits)
	);
}
