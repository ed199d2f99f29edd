// A long history: the list's first page and opening one web, with 1,000 and 10,000 stored webs.
import { PHONE } from './browser.js';
import { timeNavigation, timeUntil } from './in-page.js';

/** Stores `count` finished webs straight into IndexedDB, as years of use would leave them. */
export async function seedWebs(page, count) {
	await page.evaluate(async (total) => {
		const aspects = {
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
			kwaliteit: [
				'genieten',
				'gelukkig',
				'lekker-in-je-vel',
				'balans',
				'veilig',
				'wonen',
				'rondkomen'
			],
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
		const db = await new Promise((resolve, reject) => {
			const request = indexedDB.open('spinnenweb');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const start = Date.UTC(2020, 0, 1);
		const tx = db.transaction('webs', 'readwrite');
		const store = tx.objectStore('webs');
		for (let i = 0; i < total; i++) {
			const answers = {};
			let n = i;
			for (const [dimension, ids] of Object.entries(aspects)) {
				for (const id of ids) answers[`${dimension}.${id}`] = n = (n * 7 + 3) % 11;
			}
			const time = start + i * 3_600_000;
			store.put({
				id: crypto.randomUUID(),
				questionSetId: 'volwassenen-v1',
				locale: 'nl',
				createdAt: time,
				updatedAt: time,
				completedAt: time,
				answers,
				talkAbout: [],
				position: { dimensionIndex: 5, aspectKey: null }
			});
		}
		await new Promise((resolve, reject) => {
			tx.oncomplete = resolve;
			tx.onerror = () => reject(tx.error);
		});
		db.close();
	}, count);
}

export async function measureHistory(browser, url, count) {
	const context = await browser.newContext(PHONE);
	const page = await context.newPage();
	// Let the app create its database first, then fill it.
	await page.goto(`${url}/geschiedenis`);
	await page.getByText('Je hebt nog geen spinnenweb ingevuld.').waitFor();
	await seedWebs(page, count);

	const listShownAt = await timeNavigation(page, `${url}/geschiedenis`, '.webs li');
	// The history shows score tables of its own: wait for the result page's.
	const openMs = await timeUntil(page, 'article.result table tbody tr:nth-child(6) td', () =>
		page.locator('.webs li a').first().click()
	);
	await context.close();
	return { count, listMs: listShownAt, openMs };
}
