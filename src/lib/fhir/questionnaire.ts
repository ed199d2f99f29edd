import { MAX_SCORE, MIN_SCORE } from '$lib/domain/web';
import type { QuestionSet } from '$lib/domain/question-set';
import { aspectKey } from '$lib/domain/question-set';
import type { DimensionId } from '$lib/domain/dimensions';
import { MAX_VALUE, MIN_VALUE, questionnaireIdentity } from './canonical';

/** The words of a question set in one language, as the screens show them. */
export interface QuestionTexts {
	dimensionName(id: DimensionId): string;
	aspectLabel(dimensionId: DimensionId, aspectId: string): string;
	aspectQuestion(dimensionId: DimensionId, aspectId: string): string;
	scaleMin: string;
	scaleMax: string;
	/** What the app is and is not (a conversation tool, not an official one). */
	disclaimer: string;
}

/**
 * A FHIR R4 Questionnaire describing a question set with our own texts: one `group` item per
 * dimension (linkId = the dimension id), one `integer` item per aspect (linkId = the aspect key,
 * `mentaal.vrolijk`), each limited to 0–10 by HL7's minValue and maxValue extensions.
 */
export function toQuestionnaire(set: QuestionSet, texts: QuestionTexts, language: string) {
	const identity = questionnaireIdentity(set.id);
	return {
		resourceType: 'Questionnaire' as const,
		id: identity.id,
		url: identity.url,
		version: identity.version,
		name: identity.name.replace(/-/g, '_'),
		title: 'Spinnenweb',
		status: 'active' as const,
		language,
		description: `0 = ${texts.scaleMin}, 10 = ${texts.scaleMax}. ${texts.disclaimer}`,
		item: set.dimensions.map((dimension) => ({
			linkId: dimension.id,
			type: 'group' as const,
			text: texts.dimensionName(dimension.id),
			item: dimension.aspectIds.map((aspectId) => ({
				linkId: aspectKey(dimension.id, aspectId),
				prefix: texts.aspectLabel(dimension.id, aspectId),
				text: texts.aspectQuestion(dimension.id, aspectId),
				type: 'integer' as const,
				required: false,
				extension: [
					{ url: MIN_VALUE, valueInteger: MIN_SCORE },
					{ url: MAX_VALUE, valueInteger: MAX_SCORE }
				]
			}))
		}))
	};
}

export type FhirQuestionnaire = ReturnType<typeof toQuestionnaire>;
