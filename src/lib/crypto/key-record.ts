import * as z from 'zod/mini';
import { ownBytes, randomBytes, toHex } from './bytes';
import { deriveWrappingKey, PBKDF2_ITERATIONS, SALT_BYTES } from './kdf';

/**
 * The envelope: one random AES-256-GCM data key encrypts every record; a key derived from the
 * passcode wraps it (AES-KW, RFC 3394). Only the wrapped data key is stored, in one record (this
 * one): changing the passcode re-wraps the data key and rewrites only this record, in one write.
 *
 * AES-KW rather than AES-GCM for the wrap: it is made for exactly this, needs no IV, and its
 * built-in integrity check makes a wrong passcode fail to unwrap (a false success has a chance
 * of 2^-64).
 */

/** 32 bytes of key + AES-KW's 8-byte integrity block. */
export const WRAPPED_KEY_BYTES = 40;

const BytesSchema = (length: number) =>
	z.instanceof(Uint8Array).check(z.refine((bytes) => bytes.length === length));

const TimeSchema = z.number().check(z.int(), z.nonnegative());

export const KeyRecordSchema = z.object({
	/** This record's own format. */
	v: z.literal(1),
	/** Names the data key, so a sealed record says which key sealed it. */
	keyId: z.string().check(z.regex(/^[0-9a-f]{16}$/)),
	kdf: z.object({
		name: z.literal('PBKDF2-HMAC-SHA-256'),
		// A floor and a ceiling: a damaged or hand-edited record cannot make unlocking take hours.
		iterations: z.number().check(z.int(), z.minimum(1_000), z.maximum(10_000_000)),
		salt: BytesSchema(SALT_BYTES)
	}),
	wrap: z.literal('AES-KW'),
	wrappedKey: BytesSchema(WRAPPED_KEY_BYTES),
	createdAt: TimeSchema,
	/** When the passcode was set or last changed. */
	changedAt: TimeSchema
});
export type KeyRecord = z.infer<typeof KeyRecordSchema>;

/** The passcode does not open this key record. */
export class WrongPasscodeError extends Error {
	override readonly name = 'WrongPasscodeError';

	constructor() {
		super('The passcode does not unwrap the data key');
	}
}

export interface KeyOptions {
	/** Tests use fewer; the app always uses the default. */
	iterations?: number;
}

const DATA_KEY: AesKeyGenParams = { name: 'AES-GCM', length: 256 };
const DATA_KEY_USES: KeyUsage[] = ['encrypt', 'decrypt'];

async function wrapWithPasscode(
	dataKey: CryptoKey,
	passcode: string,
	iterations: number
): Promise<Pick<KeyRecord, 'kdf' | 'wrappedKey'>> {
	const salt = randomBytes(SALT_BYTES);
	const wrappingKey = await deriveWrappingKey(passcode, salt, iterations);
	const wrapped = await crypto.subtle.wrapKey('raw', dataKey, wrappingKey, 'AES-KW');
	return {
		kdf: { name: 'PBKDF2-HMAC-SHA-256', iterations, salt },
		wrappedKey: new Uint8Array(wrapped)
	};
}

async function unwrap(
	record: KeyRecord,
	passcode: string,
	isExtractable: boolean
): Promise<CryptoKey> {
	const wrappingKey = await deriveWrappingKey(
		passcode,
		ownBytes(record.kdf.salt),
		record.kdf.iterations
	);
	try {
		return await crypto.subtle.unwrapKey(
			'raw',
			ownBytes(record.wrappedKey),
			wrappingKey,
			'AES-KW',
			DATA_KEY,
			isExtractable,
			DATA_KEY_USES
		);
	} catch {
		throw new WrongPasscodeError();
	}
}

/**
 * A new data key, wrapped with the passcode. Returns the record to store and the data key to
 * keep in memory, which cannot be exported: no script on the page can read its bytes.
 */
export async function createKeyRecord(
	passcode: string,
	now: number,
	options: KeyOptions = {}
): Promise<{ record: KeyRecord; key: CryptoKey }> {
	// Extractable only for this moment, so it can be wrapped; the app gets an unwrapped copy that is not.
	const dataKey = await crypto.subtle.generateKey(DATA_KEY, true, DATA_KEY_USES);
	const record = KeyRecordSchema.parse({
		v: 1,
		keyId: toHex(randomBytes(8)),
		...(await wrapWithPasscode(dataKey, passcode, options.iterations ?? PBKDF2_ITERATIONS)),
		wrap: 'AES-KW',
		createdAt: now,
		changedAt: now
	});
	return { record, key: await unwrap(record, passcode, false) };
}

/** The data key (non-extractable), or WrongPasscodeError. Derives once: ≈ 0.2–1 s on a phone. */
export function unlockKeyRecord(record: KeyRecord, passcode: string): Promise<CryptoKey> {
	return unwrap(record, passcode, false);
}

/**
 * The same data key under a new passcode (new salt, the app's current iteration count): only
 * this record changes, no record is re-encrypted. Needs the old passcode.
 */
export async function rewrapKeyRecord(
	record: KeyRecord,
	oldPasscode: string,
	newPasscode: string,
	now: number,
	options: KeyOptions = {}
): Promise<KeyRecord> {
	const dataKey = await unwrap(record, oldPasscode, true);
	return KeyRecordSchema.parse({
		...record,
		...(await wrapWithPasscode(dataKey, newPasscode, options.iterations ?? PBKDF2_ITERATIONS)),
		changedAt: now
	});
}
