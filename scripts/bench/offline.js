// The offline app: what the service worker keeps on the device, and how soon the start page can
// be used on a warm reload with the network off.
import { PHONE } from './browser.js';
import { median } from './stats.js';

export async function measureOffline(browser, url, reloads = 5) {
	const context = await browser.newContext(PHONE);
	const page = await context.newPage();
	await page.goto(`${url}/`);
	await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, {
		timeout: 30000
	});
	const precache = await page.evaluate(async () => {
		let bytes = 0;
		let files = 0;
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			for (const request of await cache.keys()) {
				const response = await cache.match(request);
				bytes += (await response.arrayBuffer()).byteLength;
				files += 1;
			}
		}
		return { bytes, files };
	});

	await context.setOffline(true);
	const times = [];
	for (let i = 0; i < reloads; i++) {
		// Interactive: the start button is enabled, which needs the database's answer. (Read with
		// Playwright's own wait: an init-script observer closes the page when offline in Chromium.)
		await page.goto(`${url}/`);
		await page.locator('main button.primary:not([disabled])').waitFor();
		times.push(await page.evaluate(() => performance.now()));
	}
	await context.close();
	return { ...precache, interactiveMs: median(times) };
}
