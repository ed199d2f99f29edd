import type { Page } from '@playwright/test';

/**
 * Waits until the app's service worker controls the page: from then on everything is cached and
 * the app opens without a network. The app registers it after the first render and the window's
 * `load`; on a first visit the worker takes the page over (`clients.claim()`) once installed.
 */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
		timeout: 30_000
	});
}

/** The names of the page origin's caches, e.g. ["spinnenweb-0.1.0-20261123T185200Z"]. */
export function cacheNames(page: Page): Promise<string[]> {
	return page.evaluate(() => caches.keys());
}

/** How many files the service worker cached, and their total size in bytes. */
export function measurePrecache(page: Page): Promise<{ files: number; bytes: number }> {
	return page.evaluate(async () => {
		let files = 0;
		let bytes = 0;
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			for (const request of await cache.keys()) {
				const response = await cache.match(request);
				if (!response) continue;
				files++;
				bytes += (await response.arrayBuffer()).byteLength;
			}
		}
		return { files, bytes };
	});
}
