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

describe('makeReportPdf in languages with other letters', () => {
	const input = { web: WEB, set: ADULT_V1, reflection: REFLECTION };
	const options = { loadFonts: loadFontsFromDisk, now: new Date(0) };

	// Texts from messages/reflection/: the PDF's own title and headings in each language.
	it.each([
		{
			locale: 'uk' as const,
			expected: ['Моя павутина', 'Мій перший маленький крок', 'Сторінка 1 з 2']
		},
		{
			locale: 'pl' as const,
			expected: ['Moja pajęczyna', 'Mój pierwszy mały krok', 'Strona 1 z 2']
		},
		{ locale: 'tr' as const, expected: ['Örümcek ağım', 'İlk küçük adımım', 'Sayfa 1 / 2'] }
	])('writes $locale with its own letters intact', async ({ locale, expected }) => {
		const model = buildReportModel({ ...input, locale }, DEFAULT_CHOICES);
		const text = pdfText(await makeReportPdf(model, options), locale);
		for (const words of expected) expect(text).toContain(words);
	});

	it('writes Arabic joined and right to left, in an embedded Arabic font', async () => {
		const model = buildReportModel({ ...input, locale: 'ar' }, DEFAULT_CHOICES);
		expect(model.direction).toBe('rtl');
		const bytes = await makeReportPdf(model, options);
		expect(new TextDecoder('latin1').decode(bytes)).toContain('NotoSansArabic');
		const text = pdfText(bytes, 'ar');
		// The page holds the joined letter forms (Presentation Forms-B) in visual order, right to
		// left; poppler maps each glyph back to that form and, seeing right-to-left text, gives
		// the line in reading order again. So the title reads back as its shaped letters in
		// logical order: NFKC turns the forms into the plain letters of the translation.
		// poppler also marks each right-to-left run with U+202B … U+202C; those are left out here.
		const plain = text.replace(/[\u202a-\u202e]/g, '').normalize('NFKC');
		const lines = plain.split('\n').map((line) => line.trim());
		expect(lines).toContain('شبكة العنكبوت الخاصة بي');
		expect(plain).toContain('أرقامي لكل جزء');
		// Shaped, not loose letters: the title's first letter is the initial form of shin.
		expect(text).toContain('\ufeb7');
	});
});
