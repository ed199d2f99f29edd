// Screenshots of the reflection, the result with a focus, the start page's reminder and the share
// screen, at phone and tablet size. Needs a running production server:
// `npm run build && PORT=4321 HOST=127.0.0.1 node build`, then
// `node scripts/screenshots-reflect.js [baseUrl] [light|dark]`. Writes PNGs to screenshots/.
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
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

function dayFromNow(days) {
	const date = new Date(Date.now() + days * 86_400_000);
	const pad = (n) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

async function fillWeb(page, seed) {
	await page.goto(`${base}/`);
	await page.getByRole('button', { name: 'Begin een nieuwe spinnenweb' }).click();
	for (let d = 0; d < 6; d++) {
		await page.getByText(`Onderdeel ${d + 1} van 6`).waitFor();
		const sliders = page.getByRole('slider');
		for (let i = 0; i < 7; i++) {
			await sliders.nth(i).focus();
			await page.keyboard.press(String((d * 3 + i * 2 + seed) % 10));
		}
		if (d === 0) await page.getByRole('button', { name: 'Hier wil ik over praten' }).nth(3).click();
		await page.getByText('Opgeslagen', { exact: true }).waitFor();
		await page.getByRole('button', { name: d === 5 ? /Klaar/ : 'Volgende' }).click();
	}
	await page.waitForURL(/resultaat/);
}

for (const [sizeName, size] of Object.entries(SIZES)) {
	const context = await browser.newContext({ ...size, colorScheme, locale: 'nl-NL' });
	const page = await context.newPage();
	page.on('pageerror', (error) => console.error(`${sizeName}: ${error.message}`));
	const shot = (name, fullPage = true) =>
		page.screenshot({ path: `${outDir}/${sizeName}-${colorScheme}-${name}.png`, fullPage });

	await fillWeb(page, 3);
	await fillWeb(page, 0);
	const result = page.url();
	await page.getByRole('link', { name: 'Denk na over je web' }).click();
	await page.getByText('Stap 1 van 3').waitFor();
	await page
		.getByLabel('Wat valt je op als je naar je web kijkt?')
		.fill('Mijn web is aan de kant van meedoen kleiner dan ik dacht.');
	await page.getByLabel('Wat geeft je energie of plezier?').fill('Fietsen en de moestuin.');
	await shot('reflect-1');
	await shot('reflect-1-top', false);
	await page.getByRole('button', { name: 'Volgende' }).click();
	await page.getByText('Stap 2 van 3').waitFor();
	await page.getByLabel('Is er iets dat je graag anders wilt?').fill('Vaker iets samen doen.');
	await page.getByRole('radio', { name: 'Meedoen' }).check();
	await page.getByLabel(/Gaat het om één vraag/).selectOption({ label: 'Steun van anderen' });
	await shot('reflect-2');
	await page.getByRole('button', { name: 'Volgende' }).click();
	await page.getByText('Stap 3 van 3').waitFor();
	await page
		.getByLabel('Wat is een eerste kleine stap?')
		.fill('Volgende week één keer naar het koffie-uurtje in het buurthuis.');
	await page.getByLabel('Wie of wat kan je daarbij helpen?').fill('Mijn buurvrouw Iĳsbrand.');
	await page.getByLabel('Wanneer wil je kijken hoe het ging?').fill(dayFromNow(7));
	await page.getByText('Opgeslagen', { exact: true }).waitFor();
	await shot('reflect-3');
	await page.getByRole('button', { name: /Klaar, terug/ }).click();
	await page.waitForURL(/resultaat/);
	await page.getByRole('region', { name: 'Je eerste stap' }).waitFor();
	await shot('result-focus');
	await page.emulateMedia({ media: 'print' });
	await shot('result-print');
	await page.emulateMedia({ media: 'screen' });

	await page.goto(result.replace('/resultaat', '/delen'));
	await page.getByRole('button', { name: 'Download' }).waitFor();
	await shot('share');

	await page.clock.setFixedTime(new Date(Date.now() + 8 * 86_400_000));
	await page.goto(`${base}/`);
	await page.getByRole('heading', { name: 'Hoe ging het met je stap?' }).waitFor();
	await shot('start-reminder');
	await context.close();
}
await browser.close();
console.log(`Screenshots in ${outDir}/`);
