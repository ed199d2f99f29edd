// Draws the app's PNG icons from its SVGs with headless Chromium, once: the PNGs are committed,
// so nothing is drawn or downloaded at install time. Run again after changing an SVG:
// `node scripts/make-icons.js`.
//   static/favicon.svg            → icons/icon-192.png, icons/icon-512.png   (purpose "any")
//   scripts/icons/icon-maskable.svg → icons/icon-maskable-*.png, apple-touch-icon.png (full bleed)
import { chromium } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { findChromium } from './find-chromium.js';

const ICONS = [
	{ svg: 'static/favicon.svg', size: 192, out: 'static/icons/icon-192.png' },
	{ svg: 'static/favicon.svg', size: 512, out: 'static/icons/icon-512.png' },
	{ svg: 'scripts/icons/icon-maskable.svg', size: 192, out: 'static/icons/icon-maskable-192.png' },
	{ svg: 'scripts/icons/icon-maskable.svg', size: 512, out: 'static/icons/icon-maskable-512.png' },
	// iOS rounds the corners itself and shows transparency as black: the full-bleed square.
	{ svg: 'scripts/icons/icon-maskable.svg', size: 180, out: 'static/apple-touch-icon.png' }
];

mkdirSync('static/icons', { recursive: true });
const browser = await chromium.launch({
	executablePath: findChromium(),
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run']
});
const page = await browser.newPage({ deviceScaleFactor: 1 });
for (const { svg, size, out } of ICONS) {
	await page.setViewportSize({ width: size, height: size });
	const markup = readFileSync(svg, 'utf8').replace(
		'<svg ',
		`<svg width="${size}" height="${size}" `
	);
	await page.setContent(
		`<!doctype html><html><body style="margin:0;background:transparent">${markup}</body></html>`
	);
	await page.screenshot({
		path: out,
		omitBackground: true,
		clip: { x: 0, y: 0, width: size, height: size }
	});
	console.log(`${out} (${size}×${size})`);
}
await browser.close();
