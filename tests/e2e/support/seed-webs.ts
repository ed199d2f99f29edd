import type { Page } from '@playwright/test';
import { ADULT_V1, allAspectKeys } from '../../../src/lib/domain/question-set';
import type { Web } from '../../../src/lib/domain/web';

/** The 42 aspect keys of the adult set, in the order of the web. */
export const ASPECT_KEYS = allAspectKeys(ADULT_V1);

export interface SeedWeb {
	id: string;
	/** Epoch ms it was begun; finished ten minutes later unless `isUnfinished`. */
	createdAt: number;
	/** One answer per dimension, given to all its seven aspects; null leaves the dimension open. */
	perDimension: readonly (number | 'liever-niet' | null)[];
	isUnfinished?: boolean;
	talkAbout?: string[];
}

export function webRecord(seed: SeedWeb): Web {
	const answers: Web['answers'] = {};
	ADULT_V1.dimensions.forEach((dimension, d) => {
		const value = seed.perDimension[d];
		if (value === null || value === undefined) return;
		for (const aspect of dimension.aspectIds) answers[`${dimension.id}.${aspect}`] = value;
	});
	return {
		id: seed.id,
		questionSetId: ADULT_V1.id,
		locale: 'nl',
		createdAt: seed.createdAt,
		updatedAt: seed.createdAt + 600_000,
		completedAt: seed.isUnfinished ? null : seed.createdAt + 600_000,
		answers,
		talkAbout: seed.talkAbout ?? [],
		dimensionAnswers: {},
		position: { dimensionIndex: seed.isUnfinished ? 2 : 5, aspectKey: null }
	};
}

/**
 * Stores webs (and reflections) straight into the app's database, as months of use would leave
 * them. The app must have opened its database first (visit any page).
 */
export async function storeRecords(
	page: Page,
	webs: readonly Web[],
	reflections: readonly object[] = []
): Promise<void> {
	await page.evaluate(
		([webRecords, reflectionRecords]) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('spinnenweb');
				open.onerror = () => reject(new Error('cannot open the database'));
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction(['webs', 'reflections'], 'readwrite');
					for (const web of webRecords) tx.objectStore('webs').put(web);
					for (const reflection of reflectionRecords) tx.objectStore('reflections').put(reflection);
					tx.oncomplete = () => {
						db.close();
						resolve();
					};
					tx.onerror = () => reject(new Error('cannot write'));
				};
			}),
		[webs, reflections] as const
	);
}
