// Byte budgets (DESIGN.md §7): bytes, not times, so they may fail a test. A failure names the
// files that make up the total, largest first, so the chunk that grew is plain to see.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstLoadFiles, firstLoadReport, listFiles } from '../../scripts/lib/first-load.js';
import { measureWholeVisit, type Visit } from '../../scripts/lib/whole-visit.js';

const FIRST_PAINT_BUDGET = 55 * 1024;
const WHOLE_VISIT_BUDGET = 80 * 1024;
const WHOLE_VISIT_REQUESTS = 15;
// Everything a device keeps for offline use, uncompressed: both sides of the app (a team's tablet
// works offline too) and every language's texts, which are now the largest single file (about
// 400 KB, 120 KB gzip, for seven languages); splitting them per language is the way down. 2.52 MB
// with the lock, the warm handover and the tablet's backup page (2.4 MB before them).
const PRECACHE_BUDGET = 2.75 * 1024 * 1024;

/** Markers that only these libraries and texts contain. */
const MARKERS = {
	Dexie: /DatabaseClosedError/,
	zod: /ZodError/,
	'question texts': /Word je uitgerust wakker/,
	'PDF library': /jsPDF|svg2pdf/,
	// The passcode lock's crypto code: loaded once a passcode is set, never on a device without.
	"the lock's crypto code": /PBKDF2-HMAC-SHA-256/
};

function describe(report: ReturnType<typeof firstLoadReport>): string {
	return report.files.map((f) => `  ${f.file}: ${f.gzip} B`).join('\n');
}

function describeVisit(visit: Visit): string {
	const rows = [
		...visit.requests.map((r) => `  ${r.type} ${r.path}: ${r.gzip ?? '-'} B gzip`),
		...visit.inlineCss.map((c) => `  css inside the page /${c.file}: ${c.gzip} B gzip`)
	];
	return rows.join('\n');
}

test('the start page paints with at most 55 KB of JS and CSS (gzip)', () => {
	const report = firstLoadReport('/');
	expect(
		report.total,
		`start page first paint is ${report.total} B gzip, budget ${FIRST_PAINT_BUDGET} B:\n${describe(report)}`
	).toBeLessThanOrEqual(FIRST_PAINT_BUDGET);
});

test('the start page paints without the database, schemas or question texts', () => {
	const code = firstLoadFiles('/')
		.filter((file) => file.endsWith('.js'))
		.map((file) => ({ file, text: readFileSync(join('build/client', file), 'utf8') }));
	for (const [name, marker] of Object.entries(MARKERS)) {
		const carriers = code.filter((c) => marker.test(c.text)).map((c) => c.file);
		expect(carriers, `${name} is in the start page's first paint`).toEqual([]);
	}
});

test('a whole first visit of the start page is at most 80 KB of JS and CSS (gzip), in at most 15 requests', async ({
	page
}) => {
	const visit = await measureWholeVisit(page, '/');
	const detail = describeVisit(visit);
	expect(
		visit.gzip,
		`a first visit fetches ${visit.gzip} B gzip, budget ${WHOLE_VISIT_BUDGET} B:\n${detail}`
	).toBeLessThanOrEqual(WHOLE_VISIT_BUDGET);
	expect(visit.requests.length, `requests of a first visit:\n${detail}`).toBeLessThanOrEqual(
		WHOLE_VISIT_REQUESTS
	);
	// Nothing is stored on a first visit, so there is nothing to read: the storage code and the
	// schemas stay away until the person begins (or comes back with something stored).
	const code = visit.code.map((r) => ({
		path: r.path,
		text: readFileSync(join('build/client', r.path), 'utf8')
	}));
	for (const [name, marker] of Object.entries(MARKERS)) {
		const carriers = code.filter((c) => marker.test(c.text)).map((c) => c.path);
		expect(carriers, `${name} is fetched on a first visit`).toEqual([]);
	}
});

test('everything the app caches for offline use stays within 2.75 MB', () => {
	const files = listFiles('build/client').concat(listFiles('build/prerendered'));
	const total = files.reduce((sum, f) => sum + f.size, 0);
	const largest = [...files]
		.sort((a, b) => b.size - a.size)
		.slice(0, 10)
		.map((f) => `  ${f.path}: ${f.size} B`)
		.join('\n');
	expect(
		total,
		`the app's files are ${total} B, budget ${PRECACHE_BUDGET} B:\n${largest}`
	).toBeLessThanOrEqual(PRECACHE_BUDGET);
});

test('the QR code libraries load only when a QR screen draws or reads a code', () => {
	const markers = {
		qrcode: /The amount of data is too big to be stored in a QR Code/,
		jsQR: /invertFirst/
	};
	for (const route of ['/', '/resultaat', '/instellingen', '/delen/qr', '/qr-lezen']) {
		const code = firstLoadFiles(route)
			.filter((file) => file.endsWith('.js'))
			.map((file) => ({ file, text: readFileSync(join('build/client', file), 'utf8') }));
		for (const [name, marker] of Object.entries(markers)) {
			const carriers = code.filter((c) => marker.test(c.text)).map((c) => c.file);
			expect(carriers, `${name} is in the first load of ${route}`).toEqual([]);
		}
	}
});
