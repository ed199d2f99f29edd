// Screenshots of the sociale kaart on the professional side: an import report with three bad rows
// and the list, at tablet (both ways) and phone size. Needs a running production server:
// `npm run build && PORT=4321 HOST=127.0.0.1 node build`, then
// `node scripts/screenshots-kaart.js [baseUrl] [outDir]`.
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { findChromium } from './find-chromium.js';

const base = process.argv[2] ?? 'http://127.0.0.1:4321';
const outDir = process.argv[3] ?? 'screenshots';
mkdirSync(outDir, { recursive: true });
const FIXTURES = new URL('../tests/fixtures/', import.meta.url).pathname;

const SIZES = {
	'1180x820': { viewport: { width: 1180, height: 820 }, hasTouch: true },
	'820x1180': { viewport: { width: 820, height: 1180 }, hasTouch: true },
	'390x844': { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
};

const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
for (const [size, options] of Object.entries(SIZES)) {
	const context = await browser.newContext({ ...options, locale: 'nl-NL' });
	const page = await context.newPage();
	const shot = (name) => page.screenshot({ path: `${outDir}/${name}-${size}.png`, fullPage: true });
	await page.goto(`${base}/gesprekken/sociale-kaart/importeren`);
	await page
		.getByLabel('Bestand met voorzieningen')
		.setInputFiles(`${FIXTURES}sociale-kaart-voorbeeld.csv`);
	await page.getByText('Nieuw op de kaart: 30').waitFor();
	await page.getByRole('button', { name: 'Importeren', exact: true }).click();
	await page.getByText('Klaar. Toegevoegd: 30.').waitFor();
	await page.getByRole('button', { name: 'Nog een bestand kiezen' }).click();
	await page
		.getByLabel('Bestand met voorzieningen')
		.setInputFiles(`${FIXTURES}sociale-kaart-drie-foute-regels.csv`);
	await page.getByText('Nieuw op de kaart: 2').waitFor();
	await shot('kaart-import-report');
	await page.goto(`${base}/gesprekken/sociale-kaart`);
	await page.getByText(/Gevonden: \d+/).waitFor();
	await shot('kaart-list');
	await context.close();
}
await browser.close();
console.log(`Screenshots in ${outDir}/`);
