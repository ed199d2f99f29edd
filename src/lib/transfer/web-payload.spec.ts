import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADULT_V1 } from '$lib/domain/question-set';
import { SAMPLE_WEB, transferWebArb } from './testing';
import { decodeWebPayload, encodeWebPayload, PayloadError, payloadLength } from './web-payload';

describe('the web payload', () => {
	it('holds 42 answers, the flags, six whole-dimension scores and two days in 35 bytes', () => {
		expect(payloadLength(ADULT_V1)).toBe(35);
		expect(encodeWebPayload(SAMPLE_WEB)).toHaveLength(35);
	});

	it('decodes to exactly what was encoded, for any web', () => {
		fc.assert(
			fc.property(transferWebArb, (web) => {
				const decoded = decodeWebPayload(encodeWebPayload(web));
				expect(decoded).toEqual({ ...web, talkAbout: [...new Set(web.talkAbout)] });
			}),
			{ numRuns: 500 }
		);
	});

	it('tells a question set it does not know from a damaged payload', () => {
		const bytes = encodeWebPayload(SAMPLE_WEB);
		bytes[0] = 9;
		expect(() => decodeWebPayload(bytes)).toThrow(
			expect.objectContaining({ reason: 'unsupported' })
		);
		expect(() => decodeWebPayload(encodeWebPayload(SAMPLE_WEB).slice(0, 30))).toThrow(
			expect.objectContaining({ reason: 'damaged' })
		);
		const outOfRange = encodeWebPayload(SAMPLE_WEB);
		outOfRange[1] = 0xd0; // answer nibble 13
		expect(() => decodeWebPayload(outOfRange)).toThrow(
			expect.objectContaining({ reason: 'damaged' })
		);
	});

	it('throws only its own error for any bytes', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 60 }), (bytes) => {
				try {
					decodeWebPayload(bytes);
				} catch (error) {
					expect(error).toBeInstanceOf(PayloadError);
				}
			}),
			{ numRuns: 2000 }
		);
	});

	it('refuses a question set it has no code for', () => {
		expect(() => encodeWebPayload({ ...SAMPLE_WEB, questionSetId: 'jeugd-v1' })).toThrow(
			PayloadError
		);
	});
});
