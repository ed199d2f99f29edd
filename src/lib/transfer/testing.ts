import fc from 'fast-check';
import { DIMENSION_IDS } from '$lib/domain/dimensions';
import { ADULT_V1, allAspectKeys } from '$lib/domain/question-set';
import { PREFER_NOT } from '$lib/domain/web';
import type { TransferWeb } from './transfer-web';

const KEYS = allAspectKeys(ADULT_V1);
const dayArb = fc
	.date({
		min: new Date(Date.UTC(2000, 0, 1)),
		max: new Date(Date.UTC(2179, 0, 1)),
		noInvalidDate: true
	})
	.map((d) => d.toISOString().slice(0, 10));

/** Any web of the adult set as it can travel: every answer open, a score or "liever niet". */
export const transferWebArb: fc.Arbitrary<TransferWeb> = fc.record({
	questionSetId: fc.constant(ADULT_V1.id),
	answers: fc
		.array(fc.option(fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(PREFER_NOT))), {
			minLength: KEYS.length,
			maxLength: KEYS.length
		})
		.map((list) =>
			Object.fromEntries(
				list.flatMap((answer, i) => (answer === null ? [] : [[KEYS[i]!, answer] as const]))
			)
		),
	talkAbout: fc.subarray(KEYS),
	dimensionAnswers: fc
		.array(fc.option(fc.integer({ min: 0, max: 10 })), { minLength: 6, maxLength: 6 })
		.map((list) =>
			Object.fromEntries(
				list.flatMap((score, i) => (score === null ? [] : [[DIMENSION_IDS[i]!, score] as const]))
			)
		),
	createdDay: dayArb,
	completedDay: fc.option(dayArb)
});

export const SAMPLE_WEB: TransferWeb = {
	questionSetId: ADULT_V1.id,
	answers: Object.fromEntries(KEYS.map((k, i) => [k, i % 9 === 4 ? PREFER_NOT : i % 11])),
	talkAbout: [KEYS[3]!, KEYS[40]!],
	dimensionAnswers: { meedoen: 6 },
	createdDay: '2026-11-20',
	completedDay: '2026-11-23'
};
