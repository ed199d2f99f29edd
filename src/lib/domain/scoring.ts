import { DIMENSION_IDS, type DimensionId } from './dimensions';
import { aspectKey, type QuestionSet } from './question-set';
import type { Answer, DimensionAnswers, Web } from './web';

/** A dimension without any answered aspect has no score: empty, never 0. */
export type DimensionScore = number | null;
export type DimensionScores = Record<DimensionId, DimensionScore>;

export function isScore(answer: Answer | undefined): answer is number {
	return typeof answer === 'number';
}

/** Mean of the given scores to one decimal, or null when there are none. */
export function meanToOneDecimal(scores: readonly number[]): number | null {
	if (scores.length === 0) return null;
	const sum = scores.reduce((total, score) => total + score, 0);
	return Math.round((sum / scores.length) * 10) / 10;
}

/**
 * The dimension's score: the one number the person gave the whole dimension when they did
 * (their own word outranks a mean we compute), else the mean of its answered aspects.
 */
export function dimensionScore(
	set: QuestionSet,
	answers: Web['answers'],
	dimensionId: DimensionId,
	dimensionAnswers: DimensionAnswers = {}
): DimensionScore {
	const dimension = set.dimensions.find((d) => d.id === dimensionId);
	if (!dimension) return null;
	const direct = dimensionAnswers[dimensionId];
	if (direct !== undefined) return direct;
	const scores = dimension.aspectIds
		.map((aspectId) => answers[aspectKey(dimensionId, aspectId)])
		.filter(isScore);
	return meanToOneDecimal(scores);
}

export function dimensionScores(
	set: QuestionSet,
	answers: Web['answers'],
	dimensionAnswers: DimensionAnswers = {}
): DimensionScores {
	const entries = DIMENSION_IDS.map(
		(id) => [id, dimensionScore(set, answers, id, dimensionAnswers)] as const
	);
	return Object.fromEntries(entries) as DimensionScores;
}

/**
 * How many aspects have an answer ("liever niet" counts as answered: the person chose). A
 * dimension scored as a whole counts all its aspects: nothing in it is left to do.
 */
export function answeredCount(
	set: QuestionSet,
	answers: Web['answers'],
	dimensionAnswers: DimensionAnswers = {}
): number {
	return set.dimensions
		.flatMap((d) =>
			d.aspectIds.map((a) =>
				dimensionAnswers[d.id] !== undefined ? true : answers[aspectKey(d.id, a)] !== undefined
			)
		)
		.filter(Boolean).length;
}
