/**
 * Where our FHIR definitions live by name. A canonical URL is an identifier, never fetched: this
 * base is reserved for examples (RFC 2606) and is to be replaced by the host's own once the
 * question set is published somewhere. Changing it is a new canonical, so it changes only with
 * a new question set version.
 */
export const FHIR_BASE = 'https://spinnenweb.example/fhir';

/** Our extensions, each documented in README.md beside this file. */
export const EXTENSION = {
	/** On a QuestionnaireResponse item without an answer: the person chose "liever niet". */
	preferNotToSay: `${FHIR_BASE}/StructureDefinition/prefer-not-to-say`,
	/** On a QuestionnaireResponse item: the person flagged "hier wil ik over praten". */
	talkAbout: `${FHIR_BASE}/StructureDefinition/talk-about`,
	/** On a QuestionnaireResponse group: one number for the whole dimension (simple mode). */
	dimensionScore: `${FHIR_BASE}/StructureDefinition/dimension-score`
} as const;

/** HL7's own, for the 0–10 range of an integer item. */
export const MIN_VALUE = 'http://hl7.org/fhir/StructureDefinition/minValue';
export const MAX_VALUE = 'http://hl7.org/fhir/StructureDefinition/maxValue';

/** `volwassenen-v1` → the Questionnaire `spinnenweb-adult`, version `1`. */
const SET_NAMES: Readonly<Record<string, { name: string; version: string }>> = {
	'volwassenen-v1': { name: 'spinnenweb-adult', version: '1' }
};

export function questionnaireIdentity(questionSetId: string): {
	id: string;
	name: string;
	url: string;
	version: string;
	/** `url|version`: what a QuestionnaireResponse points at. */
	canonical: string;
} {
	const known = SET_NAMES[questionSetId];
	const name = known?.name ?? `spinnenweb-${questionSetId.replace(/[^A-Za-z0-9-]+/g, '-')}`;
	const version = known?.version ?? '1';
	const url = `${FHIR_BASE}/Questionnaire/${name}`;
	return { id: `${name}-${version}`, name, url, version, canonical: `${url}|${version}` };
}
