// Screenshots of "Eerdere webs" (webs over time) and the share screen's web file, at phone and
// tablet size, light and dark, in Dutch and in Arabic (right to left). Needs a running production
// server: `npm run build && PORT=4321 HOST=127.0.0.1 node build`, then
// `node scripts/screenshots-history.js [baseUrl]`. Writes PNGs to screenshots/.
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { findChromium } from './find-chromium.js';

const base = process.argv[2] ?? 'http://127.0.0.1:4321';
const outDir = 'screenshots';
mkdirSync(outDir, { recursive: true });

const SIZES = {
	phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
	tablet: { viewport: { width: 1180, height: 820 }, hasTouch: true },
	portrait: { viewport: { width: 820, height: 1180 }, hasTouch: true }
};

const ASPECTS = {
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

/** A year and more of monthly webs (scores moving gently), the newest one half filled in. */
async function seed(page) {
	await page.evaluate(async (aspects) => {
		const db = await new Promise((resolve, reject) => {
			const request = indexedDB.open('spinnenweb');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const tx = db.transaction(['webs', 'reflections'], 'readwrite');
		const webs = tx.objectStore('webs');
		const dims = Object.entries(aspects);
		let newestFinished = '';
		for (let month = 0; month < 15; month++) {
			const id = crypto.randomUUID();
			const time = Date.UTC(2025, month, 10, 10);
			const isLast = month === 14;
			const answers = {};
			dims.forEach(([dimension, ids], d) => {
				if (isLast && d > 2) return;
				ids.forEach((aspect, a) => {
					const wave = 5 + 2.5 * Math.sin((month + d * 2) / 2.5) + ((a * 3 + d) % 3) - 1;
					answers[`${dimension}.${aspect}`] = Math.max(0, Math.min(10, Math.round(wave)));
				});
			});
			if (month === 6) answers['kwaliteit.rondkomen'] = 'liever-niet';
			webs.put({
				id,
				questionSetId: 'volwassenen-v1',
				locale: 'nl',
				createdAt: time,
				updatedAt: time,
				completedAt: isLast ? null : time + 600_000,
				answers,
				talkAbout: month === 13 ? ['meedoen.steun'] : [],
				dimensionAnswers: {},
				position: { dimensionIndex: isLast ? 3 : 5, aspectKey: null }
			});
			if (month === 13) newestFinished = id;
		}
		tx.objectStore('reflections').put({
			webId: newestFinished,
			createdAt: Date.UTC(2026, 1, 10, 11),
			updatedAt: Date.UTC(2026, 1, 10, 11),
			focus: { kind: 'dimension', dimensionId: 'meedoen' },
			notes: { wish: 'Vaker iets samen doen.' },
			stepDate: null,
			reminderDismissedAt: null
		});
		await new Promise((resolve, reject) => {
			tx.oncomplete = resolve;
			tx.onerror = () => reject(tx.error);
		});
		db.close();
	}, ASPECTS);
}

const browser = await chromium.launch({
	executablePath: findChromium(),
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run']
});

for (const locale of ['nl', 'ar']) {
	for (const colorScheme of ['light', 'dark']) {
		if (locale === 'ar' && colorScheme === 'dark') continue;
		for (const [sizeName, size] of Object.entries(SIZES)) {
			const context = await browser.newContext({ ...size, colorScheme, locale: 'nl-NL' });
			await context.addInitScript((l) => localStorage.setItem('PARAGLIDE_LOCALE', l), locale);
			const page = await context.newPage();
			page.on('pageerror', (error) => console.error(`${sizeName}: ${error.message}`));
			const name = (what) => `${outDir}/history-${sizeName}-${locale}-${colorScheme}-${what}.png`;

			await page.goto(`${base}/geschiedenis`);
			await page.locator('h1').waitFor();
			await seed(page);
			await page.reload();
			await page.locator('.webs li').first().waitFor();
			await page.screenshot({ path: name('top') });
			await page.screenshot({ path: name('full'), fullPage: true });
			await page.locator('.trend').screenshot({ path: name('trend') });
			// A third web in the comparison, and the trend as a table.
			await page.locator('.webs li input[type="checkbox"]').nth(5).check();
			await page.locator('details.as-table summary').click();
			await page.locator('.trend').screenshot({ path: name('trend-table') });
			await page.locator('.overlay').screenshot({ path: name('three') });
			await page.locator('section.list').screenshot({ path: name('list') });

			await page.locator('.webs li').nth(1).locator('a').click();
			await page.waitForURL(/resultaat/);
			await page.goto(page.url().replace('/resultaat', '/delen'));
			await page.locator('.web-file').waitFor();
			await page.locator('.web-file').screenshot({ path: name('web-file') });
			await page.screenshot({ path: name('share'), fullPage: true });
			await context.close();
		}
	}
}
await browser.close();
