// Screenshots of the tablet's backup and its restore conflict for a conversation, the QR scanner
// inside a conversation (and without a camera), at 1180×820 and 820×1180, and the personal backup
// at 390×844. Needs a running production server: `npm run build && PORT=4321 HOST=127.0.0.1 node
// build`, then `node scripts/screenshots-robust.js [baseUrl] [outDir]`.
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { findChromium } from './find-chromium.js';

const base = process.argv[2] ?? 'http://127.0.0.1:4321';
const outDir = process.argv[3] ?? 'screenshots';
mkdirSync(outDir, { recursive: true });

const MARCH = Date.UTC(2026, 2, 3, 10, 0);
const CLIENT = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const CONVERSATION = '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a';
const conversation = {
	id: CONVERSATION,
	clientId: CLIENT,
	webId: null,
	createdAt: MARCH,
	updatedAt: MARCH + 1000,
	notes: { overzicht: 'Slaapt slecht sinds de verhuizing' },
	wish: 'Weer samen met de buren koken',
	wishOwner: 'person',
	firstStep: 'Vraagt de buurvrouw om koffie',
	dismissedPrompts: [],
	followUpDate: null,
	webFilledBy: []
};
const TABLES = {
	clients: [
		{ id: CLIENT, pseudonym: 'Fatima', createdAt: MARCH, updatedAt: MARCH, handOverLocale: null }
	],
	conversations: [conversation]
};

const browser = await chromium.launch({
	executablePath: findChromium(),
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run']
});

async function store(page, tables) {
	await page.evaluate(
		(all) =>
			new Promise((resolve, reject) => {
				const open = indexedDB.open('spinnenweb');
				open.onerror = () => reject(new Error('cannot open'));
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction(Object.keys(all), 'readwrite');
					for (const [name, records] of Object.entries(all))
						for (const record of records) tx.objectStore(name).put(record);
					tx.oncomplete = () => {
						db.close();
						resolve();
					};
				};
			}),
		tables
	);
}

async function makeBackup(page, path) {
	await page.goto(`${base}/gesprekken/back-up`);
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Back-up maken' }).click();
	await (await download).saveAs(path);
	await page.getByText('In de back-up:').waitFor();
}

const TABLETS = {
	landscape: { width: 1180, height: 820 },
	portrait: { width: 820, height: 1180 }
};

for (const [name, viewport] of Object.entries(TABLETS)) {
	const make = () =>
		browser.newContext({ viewport, hasTouch: true, locale: 'nl-NL', acceptDownloads: true });
	const context = await make();
	const page = await context.newPage();
	page.on('pageerror', (error) => console.error(`${name}: ${error.message}`));
	const shot = (what, on = page) =>
		on.screenshot({ path: `${outDir}/tablet-${name}-${what}.png`, fullPage: true });

	await page.goto(`${base}/gesprekken`);
	await page.getByRole('heading', { level: 1 }).waitFor();
	await store(page, TABLES);
	const first = `${outDir}/first-${name}.json`;
	await makeBackup(page, first);
	await shot('backup-made');

	const otherContext = await make();
	const other = await otherContext.newPage();
	await other.goto(`${base}/gesprekken/back-up`);
	await other.getByLabel('Kies een back-up').setInputFiles(first);
	await other.getByText('De back-up is teruggezet.').waitFor();
	await shot('restore-done', other);

	await store(page, {
		conversations: [{ ...conversation, wish: 'Weer fietsen', updatedAt: MARCH + 5000 }]
	});
	await store(other, {
		conversations: [{ ...conversation, wish: 'Vaker wandelen', updatedAt: MARCH + 6000 }]
	});
	const second = `${outDir}/second-${name}.json`;
	await makeBackup(page, second);
	await other.goto(`${base}/gesprekken/back-up`);
	await other.getByLabel('Kies een back-up').setInputFiles(second);
	await other.getByRole('heading', { name: 'Kies wat je wilt houden' }).waitFor();
	await shot('restore-conflict-conversation', other);
	await otherContext.close();

	// The scanner inside a conversation, with a camera that shows nothing yet.
	await page.goto(`${base}/gesprekken/gesprek?id=${CONVERSATION}&stap=web`);
	await page.getByRole('button', { name: 'Web van de telefoon lezen' }).click();
	await page.getByText('Typ deze code op de telefoon:').waitFor();
	await shot('conversation-scanner');
	await context.close();

	const cameraless = await make();
	await cameraless.addInitScript(() => {
		Object.defineProperty(navigator, 'mediaDevices', { value: undefined });
	});
	const tablet = await cameraless.newPage();
	await tablet.goto(`${base}/gesprekken`);
	await tablet.getByRole('heading', { level: 1 }).waitFor();
	await store(tablet, TABLES);
	await tablet.goto(`${base}/gesprekken/gesprek?id=${CONVERSATION}&stap=web`);
	await tablet.getByRole('button', { name: 'Web van de telefoon lezen' }).click();
	await tablet.getByRole('button', { name: 'Camera aanzetten' }).click();
	await tablet.getByText('Kies een foto van de QR-code').waitFor();
	await shot('conversation-scanner-no-camera', tablet);
	await cameraless.close();
}

// The phone's personal backup.
const phone = await browser.newContext({
	viewport: { width: 390, height: 844 },
	isMobile: true,
	hasTouch: true,
	locale: 'nl-NL',
	acceptDownloads: true
});
const page = await phone.newPage();
await page.goto(`${base}/instellingen`);
const download = page.waitForEvent('download');
await page.getByRole('button', { name: 'Back-up maken' }).click();
await download;
await page.getByText('Je back-up is klaar').waitFor();
await page.locator('#backup').screenshot({ path: `${outDir}/phone-personal-backup.png` });
await phone.close();
await browser.close();
