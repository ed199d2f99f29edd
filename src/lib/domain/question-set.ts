import type { DimensionId } from './dimensions';

/**
 * A question set is versioned data: a stored web keeps the id of the set it was filled in with,
 * so it always renders with that set, also after newer sets ship. Texts live in content/, keyed
 * by the ids below.
 */
export interface DimensionQuestions {
	readonly id: DimensionId;
	readonly aspectIds: readonly string[];
}

export interface QuestionSet {
	readonly id: string;
	readonly dimensions: readonly DimensionQuestions[];
}

/** Adults, version 1: six dimensions of seven aspects each. Aspect ids are stable forever. */
export const ADULT_V1: QuestionSet = {
	id: 'volwassenen-v1',
	dimensions: [
		{
			id: 'lichaamsfuncties',
			aspectIds: ['gezond', 'fit', 'klachten', 'slapen', 'eten', 'conditie', 'bewegen']
		},
		{
			id: 'mentaal',
			aspectIds: [
				'onthouden',
				'concentreren',
				'communiceren',
				'vrolijk',
				'jezelf-accepteren',
				'omgaan-met-verandering',
				'controle'
			]
		},
		{
			id: 'zingeving',
			aspectIds: [
				'zinvol-leven',
				'levenslust',
				'idealen',
				'vertrouwen',
				'accepteren',
				'dankbaarheid',
				'blijven-leren'
			]
		},
		{
			id: 'kwaliteit',
			aspectIds: [
				'genieten',
				'gelukkig',
				'lekker-in-je-vel',
				'balans',
				'veilig',
				'wonen',
				'rondkomen'
			]
		},
		{
			id: 'meedoen',
			aspectIds: [
				'sociale-contacten',
				'serieus-genomen',
				'samen-leuke-dingen',
				'steun',
				'erbij-horen',
				'zinvolle-dingen',
				'interesse-in-de-maatschappij'
			]
		},
		{
			id: 'dagelijks',
			aspectIds: [
				'voor-jezelf-zorgen',
				'grenzen-kennen',
				'kennis-van-gezondheid',
				'omgaan-met-tijd',
				'omgaan-met-geld',
				'kunnen-werken',
				'hulp-vragen'
			]
		}
	]
};

export const QUESTION_SETS: Readonly<Record<string, QuestionSet>> = {
	[ADULT_V1.id]: ADULT_V1
};

export const CURRENT_QUESTION_SET_ID = ADULT_V1.id;

export function findQuestionSet(id: string): QuestionSet | undefined {
	return QUESTION_SETS[id];
}

/** An aspect is named by its dimension and its own id, so ids only need to be unique per dimension. */
export function aspectKey(dimensionId: DimensionId, aspectId: string): string {
	return `${dimensionId}.${aspectId}`;
}

export function allAspectKeys(set: QuestionSet): string[] {
	return set.dimensions.flatMap((d) => d.aspectIds.map((a) => aspectKey(d.id, a)));
}
