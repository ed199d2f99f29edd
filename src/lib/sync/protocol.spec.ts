import { describe, expect, it } from 'vitest';
import { MAX_BATCH_SIZE, SummaryBatchSchema, SummarySchema, type Summary } from './protocol';

function summary(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	const valid: Summary = {
		uuid: '0b6d1b8e-5a43-4c4b-9a57-3c1f0c2b7e11',
		questionSetId: 'volwassenen-v1',
		day: '2026-03-14',
		scores: {
			lichaamsfuncties: 7.3,
			mentaal: 0,
			zingeving: 10,
			kwaliteit: null,
			meedoen: 5.5,
			dagelijks: 9.9
		},
		focus: 'meedoen',
		context: 'self'
	};
	return { ...valid, ...overrides };
}

function scores(value: unknown): Record<string, unknown> {
	return { ...(summary().scores as Record<string, unknown>), mentaal: value };
}

describe('SummarySchema', () => {
	it('takes a summary with and without the optional area and age band', () => {
		expect(SummarySchema.safeParse(summary()).success).toBe(true);
		expect(SummarySchema.safeParse(summary({ area: '1012', ageBand: '65-79' })).success).toBe(true);
		expect(SummarySchema.safeParse(summary({ focus: null, context: 'conversation' })).success).toBe(
			true
		);
	});

	it.each([
		['a name beside the scores', { name: 'Fatima' }],
		['a note', { note: 'slecht geslapen' }],
		['aspect answers', { answers: { slapen: 3 } }],
		['a team in the body', { team: 'wijkteam-noord' }],
		['an extra score', { scores: { ...scores(5), extra: 5 } }],
		['a missing score', { scores: { ...scores(5), dagelijks: undefined } }],
		['a score above 10', { scores: scores(10.1) }],
		['a negative score', { scores: scores(-0.1) }],
		['a score with two decimals', { scores: scores(7.25) }],
		['a score as text', { scores: scores('7') }],
		['an unknown focus', { focus: 'geld' }],
		['an unknown context', { context: 'home' }],
		['a postcode with letters', { area: '1012AB' }],
		['a postcode area starting with 0', { area: '0123' }],
		['an age band of our own making', { ageBand: '40-50' }],
		['a day that is not a date', { day: '2026-02-30' }],
		['a day before 2016', { day: '2015-12-31' }],
		['a uuid that is not one', { uuid: 'abc' }],
		['a question set id with spaces', { questionSetId: 'volwassenen v1' }]
	])('refuses %s', (_, overrides) => {
		expect(SummarySchema.safeParse(summary(overrides)).success).toBe(false);
	});

	it('takes every one-decimal score from 0 to 10', () => {
		for (let tenths = 0; tenths <= 100; tenths++) {
			const parsed = SummarySchema.safeParse(summary({ scores: scores(tenths / 10) }));
			expect(parsed.success, `score ${tenths / 10}`).toBe(true);
		}
	});
});

describe('SummaryBatchSchema', () => {
	const uuid = (i: number) => `0b6d1b8e-5a43-4c4b-9a57-${String(i).padStart(12, '0')}`;

	it(`takes 1 to ${MAX_BATCH_SIZE} summaries`, () => {
		const full = Array.from({ length: MAX_BATCH_SIZE }, (_, i) => summary({ uuid: uuid(i) }));
		expect(SummaryBatchSchema.safeParse({ summaries: full }).success).toBe(true);
		expect(SummaryBatchSchema.safeParse({ summaries: [summary()] }).success).toBe(true);
	});

	it('refuses an empty batch, a batch too large and a field beside the list', () => {
		const tooMany = Array.from({ length: MAX_BATCH_SIZE + 1 }, (_, i) =>
			summary({ uuid: uuid(i) })
		);
		expect(SummaryBatchSchema.safeParse({ summaries: [] }).success).toBe(false);
		expect(SummaryBatchSchema.safeParse({ summaries: tooMany }).success).toBe(false);
		expect(SummaryBatchSchema.safeParse({ summaries: [summary()], device: 'x' }).success).toBe(
			false
		);
	});

	it('refuses a uuid twice in one batch and names the repeat', () => {
		const parsed = SummaryBatchSchema.safeParse({
			summaries: [
				summary({ uuid: uuid(1) }),
				summary({ uuid: uuid(2) }),
				summary({ uuid: uuid(1) })
			]
		});
		expect(parsed.success).toBe(false);
		expect(parsed.error?.issues.map((issue) => issue.path)).toEqual([['summaries', 2, 'uuid']]);
	});
});
