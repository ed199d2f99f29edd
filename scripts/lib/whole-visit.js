// The whole first visit of the start page, as a browser sees it: every request the page makes
// until it knows whether there is a web to resume (the page says so in `data-resume`) and the
// network has gone quiet after that, so code fetched a little later counts too. Used by the byte
// budget test and the bench. The service worker's own downloads (its offline copy of the whole
// app, fetched in the background after the first paint) are not the page's and are not counted.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { firstLoadFiles } from './first-load.js';

const CLIENT_DIR = 'build/client';

/**
 * @typedef {{ path: string, type: string, onTheWire: number, gzip: number | null }} VisitRequest
 * @typedef {{ requests: VisitRequest[], code: VisitRequest[], inlineCss: { file: string, gzip: number }[], gzip: number, onTheWire: number }} Visit
 */

/**
 * gzip size of a built file (the adapter's precompressed copy), or null for what is not a file of
 * the build (the start page itself, which the server draws per request).
 * @param {string} path
 * @param {string} [root]
 */
function gzipOfBuilt(path, root = '.') {
	const file = join(root, CLIENT_DIR, path);
	if (!existsSync(file) || !statSync(file).isFile()) return null;
	if (existsSync(`${file}.gz`)) return statSync(`${file}.gz`).size;
	return gzipSync(readFileSync(file), { level: 9 }).length;
}

/**
 * @param {import('@playwright/test').Page} page a page in a context of its own, nothing stored
 * @param {string} url the start page's address
 * @returns {Promise<Visit>}
 */
export async function measureWholeVisit(page, url) {
	/** @type {Promise<VisitRequest>[]} */
	const pending = [];
	page.on('requestfinished', (request) => {
		pending.push(
			request.sizes().then((sizes) => {
				const path = new URL(request.url()).pathname;
				return {
					path,
					type: request.resourceType(),
					onTheWire: sizes.responseBodySize + sizes.responseHeadersSize,
					gzip: gzipOfBuilt(path)
				};
			})
		);
	});
	await page.goto(url);
	await page.locator('[data-resume]:not([data-resume="looking"])').waitFor({ state: 'attached' });
	await page.waitForLoadState('networkidle');
	const requests = await Promise.all(pending);
	const code = requests.filter((r) => r.type === 'script' || r.type === 'stylesheet');
	// The start page's CSS comes inside the page (svelte.config.js, inlineStyleThreshold): it
	// counts as CSS all the same.
	const fetched = new Set(requests.map((r) => r.path.replace(/^\//, '')));
	const inlineCss = firstLoadFiles('/')
		.filter((file) => file.endsWith('.css') && !fetched.has(file))
		.map((file) => ({ file, gzip: gzipOfBuilt(`/${file}`) ?? 0 }));
	return {
		requests,
		code,
		inlineCss,
		gzip: [...code, ...inlineCss].reduce((sum, r) => sum + (r.gzip ?? 0), 0),
		onTheWire: code.reduce((sum, r) => sum + r.onTheWire, 0)
	};
}
