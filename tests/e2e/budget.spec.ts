// Deterministic budgets from the build output (DESIGN.md §6): bytes, not times. A failure names
// the files that make up the total, largest first, so the chunk that grew is plain to see.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstLoadFiles, firstLoadReport, listFiles } from '../../scripts/lib/first-load.js';

const FIRST_LOAD_BUDGET = 80 * 1024;
const PRECACHE_BUDGET = 2 * 1024 * 1024;

function describe(report: ReturnType<typeof firstLoadReport>): string {
	return report.files.map((f) => `  ${f.file}: ${f.gzip} B`).join('\n');
}

test('the start page loads within 80 KB of JS and CSS (gzip)', () => {
	const report = firstLoadReport('/');
	expect(
		report.total,
		`start page first load is ${report.total} B gzip, budget ${FIRST_LOAD_BUDGET} B:\n${describe(report)}`
	).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
});

test('the start page does not load the database, schemas or question texts', () => {
	const code = firstLoadFiles('/')
		.filter((file) => file.endsWith('.js'))
		.map((file) => ({ file, text: readFileSync(join('build/client', file), 'utf8') }));
	// Markers that only these libraries and texts contain.
	const markers = {
		Dexie: /DatabaseClosedError/,
		zod: /ZodError/,
		'question texts': /Word je uitgerust wakker/,
		'PDF library': /jsPDF|svg2pdf/
	};
	for (const [name, marker] of Object.entries(markers)) {
		const carriers = code.filter((c) => marker.test(c.text)).map((c) => c.file);
		expect(carriers, `${name} is in the start page's first load`).toEqual([]);
	}
});

test('everything the app caches for offline use stays within 2 MB', () => {
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
