// Screenshots of the backup, restore-conflict, erase and QR screens at phone and tablet size.
// Needs a running production server: `npm run build && PORT=4321 HOST=127.0.0.1 node build`, then
// `node scripts/screenshots-vault.js [baseUrl] [light|dark]`. Writes PNGs to screenshots/.
import { chromium } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { findChromium } from './find-chromium.js';

const base = process.argv[2] ?? 'http://127.0.0.1:4321';
const colorScheme = process.argv[3] ?? 'light';
const outDir = 'screenshots';
mkdirSync(outDir, { recursive: true });

const SIZES = {
	phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
	tablet: { viewport: { width: 1180, height: 820 }, hasTouch: true }
};

const browser = await chromium.launch({
	executablePath: findChromium(),
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run']
});

async function fillFirstPart(page) {
	await page.goto(`${base}/`);
	await page.getByRole('button', { name: 'Begin een nieuwe spinnenweb' }).click();
	await page.getByText('Onderdeel 1 van 6').waitFor();
	const sliders = page.getByRole('slider');
	for (let i = 0; i < 7; i++) {
		await sliders.nth(i).focus();
		await page.keyboard.press(String((i * 3) % 10));
	}
	await page.getByText('Opgeslagen', { exact: true }).waitFor();
	return new URL(page.url()).searchParams.get('web');
}

async function backupFile(page, path) {
	await page.goto(`${base}/instellingen`);
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Back-up maken' }).click();
	await (await download).saveAs(path);
}

async function setAnswer(page, id, key) {
	await page.goto(`${base}/invullen?web=${id}&deel=1`);
	await page.getByRole('slider').first().focus();
	await page.keyboard.press(key);
	await page.getByText('Opgeslagen', { exact: true }).waitFor();
}

for (const [sizeName, size] of Object.entries(SIZES)) {
	const make = () =>
		browser.newContext({ ...size, colorScheme, locale: 'nl-NL', acceptDownloads: true });
	const context = await make();
	const page = await context.newPage();
	page.on('pageerror', (error) => console.error(`${sizeName}: ${error.message}`));
	const shot = (name, fullPage = true) =>
		page.screenshot({ path: `${outDir}/${sizeName}-${colorScheme}-vault-${name}.png`, fullPage });

	const id = await fillFirstPart(page);
	await backupFile(page, `${outDir}/first.json`);
	await page.getByRole('status').filter({ hasText: 'Je back-up is klaar' }).waitFor();
	await page
		.getByRole('region', { name: 'Back-up' })
		.screenshot({ path: `${outDir}/${sizeName}-${colorScheme}-vault-backup-card.png` });

	// A second device restores, then both change the web: a conflict.
	const other = await make();
	const tablet = await other.newPage();
	await tablet.goto(`${base}/instellingen`);
	await tablet.getByLabel('Kies een back-up').setInputFiles(`${outDir}/first.json`);
	await tablet.getByText('De back-up is teruggezet.').waitFor();
	await tablet
		.getByRole('region', { name: 'Back-up' })
		.screenshot({ path: `${outDir}/${sizeName}-${colorScheme}-vault-restored-card.png` });
	await setAnswer(tablet, id, '9');
	await setAnswer(page, id, '1');
	await backupFile(tablet, `${outDir}/second.json`);
	await other.close();

	await page.goto(`${base}/instellingen`);
	await page.getByLabel('Kies een back-up').setInputFiles(`${outDir}/second.json`);
	await page.getByRole('heading', { name: 'Kies wat je wilt houden' }).waitFor();
	await shot('conflict');
	await page
		.getByRole('region', { name: 'Back-up' })
		.screenshot({ path: `${outDir}/${sizeName}-${colorScheme}-vault-conflict-card.png` });
	await page.getByRole('button', { name: 'Stoppen, niets veranderen' }).click();

	writeFileSync(`${outDir}/not-a-backup.json`, '{"hello": "world"}');
	await page.getByLabel('Kies een back-up').setInputFiles(`${outDir}/not-a-backup.json`);
	await page.getByText('Dit is geen back-up van Spinnenweb.').waitFor();
	await page
		.getByRole('region', { name: 'Back-up' })
		.screenshot({ path: `${outDir}/${sizeName}-${colorScheme}-vault-refused-card.png` });

	await page.getByLabel(/Typ WISSEN/).fill('wisse');
	await page.getByRole('button', { name: 'Alles wissen' }).click();
	await page.getByText('Typ eerst het woord WISSEN.').waitFor();
	await page.getByRole('heading', { name: 'Alles wissen' }).scrollIntoViewIfNeeded();
	await shot('erase-word', false);

	// The QR code on the phone, and the tablet's reader.
	await page.goto(`${base}/delen/qr?web=${id}`);
	await page.getByLabel('Typ de code die op de tablet staat').waitFor();
	await shot('qr-entry');
	await page.getByLabel('Typ de code die op de tablet staat').fill('482 915 307 661');
	await page.getByRole('button', { name: 'Maak de QR-code' }).click();
	await page.getByRole('img', { name: 'QR-code met je web' }).waitFor();
	await shot('qr-shown');

	await page.goto(`${base}/qr-lezen`);
	await page.getByText('Typ deze code op de telefoon:').waitFor();
	await shot('scanner');

	await page.goto(`${base}/instellingen`);
	await page.getByLabel(/Typ WISSEN/).fill('WISSEN');
	await page.getByRole('button', { name: 'Alles wissen' }).click();
	await page.getByText('Alles is gewist.').waitFor();
	await page.getByRole('heading', { name: 'Alles wissen' }).scrollIntoViewIfNeeded();
	await shot('erased', false);
	await context.close();
}
await browser.close();
console.log(`Screenshots in ${outDir}/`);
