// `npm run bench`: figures a person would feel, on the production build served by the production
// server, in headless Chromium. Prints a table with each figure beside its budget
// (DESIGN.md §6) and writes bench/results.json. Timings are figures to read, never test failures.
import { mkdirSync, writeFileSync } from 'node:fs';
import { launchBrowser } from './bench/browser.js';
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
		'start page JS+CSS before first paint (gzip)',
		load.jsCssBuild / 1024,
		'KB',
		[80, 'max']
	);
	record('first load', '  the same, against the goal', load.jsCssBuild / 1024, 'KB', [60, 'max']);
	// Storage code follows right after the first paint; this is everything a first visit fetches.
	record('first load', 'whole first visit JS+CSS on the wire (gzip)', load.jsCssWire / 1024, 'KB');
	record('first load', 'whole first visit requests', load.requests, '');

	if (!skipLighthouse) {
		// A Dutch phone gets the start page in the HTML; a phone in another language waits for the
		// app's code, so it is measured as well.
		const scores = await measureLighthouse(server.url, 'nl-NL');
		record('lighthouse', 'performance (mobile, Dutch, median of 3)', scores.performance, '', [
			95,
			'min'
		]);
		record('lighthouse', 'accessibility', scores.accessibility, '', [100, 'min']);
		record('lighthouse', 'best practices', scores['best-practices'], '', [100, 'min']);
		const english = await measureLighthouse(server.url, 'en-US');
		record('lighthouse', 'performance (mobile, English, median of 3)', english.performance, '', [
			95,
			'min'
		]);
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
} finally {
	await browser.close();
	server.stop();
}

mkdirSync('bench', { recursive: true });
writeFileSync(
	'bench/results.json',
	`${JSON.stringify({ date: new Date().toISOString(), rows }, null, '\t')}\n`
);
console.log('\nWritten to bench/results.json');
