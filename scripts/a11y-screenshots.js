// Screenshots of the accessibility views, to look at: Arabic (right to left), Eenvoudig
// Nederlands in simple mode, 200 % text and 320 px wide, at phone and tablet size. Needs a
// running production server: `npm run build && PORT=4331 npm run serve`, then
// `node scripts/a11y-screenshots.js [baseUrl]`. Writes PNGs to screenshots/a11y/ (not committed).
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { findChromium } from './find-chromium.js';

const base = process.argv[2] ?? 'http://127.0.0.1:4331';
const outDir = 'screenshots/a11y';
mkdirSync(outDir, { recursive: true });

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const TABLET = { viewport: { width: 1180, height: 820 }, hasTouch: true };
const NARROW = { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true };

/** 200 % text: the root font size doubled (the app's own base is 112.5 %), as a phone's text setting does. */
const DOUBLE_TEXT = `document.addEventListener('DOMContentLoaded', () => {
	const style = document.createElement('style');
	style.textContent = 'html { font-size: 225% !important; }';
	document.head.append(style);
});`;

const browser = await chromium.launch({
	executablePath: findChromium(),
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run']
});

/**
 * @param {import('@playwright/test').Page} page
 * @returns {Promise<string>} the web's id
 */
async function fillWebInDutch(page) {
	await page.goto(`${base}/`);
	await page.evaluate(() => {
		localStorage.setItem('PARAGLIDE_LOCALE', 'nl');
		localStorage.setItem('spinnenweb-simple-mode', 'off');
	});
	await page.reload();
	await page.getByRole('button', { name: 'Begin een nieuwe spinnenweb' }).click();
	for (let d = 0; d < 6; d++) {
		await page.getByText(`Onderdeel ${d + 1} van 6`).waitFor();
		const sliders = page.getByRole('slider');
		const count = await sliders.count();
		for (let i = 0; i < count; i++) {
			await sliders.nth(i).focus();
			await page.keyboard.press(String((d * 3 + i * 2) % 10));
		}
		await page.getByText('Opgeslagen', { exact: true }).waitFor();
		await page.getByRole('button', { name: d === 5 ? /Klaar/ : 'Volgende' }).click();
	}
	await page.waitForURL(/resultaat/);
	return new URL(page.url()).searchParams.get('web') ?? '';
}

/**
 * @param {string} name
 * @param {object} size
 * @param {{ locale: string, simple: boolean, init?: string }} how
 * @param {(page: import('@playwright/test').Page, shot: (n: string) => Promise<unknown>, webId: string) => Promise<void>} run
 */
async function session(name, size, how, run) {
	const context = await browser.newContext({ ...size, locale: 'nl-NL' });
	const page = await context.newPage();
	page.on('pageerror', (error) => console.error(`${name}: ${error.message}`));
	const webId = await fillWebInDutch(page);
	await page.evaluate(
		([locale, simple]) => {
			localStorage.setItem('PARAGLIDE_LOCALE', String(locale));
			localStorage.setItem('spinnenweb-simple-mode', simple ? 'on' : 'off');
		},
		[how.locale, how.simple]
	);
	if (how.init) await context.addInitScript(how.init);
	const shot = async (/** @type {string} */ n) => {
		await page.waitForTimeout(150);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		if (overflow > 0) console.warn(`${name}-${n}: scrolls sideways by ${overflow} px`);
		await page.screenshot({ path: `${outDir}/${name}-${n}.png`, fullPage: true });
	};
	await run(page, shot, webId);
	await context.close();
}

/** @type {Parameters<typeof session>[3]} */
const normalViews = async (page, shot, webId) => {
	await page.goto(`${base}/`);
	await shot('start');
	await page.goto(`${base}/invullen?web=${webId}&deel=2`);
	await page.getByRole('slider').first().waitFor();
	await shot('dimension');
	await page.goto(`${base}/resultaat?web=${webId}`);
	await page.getByRole('table').waitFor();
	await shot('result');
};

/** @type {Parameters<typeof session>[3]} */
const simpleViews = async (page, shot, webId) => {
	await page.goto(`${base}/`);
	await shot('start');
	await page.goto(`${base}/invullen?web=${webId}&deel=2`);
	await page.getByRole('heading', { level: 1 }).waitFor();
	await shot('simple-intro');
	await page.goto(`${base}/invullen?web=${webId}&deel=2&vraag=3`);
	await page.getByRole('radiogroup').waitFor();
	await shot('simple-aspect');
	await page.goto(`${base}/invullen?web=${webId}&deel=4&vraag=heel`);
	await page.getByRole('radiogroup').waitFor();
	await page.getByRole('radio').nth(7).check();
	await shot('simple-whole');
	await page.goto(`${base}/resultaat?web=${webId}`);
	await page.getByRole('table').waitFor();
	await shot('result');
};

await session('ar-phone', PHONE, { locale: 'ar', simple: false }, normalViews);
await session('ar-tablet', TABLET, { locale: 'ar', simple: false }, normalViews);
await session('ar-phone-simple', PHONE, { locale: 'ar', simple: true }, simpleViews);
await session('simple-phone', PHONE, { locale: 'nl-x-simple', simple: true }, simpleViews);
await session('simple-tablet', TABLET, { locale: 'nl-x-simple', simple: true }, simpleViews);
await session(
	'zoom200-phone',
	PHONE,
	{ locale: 'nl', simple: false, init: DOUBLE_TEXT },
	normalViews
);
await session(
	'zoom200-phone-simple',
	PHONE,
	{ locale: 'nl-x-simple', simple: true, init: DOUBLE_TEXT },
	simpleViews
);
await session('w320', NARROW, { locale: 'nl', simple: false }, normalViews);
await session('w320-simple', NARROW, { locale: 'uk', simple: true }, simpleViews);
await browser.close();
console.log(`Screenshots in ${outDir}/`);
