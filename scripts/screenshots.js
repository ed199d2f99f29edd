// Takes screenshots of the main screens at phone and tablet size, to look at before calling UI
// work done. Needs a running production server: `npm run build && PORT=4199 npm run serve`, then
// `node scripts/screenshots.js [baseUrl]`. Writes PNGs to screenshots/ (not committed).
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { findChromium } from './find-chromium.js';

const base = process.argv[2] ?? 'http://127.0.0.1:4199';
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

/** Fills in a whole web by keyboard with varied scores; returns when the result shows. */
async function fillWeb(page, seed) {
	await page.goto(`${base}/`);
	await page.getByRole('button', { name: 'Begin een nieuwe spinnenweb' }).click();
	for (let d = 0; d < 6; d++) {
		await page.getByText(`Onderdeel ${d + 1} van 6`).waitFor();
		const sliders = page.getByRole('slider');
		const count = await sliders.count();
		for (let i = 0; i < count; i++) {
			await sliders.nth(i).focus();
			await page.keyboard.press(String((d * 3 + i * 2 + seed) % 10));
		}
		if (d === 0 && seed === 0) {
			await page.getByRole('button', { name: 'Hier wil ik over praten' }).nth(3).click();
		}
		await page.getByText('Opgeslagen', { exact: true }).waitFor();
		await page.getByRole('button', { name: d === 5 ? /Klaar/ : 'Volgende' }).click();
	}
	await page.waitForURL(/resultaat/);
}

for (const [sizeName, size] of Object.entries(SIZES)) {
	for (const colorScheme of ['light', 'dark']) {
		const context = await browser.newContext({ ...size, colorScheme, locale: 'nl-NL' });
		const page = await context.newPage();
		page.on('pageerror', (error) => console.error(`${sizeName}: ${error.message}`));
		const shot = (name) =>
			page.screenshot({ path: `${outDir}/${sizeName}-${colorScheme}-${name}.png`, fullPage: true });

		await page.goto(`${base}/`);
		await shot('start');
		await fillWeb(page, 3);
		await fillWeb(page, 0);
		await shot('result');
		const compare = page.getByLabel('Vergelijk met een eerdere keer');
		await compare.selectOption({ index: 1 });
		await page.getByRole('list', { name: 'Legenda' }).waitFor();
		await shot('compare');
		await page.goto(
			`${base}/invullen?${new URL(page.url()).searchParams.toString().replace(/&met=.*/, '')}&deel=2`
		);
		await page.getByRole('slider').first().waitFor();
		await page.evaluate(() => window.scrollTo(0, 0));
		await page.screenshot({ path: `${outDir}/${sizeName}-${colorScheme}-dimension-top.png` });
		await shot('dimension');
		await page.goto(`${base}/geschiedenis`);
		await page.getByRole('main').getByRole('listitem').first().waitFor();
		await shot('history');
		await page.goto(`${base}/instellingen`);
		await page.getByText(/gebruikt nu/).waitFor();
		await shot('settings');
		await context.close();
	}
}
await browser.close();
console.log(`Screenshots in ${outDir}/`);
