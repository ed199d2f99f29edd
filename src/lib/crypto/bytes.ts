/**
 * Small byte helpers for WebCrypto. WebCrypto takes `BufferSource` backed by a plain ArrayBuffer,
 * so everything here makes and returns `Uint8Array<ArrayBuffer>`.
 */

export type Bytes = Uint8Array<ArrayBuffer>;

const encoder = new TextEncoder();
// fatal: a byte sequence that is not UTF-8 is an error, not a string with replacement characters.
const decoder = new TextDecoder('utf-8', { fatal: true });

export function utf8(text: string): Bytes {
	return encoder.encode(text);
}

/** Throws a TypeError on bytes that are not UTF-8. */
export function fromUtf8(bytes: Uint8Array): string {
	return decoder.decode(bytes);
}

export function randomBytes(length: number): Bytes {
	return crypto.getRandomValues(new Uint8Array(length));
}

/** A copy that owns its own ArrayBuffer (a view into a larger or shared buffer will not do). */
export function ownBytes(bytes: Uint8Array): Bytes {
	return new Uint8Array(bytes);
}

export function toHex(bytes: Uint8Array): string {
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function concatBytes(...parts: readonly Uint8Array[]): Bytes {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let offset = 0;
	for (const part of parts) {
		out.set(part, offset);
		offset += part.length;
	}
	return out;
}

/**
 * Equal bytes, in time that depends only on the length: for comparing check values, where an
 * early exit would tell an attacker how many leading bytes were right.
 */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
	if (a.length !== b.length) return false;
	let difference = 0;
	for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
	return difference === 0;
}
