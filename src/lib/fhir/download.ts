import type { QuestionSet } from '$lib/domain/question-set';
import type { Web } from '$lib/domain/web';
import type { Locale } from '$lib/paraglide/runtime.js';
import { downloadFile } from '$lib/pdf/deliver';
import { fhirFileName, toFhirBundle } from './bundle';

/**
 * Saves a web as a FHIR Bundle file. For a button: `import('$lib/fhir/download')` in its click
 * handler keeps this code out of every first load.
 */
export function downloadFhirBundle(web: Web, set: QuestionSet, locale: Locale): void {
	const json = `${JSON.stringify(toFhirBundle(web, set, locale), null, 2)}\n`;
	downloadFile(new File([json], fhirFileName(web), { type: 'application/fhir+json' }));
}
