import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decryptRecord, DecryptError, encryptRecord, IV_BYTES } from './record-cipher';

function newKey(): Promise<CryptoKey> {
	return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** What a JSON round trip makes of a value (-0 becomes 0): the most any JSON store can promise. */
function asJson(value: unknown): unknown {
	return JSON.parse(JSON.stringify(value)) as unknown;
}

describe('encryptRecord and decryptRecord', () => {
	it('round-trip any JSON value', async () => {
		const key = await newKey();
		await fc.assert(
			fc.asyncProperty(fc.jsonValue(), fc.string(), async (value, context) => {
				const sealed = await encryptRecord(key, value, context);
				expect(await decryptRecord(key, sealed, context)).toEqual(asJson(value));
			}),
			{ numRuns: 200 }
		);
	});

	it('use a fresh 96-bit IV for every write, so the same record never looks the same twice', async () => {
		const key = await newKey();
		const record = { id: 'a', answers: { 'mentaal.vrolijk': 7 } };
		const ivs = new Set<string>();
		const cts = new Set<string>();
		for (let i = 0; i < 50; i++) {
			const { iv, ct } = await encryptRecord(key, record);
			expect(iv).toHaveLength(IV_BYTES);
			ivs.add(iv.join(','));
			cts.add(ct.join(','));
		}
		expect(ivs.size).toBe(50);
		expect(cts.size).toBe(50);
	});

	it('keep the content out of the ciphertext', async () => {
		const key = await newKey();
		const { ct } = await encryptRecord(key, { note: 'Ik slaap slecht sinds de verhuizing' });
		expect(new TextDecoder().decode(ct)).not.toContain('slaap');
	});

	it('fail on any changed bit of the ciphertext or the IV', async () => {
		const key = await newKey();
		await fc.assert(
			fc.asyncProperty(
				fc.jsonValue(),
				fc.boolean(),
				fc.nat(),
				fc.integer({ min: 0, max: 7 }),
				async (value, isIv, at, bit) => {
					const sealed = await encryptRecord(key, value, 'webs/1');
					const target = isIv ? sealed.iv : sealed.ct;
					const tampered = new Uint8Array(target);
					tampered[at % tampered.length]! ^= 1 << bit;
					const changed = isIv ? { ...sealed, iv: tampered } : { ...sealed, ct: tampered };
					await expect(decryptRecord(key, changed, 'webs/1')).rejects.toBeInstanceOf(DecryptError);
				}
			),
			{ numRuns: 200 }
		);
	});

	it('fail with another key, in another record’s place, or cut short', async () => {
		const key = await newKey();
		const sealed = await encryptRecord(key, { id: '1', answers: {} }, 'webs/1');
		await expect(decryptRecord(await newKey(), sealed, 'webs/1')).rejects.toBeInstanceOf(
			DecryptError
		);
		await expect(decryptRecord(key, sealed, 'webs/2')).rejects.toBeInstanceOf(DecryptError);
		await expect(
			decryptRecord(key, { ...sealed, ct: sealed.ct.slice(0, -1) }, 'webs/1')
		).rejects.toBeInstanceOf(DecryptError);
		await expect(
			decryptRecord(key, { iv: sealed.iv.slice(0, 4), ct: sealed.ct }, 'webs/1')
		).rejects.toBeInstanceOf(DecryptError);
	});

	it('refuse a value JSON cannot hold instead of storing nothing', async () => {
		await expect(encryptRecord(await newKey(), undefined)).rejects.toBeInstanceOf(TypeError);
	});
});
