import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { ADULT_V1 } from '$lib/domain/question-set';
import { describe, expect, it } from 'vitest';
import { buildReportModel, DEFAULT_CHOICES } from './report-model';
import { makeReportPdf, pathToPolylines } from './render-pdf';
import { EARLIER, loadFontsFromDisk, REFLECTION, WEB } from './testing/report-fixtures';

/** The PDF's text as poppler reads it (Debian's poppler-utils; `.ci/run` installs it). */
function pdfText(bytes: Uint8Array, name: string): string {
	mkdirSync('reports/pdf', { recursive: true });
	const path = `reports/pdf/${name}.pdf`;
	writeFileSync(path, bytes);
	return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

describe('pathToPolylines', () => {
	it.each([
		{ d: '', expected: [] },
		{
			d: 'M0,-10L8.66,5L-8.66,5Z',
			expected: [
				{
					points: [
						[0, -10],
						[8.66, 5],
						[-8.66, 5]
					],
					isClosed: true
				}
			]
		},
		{
			d: 'M1,2L3,4M5,6L7,8',
			expected: [
				{
					points: [
						[1, 2],
						[3, 4]
					],
					isClosed: false
				},
				{
					points: [
						[5, 6],
						[7, 8]
					],
					isClosed: false
				}
			]
		}
	])('reads $d', ({ d, expected }) => {
		expect(pathToPolylines(d)).toEqual(expected);
	});
});

describe('makeReportPdf', () => {
	const input = { web: WEB, set: ADULT_V1, reflection: REFLECTION, locale: 'nl' as const };

	it('makes a selectable, machine-readable A4 PDF with Dutch letters intact', async () => {
		const model = buildReportModel(
			{ ...input, earlier: { web: EARLIER, set: ADULT_V1 } },
			{ ...DEFAULT_CHOICES, earlier: true }
		);
		const started = performance.now();
		const bytes = await makeReportPdf(model, { loadFonts: loadFontsFromDisk, now: new Date(0) });
		const ms = performance.now() - started;
		console.log(`PDF (nl, all parts, comparison): ${bytes.length} bytes in ${ms.toFixed(0)} ms`);

		expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
		const text = pdfText(bytes, 'nl-all');
		for (const expected of [
			'Mijn spinnenweb',
			'Ingevuld op 3 maart 2026',
			'Lichaamsfuncties',
			'Dagelijks functioneren',
			'Om over te praten',
			'Steun van anderen (Meedoen)',
			'koffie-uurtje in het buurthuis',
			'Iĳsbrand',
			'15 april 2026',
			'geen medische meting'
		]) {
			expect(text).toContain(expected);
		}
		// Subset fonts: the whole document stays small.
		expect(bytes.length).toBeLessThan(120_000);
	});

	it('is the same every time for the same model and date', async () => {
		const model = buildReportModel(input, DEFAULT_CHOICES);
		const options = {
			loadFonts: loadFontsFromDisk,
			now: new Date(0),
			fileId: '0123456789abcdef0123456789abcdef'
		};
		const [a, b] = await Promise.all([
			makeReportPdf(model, options),
			makeReportPdf(model, options)
		]);
		expect(a).toEqual(b);
	});

	it('writes English and leaves emoji out', async () => {
		const model = buildReportModel(
			{
				...input,
				locale: 'en',
				reflection: { ...REFLECTION, notes: { step: 'Walk with Zoë 😊 every día' } }
			},
			DEFAULT_CHOICES
		);
		const text = pdfText(await makeReportPdf(model, { loadFonts: loadFontsFromDisk }), 'en');
		expect(text).toContain('My spider web');
		expect(text).toContain('Walk with Zoë every día');
		expect(text).toContain('To talk about');
	});
});
