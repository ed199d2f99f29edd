import {
	aspectLabel,
	aspectQuestion,
	dimensionName,
	scaleMaxLabel,
	scaleMinLabel
} from '$lib/content/question-texts';
import type { QuestionSet } from '$lib/domain/question-set';
import type { Web } from '$lib/domain/web';
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';
import { FHIR_BASE } from './canonical';
import { toQuestionnaire, type QuestionTexts } from './questionnaire';
import { toQuestionnaireResponse } from './questionnaire-response';

/** The screens' own words for a set, in one language. */
export function questionTexts(set: QuestionSet, locale: Locale): QuestionTexts {
	return {
		dimensionName: (id) => dimensionName(id, locale),
		aspectLabel: (dimensionId, aspectId) => aspectLabel(set.id, dimensionId, aspectId, locale),
		aspectQuestion: (dimensionId, aspectId) =>
			aspectQuestion(set.id, dimensionId, aspectId, locale),
		scaleMin: scaleMinLabel(locale),
		scaleMax: scaleMaxLabel(locale),
		disclaimer: m.footer_disclaimer({}, { locale })
	};
}

/**
 * A web for another system: a FHIR R4 `collection` Bundle with the QuestionnaireResponse and
 * the Questionnaire it answers, so the receiver has the questions' texts without fetching them.
 */
export function toFhirBundle(web: Web, set: QuestionSet, locale: Locale, now: Date = new Date()) {
	const texts = questionTexts(set, locale);
	const questionnaire = toQuestionnaire(set, texts, locale);
	const response = toQuestionnaireResponse(web, set, texts);
	return {
		resourceType: 'Bundle' as const,
		type: 'collection' as const,
		timestamp: now.toISOString(),
		entry: [
			{ fullUrl: `urn:uuid:${web.id}`, resource: response },
			{ fullUrl: `${FHIR_BASE}/Questionnaire/${questionnaire.id}`, resource: questionnaire }
		]
	};
}

export type FhirBundle = ReturnType<typeof toFhirBundle>;

export function fhirFileName(web: Web): string {
	const day = new Date(web.completedAt ?? web.updatedAt).toISOString().slice(0, 10);
	return `spinnenweb-fhir-${day}.json`;
}
