import { expect, type Page } from '@playwright/test';

/** The adult set's aspect keys, in order: what the app stores answers under. */
const ASPECTS: Record<string, string[]> = {
	lichaamsfuncties: ['gezond', 'fit', 'klachten', 'slapen', 'eten', 'conditie', 'bewegen'],
	mentaal: [
		'onthouden',
		'concentreren',
		'communiceren',
		'vrolijk',
		'jezelf-accepteren',
		'omgaan-met-verandering',
		'controle'
	],
	zingeving: [
		'zinvol-leven',
		'levenslust',
		'idealen',
		'vertrouwen',
		'accepteren',
		'dankbaarheid',
		'blijven-leren'
	],
	kwaliteit: ['genieten', 'gelukkig', 'lekker-in-je-vel', 'balans', 'veilig', 'wonen', 'rondkomen'],
	meedoen: [
		'sociale-contacten',
		'serieus-genomen',
		'samen-leuke-dingen',
		'steun',
		'erbij-horen',
		'zinvolle-dingen',
		'interesse-in-de-maatschappij'
	],
	dagelijks: [
		'voor-jezelf-zorgen',
		'grenzen-kennen',
		'kennis-van-gezondheid',
		'omgaan-met-tijd',
		'omgaan-met-geld',
		'kunnen-werken',
		'hulp-vragen'
	]
};

export interface SeedWeb {
	id: string;
	createdAt: number;
	/** One score for every aspect, so each dimension's mean is this number. */
	score: number;
	wish?: string;
}

/**
 * Stores finished webs (and a reflection with a wish, where given) straight into the app's
 * database, as a person who used the app for a while has them, once the app has made its database.
 */
export async function seedWebs(page: Page, webs: readonly SeedWeb[]): Promise<void> {
	// Opening a database that is not there would make an empty one: wait until the app's is
	// there with its tables (Dexie may open it once without a version first).
	const isAppDatabaseReady = () =>
		page.evaluate(async () => {
			if (!(await indexedDB.databases()).some((d) => d.name === 'spinnenweb')) return false;
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const request = indexedDB.open('spinnenweb');
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
			const isReady = db.objectStoreNames.contains('reflections');
			db.close();
			return isReady;
		});
	await expect.poll(isAppDatabaseReady, { timeout: 15_000 }).toBe(true);
	await page.evaluate(
		async ({ webs, aspects }) => {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const request = indexedDB.open('spinnenweb');
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
			const tx = db.transaction(['webs', 'reflections'], 'readwrite');
			for (const web of webs) {
				const answers: Record<string, number> = {};
				for (const [dimension, ids] of Object.entries(aspects)) {
					for (const id of ids) answers[`${dimension}.${id}`] = web.score;
				}
				tx.objectStore('webs').put({
					id: web.id,
					questionSetId: 'volwassenen-v1',
					locale: 'nl',
					createdAt: web.createdAt,
					updatedAt: web.createdAt,
					completedAt: web.createdAt,
					answers,
					talkAbout: [],
					dimensionAnswers: {},
					position: { dimensionIndex: 5, aspectKey: null }
				});
				if (web.wish) {
					tx.objectStore('reflections').put({
						webId: web.id,
						createdAt: web.createdAt,
						updatedAt: web.createdAt,
						focus: null,
						notes: { wish: web.wish },
						stepDate: null,
						reminderDismissedAt: null
					});
				}
			}
			await new Promise((resolve, reject) => {
				tx.oncomplete = resolve;
				tx.onerror = () => reject(tx.error);
			});
			db.close();
		},
		{ webs, aspects: ASPECTS }
	);
}
