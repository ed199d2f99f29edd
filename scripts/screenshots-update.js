// Screenshots of the update banner at phone and tablet size, light and dark. Needs both builds
// (`npm run build && npm run build:update-b`) and a free port: it serves build/ (version A), opens
// the app, then serves build-b/ (version B) on the same port so the app finds a new version.
// `node scripts/screenshots-update.js [port]`; writes PNGs to screenshots/ (not committed).
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { findChromium } from './find-chromium.js';

const port = Number(process.argv[2] ?? 4311);
const base = `http://127.0.0.1:${port}`;
const outDir = 'screenshots';
mkdirSync(outDir, { recursive: true });

async function serve(dir) {
	const child = spawn(process.execPath, [dir], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
		stdio: 'ignore'
	});
	for (let i = 0; i < 100; i++) {
		if (
			await fetch(base).then(
				(r) => r.ok,
				() => false
			)
		)
			return child;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`${dir} did not start on ${base}`);
}

async function stop(child) {
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill();
	await exited;
}

const SIZES = {
	phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
	tablet: { viewport: { width: 1180, height: 820 }, hasTouch: true }
};

const browser = await chromium.launch({
	executablePath: findChromium(),
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run']
});
for (const [sizeName, size] of Object.entries(SIZES)) {
	for (const colorScheme of ['light', 'dark']) {
		let server = await serve('build');
		const context = await browser.newContext({ ...size, colorScheme, locale: 'nl-NL' });
		const page = await context.newPage();
		await page.goto(`${base}/`);
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
		await page.getByRole('button', { name: 'Begin een nieuwe spinnenweb' }).click();
		await page.getByText('Onderdeel 1 van 6').waitFor();
		await stop(server);
		server = await serve('build-b');
		await context.setOffline(true);
		await context.setOffline(false);
		await page.getByRole('button', { name: 'Vernieuwen' }).waitFor({ timeout: 20_000 });
		await page.screenshot({ path: `${outDir}/${sizeName}-${colorScheme}-update-banner.png` });
		await context.setOffline(true);
		await page.screenshot({ path: `${outDir}/${sizeName}-${colorScheme}-update-offline.png` });
		await context.close();
		await stop(server);
	}
}
await browser.close();
console.log(`Screenshots in ${outDir}/`);
