import canonicalize from 'canonicalize';
import { toHex, utf8 } from '$lib/crypto/bytes';

/**
 * SHA-256 over the RFC 8785 (JSON Canonicalization Scheme) form of the content: keys sorted,
 * no spaces, numbers and strings written one way. Anyone can recompute it from the file with any
 * JCS library, and the same content always gives the same checksum however it was indented.
 * It finds damage and hand edits; it is not a signature (whoever edits can recompute it).
 */
export async function contentChecksum(content: unknown): Promise<string> {
	const canonical = canonicalize(content);
	if (canonical === undefined) throw new TypeError('Nothing to checksum');
	return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8(canonical))));
}
