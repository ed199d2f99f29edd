import { fromUtf8, randomBytes, utf8, type Bytes } from './bytes';

/**
 * One record's content at rest: AES-256-GCM over its JSON, with a fresh random 96-bit IV for every
 * write. The tag (16 bytes) is part of `ct`; GCM checks it on decryption, so a changed byte in
 * either the IV or the ciphertext, or the wrong key, fails instead of giving other data.
 *
 * Random 96-bit IVs keep the chance of a repeat negligible up to 2^32 encryptions under one key
 * (NIST SP 800-38D, 8.3); a person writes far fewer records in a lifetime of use.
 */
export interface SealedValue {
	readonly iv: Bytes;
	readonly ct: Bytes;
}

export const IV_BYTES = 12;
/** AES-GCM's authentication tag, appended to the ciphertext by WebCrypto. */
export const TAG_BYTES = 16;

/** The data key could not open this value: wrong key, another record's slot, or changed bytes. */
export class DecryptError extends Error {
	override readonly name = 'DecryptError';

	constructor() {
		super('The value could not be decrypted with this key');
	}
}

/**
 * Encrypts a JSON-serialisable value. `context` is bound to the ciphertext as associated data
 * (not secret, not stored in it): a value sealed for one record (`webs/<id>`) does not open in
 * another's place, so someone who can write the browser's files cannot swap records around.
 */
export async function encryptRecord(
	key: CryptoKey,
	value: unknown,
	context = ''
): Promise<SealedValue> {
	const json = JSON.stringify(value);
	if (json === undefined) throw new TypeError('Only JSON values can be encrypted');
	const iv = randomBytes(IV_BYTES);
	const ct = await crypto.subtle.encrypt(
		{ name: 'AES-GCM', iv, additionalData: utf8(context) },
		key,
		utf8(json)
	);
	return { iv, ct: new Uint8Array(ct) };
}

/**
 * Decrypts what encryptRecord made with the same key and context. Returns the value as `unknown`:
 * the caller parses it with its schema like any stored record. Throws DecryptError on any failure.
 */
export async function decryptRecord(
	key: CryptoKey,
	sealed: SealedValue,
	context = ''
): Promise<unknown> {
	let plain: ArrayBuffer;
	try {
		plain = await crypto.subtle.decrypt(
			{ name: 'AES-GCM', iv: sealed.iv, additionalData: utf8(context) },
			key,
			sealed.ct
		);
	} catch {
		throw new DecryptError();
	}
	try {
		return JSON.parse(fromUtf8(new Uint8Array(plain))) as unknown;
	} catch {
		// Authentic but not JSON: only a bug could have sealed that. Still no throw of another kind.
		throw new DecryptError();
	}
}
