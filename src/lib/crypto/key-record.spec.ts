import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	createKeyRecord,
	KeyRecordSchema,
	rewrapKeyRecord,
	unlockKeyRecord,
	WrongPasscodeError
} from './key-record';
import { PBKDF2_ITERATIONS } from './kdf';
import { decryptRecord, encryptRecord } from './record-cipher';

// The app's 600,000 iterations take ≈ 0.3 s each here; the properties use fewer, one test the real figure.
const FAST = { iterations: 1_000 };
const NOW = 1_780_000_000_000;

describe('the key record', () => {
	it('is made with 600,000 PBKDF2 iterations and a 16-byte salt by default, and opens with its passcode', async () => {
		const { record, key } = await createKeyRecord('zomer in Zwolle', NOW);
		expect(record.kdf).toMatchObject({
			name: 'PBKDF2-HMAC-SHA-256',
			iterations: PBKDF2_ITERATIONS
		});
		expect(PBKDF2_ITERATIONS).toBe(600_000);
		expect(record.kdf.salt).toHaveLength(16);
		const sealed = await encryptRecord(key, { a: 1 });
		const unlocked = await unlockKeyRecord(record, 'zomer in Zwolle');
		expect(await decryptRecord(unlocked, sealed)).toEqual({ a: 1 });
	});

	it('keeps the data key in memory only, as a key no script can read out', async () => {
		const { record, key } = await createKeyRecord('1234-abcd', NOW, FAST);
		expect(key.extractable).toBe(false);
		await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
		const unlocked = await unlockKeyRecord(record, '1234-abcd');
		expect(unlocked.extractable).toBe(false);
		// What is stored: the salt, the count and the wrapped key; no key bytes in the clear.
		expect(Object.keys(record).sort()).toEqual(
			['changedAt', 'createdAt', 'kdf', 'keyId', 'v', 'wrap', 'wrappedKey'].sort()
		);
		expect(KeyRecordSchema.safeParse(structuredClone(record)).success).toBe(true);
	});

	it('never opens with a wrong passcode', async () => {
		const { record } = await createKeyRecord('het juiste wachtwoord', NOW, FAST);
		await fc.assert(
			fc.asyncProperty(
				fc.string({ minLength: 0, maxLength: 40 }).filter((p) => p !== 'het juiste wachtwoord'),
				async (guess) => {
					await expect(unlockKeyRecord(record, guess)).rejects.toBeInstanceOf(WrongPasscodeError);
				}
			),
			{ numRuns: 60 }
		);
	});

	it('treats the same passcode typed in another Unicode form as the same passcode', async () => {
		const composed = 'caf\u00e9-2026';
		const decomposed = 'cafe\u0301-2026';
		const { record } = await createKeyRecord(composed, NOW, FAST);
		await expect(unlockKeyRecord(record, decomposed)).resolves.toBeDefined();
	});

	it('changes the passcode by re-wrapping the same data key: old data still opens, the old passcode does not', async () => {
		const { record, key } = await createKeyRecord('oud-wachtwoord', NOW, FAST);
		const sealed = await encryptRecord(key, { note: 'iets' }, 'reflections/1');
		const next = await rewrapKeyRecord(record, 'oud-wachtwoord', 'nieuw-wachtwoord', NOW + 5, FAST);
		expect(next.keyId).toBe(record.keyId);
		expect(next.changedAt).toBe(NOW + 5);
		expect(next.createdAt).toBe(NOW);
		expect(next.kdf.salt).not.toEqual(record.kdf.salt);
		const unlocked = await unlockKeyRecord(next, 'nieuw-wachtwoord');
		expect(await decryptRecord(unlocked, sealed, 'reflections/1')).toEqual({ note: 'iets' });
		await expect(unlockKeyRecord(next, 'oud-wachtwoord')).rejects.toBeInstanceOf(
			WrongPasscodeError
		);
		await expect(
			rewrapKeyRecord(record, 'fout', 'nieuw-wachtwoord', NOW, FAST)
		).rejects.toBeInstanceOf(WrongPasscodeError);
	});

	it('refuses a damaged or hand-edited record before deriving anything', () => {
		const good = {
			v: 1,
			keyId: '0123456789abcdef',
			kdf: { name: 'PBKDF2-HMAC-SHA-256', iterations: 600_000, salt: new Uint8Array(16) },
			wrap: 'AES-KW',
			wrappedKey: new Uint8Array(40),
			createdAt: NOW,
			changedAt: NOW
		};
		expect(KeyRecordSchema.safeParse(good).success).toBe(true);
		for (const bad of [
			{ ...good, kdf: { ...good.kdf, iterations: 1e12 } },
			{ ...good, kdf: { ...good.kdf, salt: new Uint8Array(4) } },
			{ ...good, wrappedKey: new Uint8Array(32) },
			{ ...good, v: 2 },
			{ ...good, wrap: 'none' }
		]) {
			expect(KeyRecordSchema.safeParse(bad).success).toBe(false);
		}
	});
});
