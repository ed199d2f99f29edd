import { describe, expect, it } from 'vitest';
import { webEntryOf } from './web-entry';

const BASE = {
	id: 'a6f1f3c2-1d1e-4b8a-9c55-0f7f1e2d3c4b',
	createdAt: 1_000,
	questionSetId: 'volwassenen-v1',
	answers: { 'mentaal.vrolijk': 8, 'mentaal.controle': 5 },
	dimensionAnswers: { meedoen: 7 }
} as const;

describe('webEntryOf', () => {
	it('dates a finished web by when it was finished and scores it as the result page does', () => {
		const entry = webEntryOf({ ...BASE, completedAt: 5_000 });
		expect(entry).toMatchObject({ id: BASE.id, date: 5_000, isComplete: true });
		expect(entry.scores).toEqual({
			lichaamsfuncties: null,
			mentaal: 6.5,
			zingeving: null,
			kwaliteit: null,
			meedoen: 7,
			dagelijks: null
		});
	});

	it('dates an unfinished web by when it was begun', () => {
		expect(webEntryOf({ ...BASE, completedAt: null })).toMatchObject({
			date: 1_000,
			isComplete: false
		});
	});

	it('gives empty scores, not zeros, for a question set this version does not know', () => {
		const entry = webEntryOf({ ...BASE, completedAt: null, questionSetId: 'jongeren-v9' });
		expect(Object.values(entry.scores)).toEqual([null, null, null, null, null, null]);
	});
});
