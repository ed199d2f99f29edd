import { DIMENSION_IDS } from './dimensions';
import { findQuestionSet } from './question-set';
import { dimensionScores, type DimensionScores } from './scoring';
import type { Web } from './web';

/**
 * One web in a view of webs over time: only what the overlay, the trend and the list need. The
 * personal history and a professional's page of a person both make these from their own webs.
 */
export interface WebEntry {
	id: string;
	/** Epoch ms: when the web was finished, or begun if it is not (yet). */
	date: number;
	/** Said instead of the date where there is one (e.g. "Gesprek 3"); the date still shows in the list. */
	label?: string;
	scores: DimensionScores;
	isComplete: boolean;
}

const NO_SCORES = Object.fromEntries(DIMENSION_IDS.map((id) => [id, null])) as DimensionScores;

export function webEntryOf(
	web: Pick<
		Web,
		'id' | 'createdAt' | 'completedAt' | 'questionSetId' | 'answers' | 'dimensionAnswers'
	>
): WebEntry {
	const set = findQuestionSet(web.questionSetId);
	return {
		id: web.id,
		date: web.completedAt ?? web.createdAt,
		// A set this version does not know cannot be scored: empty, never a made-up number.
		scores: set ? dimensionScores(set, web.answers, web.dimensionAnswers) : { ...NO_SCORES },
		isComplete: web.completedAt !== null
	};
}
