import { describe, expect, it } from 'vitest';
import { ADULT_V1, allAspectKeys } from '$lib/domain/question-set';
import type { Web } from '$lib/domain/web';
import { fhirFileName, toFhirBundle } from './bundle';
import { EXTENSION, MAX_VALUE, MIN_VALUE } from './canonical';
import type { FhirQuestionnaire } from './questionnaire';
import type { FhirQuestionnaireResponse } from './questionnaire-response';
import { fhirValidators as validators } from './testing/fhir-validator';

function expectValid(type: keyof typeof validators, resource: unknown) {
	const validate = validators[type];
	const ok = validate(resource);
	expect(ok ? [] : validate.errors?.map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
}

const web: Web = {
	id: '3b241101-e2bb-4255-8caf-4136c566a962',
	questionSetId: 'volwassenen-v1',
	locale: 'nl',
	createdAt: Date.UTC(2025, 2, 1),
	updatedAt: Date.UTC(2025, 2, 1, 1),
	completedAt: Date.UTC(2025, 2, 1, 2),
	answers: { 'mentaal.vrolijk': 7, 'mentaal.controle': 'liever-niet', 'meedoen.steun': 0 },
	talkAbout: ['meedoen.steun', 'zingeving.vertrouwen'],
	dimensionAnswers: { dagelijks: 6 },
	position: { dimensionIndex: 5, aspectKey: null }
};

const bundle = toFhirBundle(web, ADULT_V1, 'nl', new Date(Date.UTC(2025, 2, 2)));
const [responseEntry, questionnaireEntry] = bundle.entry;
const response = responseEntry!.resource as FhirQuestionnaireResponse;
const questionnaire = questionnaireEntry!.resource as FhirQuestionnaire;

type Item = { linkId: string; extension?: { url: string }[]; answer?: unknown[]; item?: Item[] };
function findItem(items: readonly Item[] | undefined, linkId: string): Item | undefined {
	for (const item of items ?? []) {
		if (item.linkId === linkId) return item;
		const inner = findItem(item.item, linkId);
		if (inner) return inner;
	}
	return undefined;
}

describe('FHIR R4 export of a web', () => {
	it('validates against the FHIR R4 JSON schema: the bundle and both resources', () => {
		expectValid('Bundle', bundle);
		expectValid('Questionnaire', questionnaire);
		expectValid('QuestionnaireResponse', response);
	});

	it('the schema does catch a wrong resource (so the check above means something)', () => {
		expect(validators.Questionnaire({ ...questionnaire, status: 'ready' })).toBe(false);
		expect(validators.QuestionnaireResponse({ ...response, answers: [] })).toBe(false);
	});

	it('describes the set as six groups of seven integer items limited to 0–10', () => {
		expect(questionnaire).toMatchObject({
			url: 'https://spinnenweb.example/fhir/Questionnaire/spinnenweb-adult',
			version: '1',
			language: 'nl'
		});
		expect(questionnaire.item.map((g) => [g.type, g.item.length])).toEqual(
			Array.from({ length: 6 }, () => ['group', 7])
		);
		const items = questionnaire.item.flatMap((g) => g.item);
		expect(items.map((i) => i.linkId)).toEqual(allAspectKeys(ADULT_V1));
		for (const item of items) {
			expect(item.type).toBe('integer');
			expect(item.extension).toEqual([
				{ url: MIN_VALUE, valueInteger: 0 },
				{ url: MAX_VALUE, valueInteger: 10 }
			]);
			expect(item.text).toMatch(/\?$/);
		}
		expect(questionnaire.item[4]?.text).toBe('Meedoen');
	});

	it("points the response at the set's canonical with its version", () => {
		expect(response).toMatchObject({
			questionnaire: 'https://spinnenweb.example/fhir/Questionnaire/spinnenweb-adult|1',
			status: 'completed',
			authored: '2025-03-01T02:00:00.000Z'
		});
	});

	it('answers what was scored, leaves open aspects out, and marks liever niet and talk-about', () => {
		expect(findItem(response.item, 'mentaal.vrolijk')).toMatchObject({
			answer: [{ valueInteger: 7 }]
		});
		expect(findItem(response.item, 'mentaal.onthouden')).toBeUndefined();
		const preferNot = findItem(response.item, 'mentaal.controle');
		expect(preferNot?.extension).toEqual([{ url: EXTENSION.preferNotToSay, valueBoolean: true }]);
		expect(preferNot).not.toHaveProperty('answer');
		expect(findItem(response.item, 'meedoen.steun')).toMatchObject({
			answer: [{ valueInteger: 0 }],
			extension: [{ url: EXTENSION.talkAbout, valueBoolean: true }]
		});
		expect(findItem(response.item, 'zingeving.vertrouwen')).not.toHaveProperty('answer');
		expect(findItem(response.item, 'dagelijks')).toEqual({
			linkId: 'dagelijks',
			text: 'Dagelijks functioneren',
			extension: [{ url: EXTENSION.dimensionScore, valueInteger: 6 }]
		});
		expect(findItem(response.item, 'lichaamsfuncties')).toBeUndefined();
	});

	it("uses the chosen language's texts, Arabic included", () => {
		const arabic = toFhirBundle({ ...web, completedAt: null }, ADULT_V1, 'ar');
		const [entry, q] = arabic.entry;
		expect(q!.resource).toMatchObject({ language: 'ar' });
		expect(entry!.resource).toMatchObject({ status: 'in-progress' });
		expectValid('Bundle', arabic);
		expect(JSON.stringify(q!.resource)).toMatch(/[\u0600-\u06ff]/);
	});

	it('names the file by the day of the web', () => {
		expect(fhirFileName(web)).toBe('spinnenweb-fhir-2025-03-01.json');
	});
});
