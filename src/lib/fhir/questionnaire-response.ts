import type { QuestionSet } from '$lib/domain/question-set';
import { aspectKey } from '$lib/domain/question-set';
import { PREFER_NOT, type Web } from '$lib/domain/web';
import { EXTENSION, questionnaireIdentity } from './canonical';
import type { QuestionTexts } from './questionnaire';

interface ResponseItem {
	linkId: string;
	text: string;
	extension?: { url: string; valueBoolean?: boolean; valueInteger?: number }[];
	answer?: { valueInteger: number }[];
	item?: ResponseItem[];
}

/**
 * A web as a FHIR R4 QuestionnaireResponse of its question set's Questionnaire. An open aspect is
 * left out; "liever niet" is the item without an answer and with our prefer-not-to-say extension;
 * "hier wil ik over praten" is our talk-about extension on the item, with or without an answer; a
 * whole-dimension score (simple mode) is our dimension-score extension on the group. A group with
 * nothing in it is left out. No name or note of the person is in it: only the web.
 */
export function toQuestionnaireResponse(web: Web, set: QuestionSet, texts: QuestionTexts) {
	const identity = questionnaireIdentity(set.id);
	const talkAbout = new Set(web.talkAbout);
	const groups: ResponseItem[] = [];
	for (const dimension of set.dimensions) {
		const items: ResponseItem[] = [];
		for (const aspectId of dimension.aspectIds) {
			const key = aspectKey(dimension.id, aspectId);
			const answer = web.answers[key];
			const extension: NonNullable<ResponseItem['extension']> = [];
			if (answer === PREFER_NOT)
				extension.push({ url: EXTENSION.preferNotToSay, valueBoolean: true });
			if (talkAbout.has(key)) extension.push({ url: EXTENSION.talkAbout, valueBoolean: true });
			if (answer === undefined && extension.length === 0) continue;
			items.push({
				linkId: key,
				text: texts.aspectQuestion(dimension.id, aspectId),
				...(extension.length > 0 ? { extension } : {}),
				...(typeof answer === 'number' ? { answer: [{ valueInteger: answer }] } : {})
			});
		}
		const whole = web.dimensionAnswers[dimension.id];
		if (items.length === 0 && whole === undefined) continue;
		groups.push({
			linkId: dimension.id,
			text: texts.dimensionName(dimension.id),
			...(whole === undefined
				? {}
				: { extension: [{ url: EXTENSION.dimensionScore, valueInteger: whole }] }),
			...(items.length > 0 ? { item: items } : {})
		});
	}
	return {
		resourceType: 'QuestionnaireResponse' as const,
		id: web.id,
		questionnaire: identity.canonical,
		status: web.completedAt === null ? ('in-progress' as const) : ('completed' as const),
		authored: new Date(web.completedAt ?? web.updatedAt).toISOString(),
		language: web.locale,
		item: groups
	};
}

export type FhirQuestionnaireResponse = ReturnType<typeof toQuestionnaireResponse>;
