import { base32nopad } from '@scure/base';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openWebFromQr, sealWebForQr } from './qr-payload';
import { qrMatrix } from './qr-image';
import { SAMPLE_WEB, transferWebArb } from './testing';

const FAST = { iterations: 1_000 };
const CODE = '482915307661';

describe('the QR payload', () => {
	it('opens with the short code it was sealed with, at the app’s 600,000 iterations', async () => {
		const text = await sealWebForQr(SAMPLE_WEB, CODE);
		expect(await openWebFromQr(text, CODE)).toEqual({ ok: true, web: SAMPLE_WEB });
	});

	it('fits one QR code easily: 135 capitals and digits (84 bytes), version 6 at level M', async () => {
		const text = await sealWebForQr(SAMPLE_WEB, CODE, FAST);
		expect(text).toHaveLength(135);
		expect(text).toMatch(/^[A-Z2-7]+$/);
		const matrix = qrMatrix(text, 'M');
		expect(matrix.version).toBe(6);
		expect(matrix.size).toBe(41);
	});

	it('round-trips any web', async () => {
		await fc.assert(
			fc.asyncProperty(transferWebArb, async (web) => {
				const text = await sealWebForQr(web, CODE, FAST);
				const result = await openWebFromQr(text, CODE, FAST);
				expect(result).toEqual({
					ok: true,
					web: { ...web, talkAbout: [...new Set(web.talkAbout)] }
				});
			}),
			{ numRuns: 100 }
		);
	});

	it('looks different every time, even for the same web and code', async () => {
		const a = await sealWebForQr(SAMPLE_WEB, CODE, FAST);
		const b = await sealWebForQr(SAMPLE_WEB, CODE, FAST);
		expect(a).not.toBe(b);
	});

	it('says "wrong-code" for another short code', async () => {
		const text = await sealWebForQr(SAMPLE_WEB, CODE, FAST);
		await fc.assert(
			fc.asyncProperty(
				fc.stringMatching(/^\d{12}$/).filter((c) => c !== CODE),
				async (other) => {
					expect(await openWebFromQr(text, other, FAST)).toEqual({
						ok: false,
						reason: 'wrong-code'
					});
				}
			),
			{ numRuns: 30 }
		);
	});

	it('fails cleanly on any changed character, never with another web', async () => {
		const text = await sealWebForQr(SAMPLE_WEB, CODE, FAST);
		await fc.assert(
			fc.asyncProperty(
				fc.nat(text.length - 1),
				fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'),
				async (at, char) => {
					fc.pre(text[at] !== char);
					const changed = text.slice(0, at) + char + text.slice(at + 1);
					const result = await openWebFromQr(changed, CODE, FAST);
					expect(result.ok).toBe(false);
					if (!result.ok)
						expect(['not-ours', 'damaged', 'wrong-code', 'newer-version']).toContain(result.reason);
				}
			),
			{ numRuns: 150 }
		);
	});

	it('names what it cannot read: a foreign code, a newer version, a cut-off one', async () => {
		expect(await openWebFromQr('https://example.org/', CODE, FAST)).toEqual({
			ok: false,
			reason: 'not-ours'
		});
		expect(await openWebFromQr('', CODE, FAST)).toEqual({ ok: false, reason: 'not-ours' });
		expect(
			await openWebFromQr(base32nopad.encode(new Uint8Array([1, 2, 3, 4, 5])), CODE, FAST)
		).toEqual({
			ok: false,
			reason: 'not-ours'
		});

		const bytes = base32nopad.decode(await sealWebForQr(SAMPLE_WEB, CODE, FAST));
		const newer = new Uint8Array(bytes);
		newer[2] = 2;
		expect(await openWebFromQr(base32nopad.encode(newer), CODE, FAST)).toEqual({
			ok: false,
			reason: 'newer-version'
		});
		const cut = base32nopad.encode(bytes.slice(0, 40));
		expect(await openWebFromQr(cut, CODE, FAST)).toEqual({ ok: false, reason: 'damaged' });
		const tag = new Uint8Array(bytes);
		tag[tag.length - 1]! ^= 1;
		expect(await openWebFromQr(base32nopad.encode(tag), CODE, FAST)).toEqual({
			ok: false,
			reason: 'damaged'
		});
	});

	it('never throws, whatever text a camera hands it', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.oneof(
					fc.string(),
					fc.stringMatching(/^[A-Z2-7]{0,160}$/),
					fc
						.uint8Array({ maxLength: 100 })
						.map((b) => base32nopad.encode(new Uint8Array([0x53, 0x57, 1, ...b])))
				),
				async (text) => {
					const result = await openWebFromQr(text, CODE, FAST);
					expect(result.ok).toBe(false);
				}
			),
			{ numRuns: 300 }
		);
	});
});
