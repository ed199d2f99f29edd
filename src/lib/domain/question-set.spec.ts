import { describe, expect, it } from 'vitest';
import { DIMENSION_IDS } from './dimensions';
import { ADULT_V1, QUESTION_SETS, allAspectKeys, findQuestionSet } from './question-set';

describe('question sets', () => {
	it('the adult set v1 has six dimensions of seven aspects, in the axis order', () => {
		expect(ADULT_V1.dimensions.map((d) => d.id)).toEqual([...DIMENSION_IDS]);
		for (const dimension of ADULT_V1.dimensions) expect(dimension.aspectIds).toHaveLength(7);
		expect(allAspectKeys(ADULT_V1)).toHaveLength(42);
	});

	it.each(Object.values(QUESTION_SETS))('aspect keys of $id are unique', (set) => {
		const keys = allAspectKeys(set);
		expect(new Set(keys).size).toBe(keys.length);
	});

	it('finds a set by id and nothing for an unknown id', () => {
		expect(findQuestionSet('volwassenen-v1')).toBe(ADULT_V1);
		expect(findQuestionSet('bestaat-niet')).toBeUndefined();
	});
});
