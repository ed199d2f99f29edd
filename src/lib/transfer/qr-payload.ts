import { base32nopad } from '@scure/base';
import { concatBytes, equalBytes, randomBytes, type Bytes } from '$lib/crypto/bytes';
import { deriveBits, PBKDF2_ITERATIONS, SALT_BYTES } from '$lib/crypto/kdf';
import { IV_BYTES, TAG_BYTES } from '$lib/crypto/record-cipher';
import { decodeWebPayload, encodeWebPayload, PayloadError } from './web-payload';
import type { TransferWeb } from './transfer-web';

/**
 * What the phone's QR code holds: one web, encrypted with a key derived from the short code the
 * tablet shows (short-code.ts), so a photo of the phone's screen alone reveals nothing.
 *
 *   0–1    "SW" (0x53 0x57): this is ours
 *   2      payload version (1)
 *   3–18   salt for PBKDF2-HMAC-SHA-256 (600,000 iterations) over the short code
 *   19–20  check value: the last 16 derived bits, to tell a wrong code from a damaged payload
 *   21–32  AES-GCM IV
 *   33–    AES-256-GCM ciphertext of web-payload.ts, with its 16-byte tag
 *
 * Bytes 0–32 are the associated data: a changed header fails like a changed ciphertext. The
 * check value tells an attacker nothing the tag does not (both cost one derivation to test).
 *
 * The text in the code is RFC 4648 base32 without padding: only capitals and digits, which QR's
 * alphanumeric mode holds at 5.5 bits a character, and which every decoder (BarcodeDetector
 * included) returns unchanged. Binary in byte mode would be smaller, but a text-only decoder may
 * turn the bytes into text. 84 bytes (33 header, 35 payload, 16 tag) → 135 characters → QR
 * version 6 (41 × 41 modules) at level M, which holds 154.
 */

export const PAYLOAD_VERSION = 1;
const MAGIC = [0x53, 0x57] as const;
const CHECK_BYTES = 2;
const HEADER_BYTES = MAGIC.length + 1 + SALT_BYTES + CHECK_BYTES + IV_BYTES;

/** Why a scanned code was not read, each with its own message on the tablet. */
export type QrFailure =
	/** Not a Spinnenweb code at all (a web address, another app's code). */
	| 'not-ours'
	/** Made by a newer Spinnenweb than this one: update the app. */
	| 'newer-version'
	/** Ours, but changed or incomplete. */
	| 'damaged'
	/** Ours, made with another short code than the one on this screen. */
	| 'wrong-code';

export type QrReadResult = { ok: true; web: TransferWeb } | { ok: false; reason: QrFailure };

export interface QrKeyOptions {
	/** Tests use fewer; the app always uses the default. */
	iterations?: number;
}

async function keyAndCheck(
	code: string,
	salt: Bytes,
	iterations: number
): Promise<{ key: CryptoKey; check: Bytes }> {
	const bits = await deriveBits(code, salt, iterations, (32 + CHECK_BYTES) * 8);
	const key = await crypto.subtle.importKey('raw', bits.slice(0, 32), 'AES-GCM', false, [
		'encrypt',
		'decrypt'
	]);
	return { key, check: bits.slice(32) };
}

/** The QR code's text for a web, sealed with the tablet's short code (normalised digits). */
export async function sealWebForQr(
	web: TransferWeb,
	code: string,
	options: QrKeyOptions = {}
): Promise<string> {
	const plain = encodeWebPayload(web);
	const salt = randomBytes(SALT_BYTES);
	const iv = randomBytes(IV_BYTES);
	const { key, check } = await keyAndCheck(code, salt, options.iterations ?? PBKDF2_ITERATIONS);
	const header = concatBytes(new Uint8Array([...MAGIC, PAYLOAD_VERSION]), salt, check, iv);
	const ct = await crypto.subtle.encrypt(
		{ name: 'AES-GCM', iv, additionalData: header },
		key,
		plain
	);
	return base32nopad.encode(concatBytes(header, new Uint8Array(ct)));
}

/** The cheap checks, before any derivation: is it ours, and can this app read its version? */
export function inspectQrText(
	text: string
): { ok: true; bytes: Bytes } | { ok: false; reason: QrFailure } {
	let bytes: Bytes;
	try {
		bytes = new Uint8Array(base32nopad.decode(text.trim()));
	} catch {
		return { ok: false, reason: 'not-ours' };
	}
	if (bytes.length < MAGIC.length + 1 || bytes[0] !== MAGIC[0] || bytes[1] !== MAGIC[1]) {
		return { ok: false, reason: 'not-ours' };
	}
	const version = bytes[2]!;
	if (version > PAYLOAD_VERSION) return { ok: false, reason: 'newer-version' };
	if (version !== PAYLOAD_VERSION || bytes.length < HEADER_BYTES + TAG_BYTES + 1) {
		return { ok: false, reason: 'damaged' };
	}
	return { ok: true, bytes };
}

/**
 * Reads a scanned code with the short code this screen showed. Never throws for what is in the
 * code: anything wrong with it is one of the four reasons.
 */
export async function openWebFromQr(
	text: string,
	code: string,
	options: QrKeyOptions = {}
): Promise<QrReadResult> {
	const inspected = inspectQrText(text);
	if (!inspected.ok) return inspected;
	const { bytes } = inspected;
	const header = bytes.slice(0, HEADER_BYTES);
	const salt = header.slice(3, 3 + SALT_BYTES);
	const check = header.slice(3 + SALT_BYTES, 3 + SALT_BYTES + CHECK_BYTES);
	const iv = header.slice(3 + SALT_BYTES + CHECK_BYTES);

	const derived = await keyAndCheck(code, salt, options.iterations ?? PBKDF2_ITERATIONS);
	if (!equalBytes(derived.check, check)) return { ok: false, reason: 'wrong-code' };
	let plain: Uint8Array;
	try {
		plain = new Uint8Array(
			await crypto.subtle.decrypt(
				{ name: 'AES-GCM', iv, additionalData: header },
				derived.key,
				bytes.slice(HEADER_BYTES)
			)
		);
	} catch {
		return { ok: false, reason: 'damaged' };
	}
	try {
		return { ok: true, web: decodeWebPayload(plain) };
	} catch (error) {
		if (error instanceof PayloadError && error.reason === 'unsupported') {
			return { ok: false, reason: 'newer-version' };
		}
		return { ok: false, reason: 'damaged' };
	}
}
