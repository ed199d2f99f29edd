// Lighthouse mobile scores (its default mobile emulation and throttling) and the largest
// contentful paint in ms, median of runs.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { findChromium } from '../find-chromium.js';
import { CHROMIUM_ARGS } from './browser.js';
import { median } from './stats.js';

const CATEGORIES = ['performance', 'accessibility', 'best-practices'];

/**
 * @param {string} url
 * @param {string} language the phone's language (navigator.languages and Accept-Language)
 * @param {number} [runs]
 */
export async function measureLighthouse(url, language, runs = 3) {
	const scores = Object.fromEntries(CATEGORIES.map((c) => [c, []]));
	const paints = [];
	for (let run = 0; run < runs; run++) {
		const chrome = await chromeLauncher.launch({
			chromePath: findChromium(),
			chromeFlags: [...CHROMIUM_ARGS, `--lang=${language}`, `--accept-lang=${language}`]
		});
		try {
			const result = await lighthouse(`${url}/`, {
				port: chrome.port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: CATEGORIES
			});
			for (const category of CATEGORIES) {
				scores[category].push(Math.round((result?.lhr.categories[category]?.score ?? 0) * 100));
			}
			paints.push(Math.round(result?.lhr.audits['largest-contentful-paint']?.numericValue ?? NaN));
		} finally {
			await chrome.kill();
		}
	}
	return {
		...Object.fromEntries(CATEGORIES.map((c) => [c, median(scores[c])])),
		lcp: median(paints)
	};
}
