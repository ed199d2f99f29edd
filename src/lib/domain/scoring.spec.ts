import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIMENSION_IDS } from './dimensions';
import { ADULT_V1, allAspectKeys, aspectKey } from './question-set';
import { answeredCount, dimensionScore, dimensionScores, meanToOneDecimal } from './scoring';
import { PREFER_NOT, type Answer } from './web';

describe('meanToOneDecimal', () => {
	it.each([
		{ scores: [], expected: null },
		{ scores: [0], expected: 0 },
		{ scores: [10], expected: 10 },
		{ scores: [7, 8], expected: 7.5 },
		{ scores: [1, 2, 2], expected: 1.7 },
		{ scores: [6, 6, 7], expected: 6.3 },
		{ scores: [0, 0, 0, 0, 0, 0, 1], expected: 0.1 }
	])('mean of $scores is $expected', ({ scores, expected }) => {
		expect(meanToOneDecimal(scores)).toBe(expected);
	});
});

describe('dimensionScore', () => {
	const key = (aspect: string) => aspectKey('lichaamsfuncties', aspect);

	it.each<{ name: string; answers: Record<string, Answer>; expected: number | null }>([
		{ name: 'nothing answered is empty, not 0', answers: {}, expected: null },
		{
			name: 'only "liever niet" is empty',
			answers: { [key('gezond')]: PREFER_NOT },
			expected: null
		},
		{ name: 'a single 0 is 0', answers: { [key('gezond')]: 0 }, expected: 0 },
		{
			name: '"liever niet" does not count as 0',
			answers: { [key('gezond')]: 8, [key('fit')]: PREFER_NOT, [key('slapen')]: 6 },
			expected: 7
		},
		{
			name: 'answers of another dimension do not count',
			answers: { [key('gezond')]: 4, [aspectKey('mentaal', 'vrolijk')]: 10 },
			expected: 4
		},
		{
			name: 'all seven answered',
			answers: Object.fromEntries(
				['gezond', 'fit', 'klachten', 'slapen', 'eten', 'conditie', 'bewegen'].map((a, i) => [
					key(a),
					i
				])
			),
			expected: 3
		}
	])('$name', ({ answers, expected }) => {
		expect(dimensionScore(ADULT_V1, answers, 'lichaamsfuncties')).toBe(expected);
	});

	it('ignores answers for aspects the question set does not have', () => {
		expect(dimensionScore(ADULT_V1, { [key('onbekend')]: 10 }, 'lichaamsfuncties')).toBeNull();
	});
});

describe('scoring invariants', () => {
	const keys = allAspectKeys(ADULT_V1);
	const answersArb = fc.dictionary(
		fc.constantFrom(...keys),
		fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(PREFER_NOT as Answer))
	);

	it('every dimension score stays within 0–10 with one decimal, or is empty', () => {
		fc.assert(
			fc.property(answersArb, (answers) => {
				const scores = dimensionScores(ADULT_V1, answers);
				for (const id of DIMENSION_IDS) {
					const score = scores[id];
					if (score === null) continue;
					expect(score).toBeGreaterThanOrEqual(0);
					expect(score).toBeLessThanOrEqual(10);
					expect(Math.round(score * 10)).toBeCloseTo(score * 10, 9);
				}
			})
		);
	});

	it('a dimension is empty exactly when none of its aspects has a number', () => {
		fc.assert(
			fc.property(answersArb, (answers) => {
				const scores = dimensionScores(ADULT_V1, answers);
				for (const dimension of ADULT_V1.dimensions) {
					const hasNumber = dimension.aspectIds.some(
						(a) => typeof answers[aspectKey(dimension.id, a)] === 'number'
					);
					expect(scores[dimension.id] === null).toBe(!hasNumber);
				}
			})
		);
	});

	it('the score lies between the lowest and highest answer of the dimension', () => {
		fc.assert(
			fc.property(answersArb, (answers) => {
				for (const dimension of ADULT_V1.dimensions) {
					const numbers = dimension.aspectIds
						.map((a) => answers[aspectKey(dimension.id, a)])
						.filter((x): x is number => typeof x === 'number');
					const score = dimensionScore(ADULT_V1, answers, dimension.id);
					if (numbers.length === 0) continue;
					expect(score).toBeGreaterThanOrEqual(Math.min(...numbers) - 0.05);
					expect(score).toBeLessThanOrEqual(Math.max(...numbers) + 0.05);
				}
			})
		);
	});

	it('answeredCount counts scores and "liever niet", never more than the set has', () => {
		fc.assert(
			fc.property(answersArb, (answers) => {
				expect(answeredCount(ADULT_V1, answers)).toBe(Object.keys(answers).length);
				expect(answeredCount(ADULT_V1, answers)).toBeLessThanOrEqual(keys.length);
			})
		);
	});
});

describe('a score for a whole dimension', () => {
	const key = (aspect: string) => aspectKey('mentaal', aspect);

	it.each<{
		name: string;
		answers: Record<string, Answer>;
		direct: Partial<Record<(typeof DIMENSION_IDS)[number], number>>;
		expected: number | null;
	}>([
		{ name: 'given alone, it is the score', answers: {}, direct: { mentaal: 6 }, expected: 6 },
		{ name: 'a direct 0 is 0, not empty', answers: {}, direct: { mentaal: 0 }, expected: 0 },
		{
			name: 'it outranks the mean of answered aspects',
			answers: { [key('vrolijk')]: 2, [key('controle')]: 4 },
			direct: { mentaal: 9 },
			expected: 9
		},
		{
			name: 'without it the mean of the aspects counts',
			answers: { [key('vrolijk')]: 2, [key('controle')]: 5 },
			direct: {},
			expected: 3.5
		},
		{
			name: "another dimension's direct score does not count",
			answers: { [key('vrolijk')]: 2 },
			direct: { zingeving: 10 },
			expected: 2
		}
	])('$name', ({ answers, direct, expected }) => {
		expect(dimensionScore(ADULT_V1, answers, 'mentaal', direct)).toBe(expected);
	});

	const keys = allAspectKeys(ADULT_V1);
	const answersArb = fc.dictionary(
		fc.constantFrom(...keys),
		fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(PREFER_NOT as Answer))
	);
	const directArb = fc.dictionary(
		fc.constantFrom(...DIMENSION_IDS),
		fc.integer({ min: 0, max: 10 })
	);

	it('each dimension is its direct score when given, else the mean without direct scores', () => {
		fc.assert(
			fc.property(answersArb, directArb, (answers, direct) => {
				const withDirect = dimensionScores(ADULT_V1, answers, direct);
				const withoutDirect = dimensionScores(ADULT_V1, answers);
				for (const id of DIMENSION_IDS) {
					expect(withDirect[id]).toBe(direct[id] ?? withoutDirect[id]);
				}
			})
		);
	});

	it('a directly scored dimension counts as fully answered', () => {
		fc.assert(
			fc.property(answersArb, directArb, (answers, direct) => {
				const count = answeredCount(ADULT_V1, answers, direct);
				expect(count).toBeGreaterThanOrEqual(answeredCount(ADULT_V1, answers));
				expect(count).toBeLessThanOrEqual(keys.length);
				const perDimension = ADULT_V1.dimensions.map((d) =>
					direct[d.id] !== undefined
						? d.aspectIds.length
						: d.aspectIds.filter((a) => answers[aspectKey(d.id, a)] !== undefined).length
				);
				expect(count).toBe(perDimension.reduce((sum, n) => sum + n, 0));
			})
		);
	});
});
