// `npm run bench`: figures a person would feel, on the production build served by the production
// server, in headless Chromium. Prints a table with each figure beside its budget
// (DESIGN.md §6) and writes bench/results.json. Timings are figures to read, never test failures.
import { mkdirSync, writeFileSync } from 'node:fs';
import { launchBrowser } from './bench/browser.js';
import { measureCrypto, measureCryptoSize } from './bench/crypto.js';
import { measureAppUnlock } from './bench/lock-app.js';
import { measureQrChunks } from './bench/lazy-chunks.js';
import { measureFirstLoad } from './bench/first-load.js';
import { measureHistory } from './bench/history.js';
import { measureLighthouse } from './bench/lighthouse.js';
import { measureOffline } from './bench/offline.js';
import { measurePdf } from './bench/pdf.js';
import { startServer } from './bench/server.js';
import { measureSliderToChart } from './bench/slider-chart.js';
import { measureSocialMapSearch } from './bench/sociale-kaart.js';

const port = Number(process.env.BENCH_PORT ?? 4180);
const skipLighthouse = process.argv.includes('--no-lighthouse');

const rows = [];

/** The other locales' phones, by the language their browser asks for. */
const OTHER_PHONES = [
	['Simple Dutch', 'nl-x-simple'],
	['Arabic', 'ar-MA'],
	['Turkish', 'tr-TR'],
	['Polish', 'pl-PL'],
	['Ukrainian', 'uk-UA']
];
/** `budget`: [limit, 'max' | 'min'], or null when there is none to hold it to. */
function record(section, name, value, unit, budget = null) {
	const within =
		budget === null ? null : budget[1] === 'max' ? value <= budget[0] : value >= budget[0];
	rows.push({
		section,
		name,
		value,
		unit,
		budget: budget?.[0] ?? null,
		kind: budget?.[1] ?? null,
		within
	});
	const shown = Number.isInteger(value) ? value : value.toFixed(1);
	const target = budget === null ? '' : `${budget[1] === 'max' ? '≤' : '≥'} ${budget[0]} ${unit}`;
	const verdict = within === null ? '' : within ? 'within' : 'OVER';
	console.log(
		`${section.padEnd(12)} ${name.padEnd(44)} ${String(shown).padStart(9)} ${unit.padEnd(5)} ${target.padEnd(12)} ${verdict}`
	);
}

const server = await startServer(port);
const browser = await launchBrowser();
try {
	console.log(
		`${'section'.padEnd(12)} ${'figure'.padEnd(44)} ${'value'.padStart(9)} ${'unit'.padEnd(5)} ${'budget'.padEnd(12)}`
	);

	const load = await measureFirstLoad(browser, server.url);
	record(
		'first load',
		'start page JS+CSS for the first paint (gzip)',
		load.firstPaint / 1024,
		'KB',
		[55, 'max']
	);
	// Everything the start page fetches until it knows whether there is a web to resume (budget
	// test: tests/e2e/budget.spec.ts). Nothing is stored on a first visit, so no storage code.
	const whole = load.wholeVisit;
	record('first load', 'whole first visit JS+CSS (gzip)', whole.gzip / 1024, 'KB', [80, 'max']);
	record('first load', '  the same, against the goal', whole.gzip / 1024, 'KB', [60, 'max']);
	record('first load', 'whole first visit requests', whole.requests.length, '', [15, 'max']);
	record('first load', '  JS+CSS as served (brotli, with headers)', whole.onTheWire / 1024, 'KB');
	const stored = load.withStoredWeb;
	record('first load', 'with a stored web, no worker: JS+CSS (gzip)', stored.gzip / 1024, 'KB');
	record('first load', '  requests', stored.requests.length, '');

	if (!skipLighthouse) {
		// The server draws the start page in the phone's language, so every phone should paint
		// it about as early as a Dutch one: its largest paint within 15 % of the Dutch phone's.
		const dutch = await measureLighthouse(server.url, 'nl-NL');
		record('lighthouse', 'performance (mobile, Dutch, median of 3)', dutch.performance, '', [
			95,
			'min'
		]);
		record('lighthouse', 'accessibility', dutch.accessibility, '', [100, 'min']);
		record('lighthouse', 'best practices', dutch['best-practices'], '', [100, 'min']);
		const english = await measureLighthouse(server.url, 'en-US');
		record('lighthouse', 'performance (mobile, English, median of 3)', english.performance, '', [
			95,
			'min'
		]);
		const lcpBudget = [Math.round(dutch.lcp * 1.15), 'max'];
		record('lighthouse', 'largest paint, Dutch phone (median of 3)', dutch.lcp, 'ms');
		record('lighthouse', 'largest paint, English phone', english.lcp, 'ms', lcpBudget);
		for (const [name, language] of OTHER_PHONES) {
			const scores = await measureLighthouse(server.url, language);
			record('lighthouse', `largest paint, ${name} phone`, scores.lcp, 'ms', lcpBudget);
		}
	}

	const offline = await measureOffline(browser, server.url);
	record('offline', `precache (${offline.files} files)`, offline.bytes / 1024, 'KB', [2048, 'max']);
	record(
		'offline',
		'warm reload offline to interactive (median of 5)',
		offline.interactiveMs,
		'ms',
		[1000, 'max']
	);

	const slider = await measureSliderToChart(browser, server.url);
	// One frame at 60 Hz is 16.7 ms. The change is saved and read back before the web redraws, so
	// "updated" holds the whole round trip; "painted" adds the wait for the next frame.
	record(
		'chart',
		`slider change to web updated, p50 (${slider.changes}×)`,
		slider.updatedP50,
		'ms',
		[16.7, 'max']
	);
	record('chart', 'slider change to web updated, p95', slider.updatedP95, 'ms', [16.7, 'max']);
	record('chart', 'slider change to web painted, p50', slider.paintedP50, 'ms', [33.4, 'max']);
	record('chart', 'slider change to web painted, p95', slider.paintedP95, 'ms', [33.4, 'max']);

	for (const count of [1000, 10000]) {
		const history = await measureHistory(browser, server.url, count);
		record('history', `${count} webs: list shown (from navigation)`, history.listMs, 'ms', [
			1000,
			'max'
		]);
		record('history', `${count} webs: open one`, history.openMs, 'ms', [500, 'max']);
	}

	// A keystroke in the search box until the list shows its results: within 50 ms it feels instant.
	const kaart = await measureSocialMapSearch(browser, server.url, 2000);
	record('kaart', `search 2,000 voorzieningen, p50 (${kaart.searches}×)`, kaart.p50, 'ms', [
		50,
		'max'
	]);
	record('kaart', 'search 2,000 voorzieningen, p95', kaart.p95, 'ms', [50, 'max']);

	const pdf = await measurePdf(browser, server.url);
	record('pdf', 'first PDF of a visit (incl. loading its code)', pdf.firstMs, 'ms', [2000, 'max']);
	record('pdf', 'a later PDF (median of 4)', pdf.laterMs, 'ms', [1000, 'max']);
	record('pdf', 'size of a one-web summary', pdf.bytes / 1024, 'KB', [500, 'max']);

	// The passcode lock's code is loaded only once a passcode is set.
	const size = await measureCryptoSize();
	record('lock', 'crypto module, lazily loaded (gzip, own code)', size.ownGzip / 1024, 'KB');
	record('lock', '  the same with zod/mini in it', size.withZodGzip / 1024, 'KB');
	const lock = await measureCrypto(browser, server.url);
	record('lock', 'unlock: PBKDF2 600k + unwrap (median of 5)', lock.unlockMs, 'ms');
	record('lock', 'open 1,000 sealed webs from IndexedDB (median 5)', lock.openMs, 'ms');
	record('lock', 'unlock with 1,000 webs stored, total (median 5)', lock.totalMs, 'ms');
	record('lock', 'one sealed web (ciphertext with tag)', lock.bytesPerWeb, 'B');
	const inApp = await measureAppUnlock(browser, server.url);
	record('lock', 'in the app: unlock to the list, 1,000 webs (median 5)', inApp.unlockMs, 'ms');
	record('lock', 'in the app: seal 1,000 webs when the lock is set', inApp.sealMs, 'ms');

	// Loaded on the QR screens when a code is drawn or read, never before.
	const qr = measureQrChunks();
	record('qr', 'phone: draw the code + seal the web (gzip)', qr.phone / 1024, 'KB');
	record('qr', 'tablet: read frames (jsQR) + open the web (gzip)', qr.tablet / 1024, 'KB');
	record('qr', '  the same where zod is loaded already', qr.tabletWithoutZod / 1024, 'KB');
	record('qr', '  of which qrcode', qr.drawOnly / 1024, 'KB');
	record('qr', '  of which jsQR', qr.readOnly / 1024, 'KB');
} finally {
	await browser.close();
	await server.stop();
}

mkdirSync('bench', { recursive: true });
writeFileSync(
	'bench/results.json',
	`${JSON.stringify({ date: new Date().toISOString(), rows }, null, '\t')}\n`
);
console.log('\nWritten to bench/results.json');
