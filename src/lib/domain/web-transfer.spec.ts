import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIMENSION_IDS } from './dimensions';
import { ADULT_V1, allAspectKeys } from './question-set';
import { NOTE_FIELDS, type Reflection } from './reflection';
import { PREFER_NOT, WebSchema, type Answer, type Web } from './web';
import {
	encodeWebTransfer,
	MAX_WEB_FILE_BYTES,
	parseWebTransfer,
	webFileName,
	webForTransfer,
	webFromTransfer,
	type TransferredWeb,
	type WebTransferResult
} from './web-transfer';

const KEYS = allAspectKeys(ADULT_V1);
const ID = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
const CREATED = Date.UTC(2026, 2, 3, 9, 30);
const COMPLETED = Date.UTC(2026, 2, 3, 9, 52);

function storedWeb(overrides: Partial<Web> = {}): Web {
	return WebSchema.parse({
		id: ID,
		questionSetId: ADULT_V1.id,
		locale: 'nl',
		createdAt: CREATED,
		updatedAt: COMPLETED,
		completedAt: COMPLETED,
		answers: { 'lichaamsfuncties.gezond': 7, 'lichaamsfuncties.fit': PREFER_NOT },
		talkAbout: ['mentaal.vrolijk'],
		dimensionAnswers: { zingeving: 6 },
		position: { dimensionIndex: 5, aspectKey: null },
		...overrides
	});
}

/** A valid file as another device would write it, with a field changed where a test says. */
function fileText(overrides: Record<string, unknown> = {}): string {
	return JSON.stringify({
		format: 'spinnenweb-web',
		version: 1,
		id: ID,
		questionSet: 'volwassenen-v1',
		locale: 'tr',
		createdAt: CREATED,
		completedAt: COMPLETED,
		answers: KEYS.map((_, i) => (i === 0 ? 7 : i === 1 ? 'n' : i === 41 ? 10 : null)),
		talkAbout: [10],
		wholeDimensions: [null, null, 6, null, null, null],
		...overrides
	});
}

function failure(result: WebTransferResult) {
	if (result.ok) throw new Error('expected the file to be refused');
	return result;
}

describe('parseWebTransfer: a good file', () => {
	it('gives the web, with "liever niet", flags and whole-dimension scores in place', () => {
		const result = parseWebTransfer(fileText());
		expect(result).toEqual({
			ok: true,
			web: {
				id: ID,
				questionSetId: 'volwassenen-v1',
				locale: 'tr',
				createdAt: CREATED,
				completedAt: COMPLETED,
				answers: {
					'lichaamsfuncties.gezond': 7,
					'lichaamsfuncties.fit': PREFER_NOT,
					'dagelijks.hulp-vragen': 10
				},
				talkAbout: ['mentaal.vrolijk'],
				dimensionAnswers: { zingeving: 6 },
				reflection: null
			}
		});
	});

	it('reads an unfinished web, one without flags, and a file with a byte order mark', () => {
		const text = '\uFEFF' + fileText({ completedAt: null, talkAbout: undefined });
		const result = parseWebTransfer(text);
		expect(result.ok && result.web.completedAt).toBeNull();
		expect(result.ok && result.web.talkAbout).toEqual([]);
	});

	it('carries the notes only when they were put in', () => {
		const reflection: Reflection = {
			webId: ID,
			createdAt: COMPLETED,
			updatedAt: COMPLETED,
			focus: { kind: 'aspect', dimensionId: 'meedoen', aspectKey: 'meedoen.steun' },
			notes: { wish: 'Weer eens naar de markt', step: 'Buurvrouw bellen' },
			stepDate: '2026-03-20',
			reminderDismissedAt: null
		};
		const without = parseWebTransfer(encodeWebTransfer(webForTransfer(storedWeb())));
		expect(without.ok && without.web.reflection).toBeNull();
		expect(encodeWebTransfer(webForTransfer(storedWeb()))).not.toContain('reflection');

		const withNotes = parseWebTransfer(encodeWebTransfer(webForTransfer(storedWeb(), reflection)));
		expect(withNotes.ok && withNotes.web.reflection).toEqual({
			focus: reflection.focus,
			notes: reflection.notes,
			stepDate: '2026-03-20'
		});
	});

	it('is compact enough for a QR code: a whole web with ten flags in under 600 bytes', () => {
		const answers: Record<string, Answer> = Object.fromEntries(
			KEYS.map((key, i) => [key, i % 5 === 0 ? PREFER_NOT : 10])
		);
		const text = encodeWebTransfer(
			webForTransfer(storedWeb({ answers, talkAbout: KEYS.slice(0, 10) }))
		);
		expect(new TextEncoder().encode(text).length).toBeLessThan(600);
	});
});

describe('parseWebTransfer: what it refuses, and why', () => {
	it.each([
		['an empty file', ''],
		['half a file', fileText().slice(0, 40)],
		['plain text', 'Mijn spinnenweb van maart'],
		['a PDF', '%PDF-1.7\n%âãÏÓ\n1 0 obj']
	])('%s is not JSON', (_, text) => {
		expect(failure(parseWebTransfer(text)).reason).toBe('not-json');
	});

	it.each([
		['null', 'null'],
		['a number', '42'],
		['a list', '[1, 2, 3]'],
		['another kind of file', JSON.stringify({ format: 'spinnenweb-backup', version: 1 })],
		['an object without a format', JSON.stringify({ answers: [] })]
	])('%s is not a web file', (_, text) => {
		expect(failure(parseWebTransfer(text)).reason).toBe('not-a-web-file');
	});

	it('refuses a file over 1 MB without reading it', () => {
		const padded = fileText().replace('{', '{' + ' '.repeat(MAX_WEB_FILE_BYTES));
		expect(failure(parseWebTransfer(padded))).toEqual({
			ok: false,
			reason: 'not-a-web-file',
			detail: 'too-large'
		});
		// Fewer characters than the limit, more bytes: counted as UTF-8.
		const wide = fileText({ locale: 'nl', note: 'é'.repeat(MAX_WEB_FILE_BYTES / 2 + 10) });
		expect(wide.length).toBeLessThan(MAX_WEB_FILE_BYTES);
		expect(failure(parseWebTransfer(wide)).detail).toBe('too-large');
		// Just under the limit is read as usual.
		const justUnder = fileText({ note: 'x'.repeat(MAX_WEB_FILE_BYTES - 2000) });
		expect(parseWebTransfer(justUnder).ok).toBe(true);
	});

	it('says "newer version" for a later format version or a question set this app lacks', () => {
		expect(failure(parseWebTransfer(fileText({ version: 2 })))).toMatchObject({
			reason: 'newer-version',
			detail: 'version'
		});
		expect(failure(parseWebTransfer(fileText({ questionSet: 'volwassenen-v2' })))).toMatchObject({
			reason: 'newer-version',
			detail: 'question-set'
		});
	});

	it.each<[string, Record<string, unknown>, string]>([
		['a score above 10', { answers: KEYS.map(() => 11) }, 'answers.0'],
		['a score with a decimal', { answers: KEYS.map(() => 7.5) }, 'answers.0'],
		['an answer that is text', { answers: KEYS.map(() => 'zeven') }, 'answers.0'],
		['too few answers for the set', { answers: [7, 8] }, 'answers'],
		['a flag beyond the last aspect', { talkAbout: [42] }, 'talkAbout'],
		['the same flag twice', { talkAbout: [3, 3] }, 'talkAbout'],
		['no creation time', { createdAt: undefined }, 'createdAt'],
		['a negative time', { completedAt: -1 }, 'completedAt'],
		['an id that is not one', { id: 'web-1' }, 'id'],
		['a version written as text', { version: '1' }, 'version'],
		[
			'five whole-dimension scores for six dimensions',
			{ wholeDimensions: [1, 2, 3, 4, 5] },
			'wholeDimensions'
		],
		[
			'a focus on an aspect of another dimension',
			{
				reflection: {
					focus: { kind: 'aspect', dimensionId: 'meedoen', aspectKey: 'mentaal.vrolijk' },
					notes: {},
					stepDate: null
				}
			},
			'reflection.focus'
		],
		[
			'a note that is not text',
			{ reflection: { focus: null, notes: { wish: 12 }, stepDate: null } },
			'reflection.notes.wish'
		],
		[
			'a day that is not a day',
			{ reflection: { focus: null, notes: {}, stepDate: 'morgen' } },
			'reflection.stepDate'
		]
	])('%s is damaged', (_, overrides, path) => {
		const result = failure(parseWebTransfer(fileText(overrides)));
		expect(result.reason).toBe('damaged');
		expect(result.detail).toContain(path);
	});

	it('names where a file is damaged, never what is in it', () => {
		const result = failure(
			parseWebTransfer(fileText({ answers: KEYS.map((_, i) => (i === 3 ? 'geheim' : 5)) }))
		);
		expect(result.detail).toBe('answers.3');
		expect(result.detail).not.toContain('geheim');
	});
});

describe('parseWebTransfer: script-like text is inert', () => {
	const script = '<script>globalThis.__ran = true</script><img src=x onerror="alert(1)">';

	it('keeps markup in a note as the same plain string, and runs nothing', () => {
		const text = fileText({
			reflection: { focus: null, notes: { wish: script, help: '{{constructor}}' }, stepDate: null }
		});
		const result = parseWebTransfer(text);
		expect(result.ok && result.web.reflection?.notes).toEqual({
			wish: script,
			help: '{{constructor}}'
		});
		expect((globalThis as { __ran?: boolean }).__ran).toBeUndefined();
	});

	it('does not let "__proto__" in a file change any object', () => {
		const top = fileText().replace('{', '{"__proto__":{"polluted":"yes"},');
		const result = parseWebTransfer(top);
		expect(result.ok).toBe(true);
		expect(result.ok && Object.getPrototypeOf(result.web)).toBe(Object.prototype);
		expect(({} as { polluted?: string }).polluted).toBeUndefined();

		const inNotes = parseWebTransfer(
			fileText({
				reflection: {
					focus: null,
					notes: JSON.parse('{"__proto__":{"polluted":"yes"},"wish":"markt"}') as unknown,
					stepDate: null
				}
			})
		);
		// The key is dropped, the note beside it kept.
		expect(inNotes.ok && inNotes.web.reflection?.notes).toEqual({ wish: 'markt' });
		expect(inNotes.ok && Object.keys(inNotes.web.reflection?.notes ?? {})).toEqual(['wish']);
		expect(({} as { polluted?: string }).polluted).toBeUndefined();
	});

	it('refuses markup where a number or an id belongs', () => {
		expect(failure(parseWebTransfer(fileText({ id: script }))).reason).toBe('damaged');
		expect(failure(parseWebTransfer(fileText({ answers: KEYS.map(() => script) }))).reason).toBe(
			'damaged'
		);
	});
});

describe('the file name and the record made from a file', () => {
	it('names the file after the day the web was finished, or begun', () => {
		const day = new Date(2026, 2, 3, 23, 50).getTime();
		expect(webFileName({ createdAt: day - 60_000, completedAt: day })).toBe(
			'spinnenweb-web-2026-03-03.json'
		);
		expect(webFileName({ createdAt: new Date(2025, 10, 9, 8).getTime(), completedAt: null })).toBe(
			'spinnenweb-web-2025-11-09.json'
		);
	});

	it('makes a web this device can store, under its own id', () => {
		const result = parseWebTransfer(fileText());
		if (!result.ok) throw new Error('expected a web');
		const id = '00000000-0000-4000-8000-000000000001';
		const web = webFromTransfer(result.web, id, COMPLETED + 1000);
		expect(WebSchema.parse(web)).toEqual(web);
		expect(web.id).toBe(id);
		expect(web.answers).toEqual(result.web.answers);
		expect(web.updatedAt).toBe(COMPLETED + 1000);
	});
});

describe('round trip', () => {
	const answerArb: fc.Arbitrary<Answer> = fc.oneof(
		fc.integer({ min: 0, max: 10 }),
		fc.constant(PREFER_NOT)
	);
	const noteArb = fc.string({ maxLength: 300, unit: 'grapheme' });
	const transferArb: fc.Arbitrary<TransferredWeb> = fc.record({
		id: fc.uuid({ version: 4 }),
		questionSetId: fc.constant(ADULT_V1.id),
		locale: fc.constantFrom('nl', 'nl-x-simple', 'en', 'ar', 'tr', 'pl', 'uk'),
		createdAt: fc.integer({ min: 0, max: 4_102_444_800_000 }),
		completedAt: fc.option(fc.integer({ min: 0, max: 4_102_444_800_000 })),
		answers: fc.dictionary(fc.constantFrom(...KEYS), answerArb, { noNullPrototype: true }),
		talkAbout: fc.uniqueArray(fc.constantFrom(...KEYS), { maxLength: 12 }),
		dimensionAnswers: fc.dictionary(
			fc.constantFrom(...DIMENSION_IDS),
			fc.integer({ min: 0, max: 10 }),
			{ noNullPrototype: true }
		),
		reflection: fc.option(
			fc.record({
				focus: fc.option(
					fc.oneof(
						fc.constantFrom(...DIMENSION_IDS).map((dimensionId) => ({
							kind: 'dimension' as const,
							dimensionId
						})),
						fc.constantFrom(...KEYS).map((aspectKey) => ({
							kind: 'aspect' as const,
							dimensionId: DIMENSION_IDS.find((id) => aspectKey.startsWith(`${id}.`))!,
							aspectKey
						}))
					)
				),
				notes: fc.dictionary(fc.constantFrom(...NOTE_FIELDS), noteArb, { noNullPrototype: true }),
				stepDate: fc.option(
					fc
						.date({ min: new Date(2020, 0, 1), max: new Date(2040, 0, 1), noInvalidDate: true })
						.map((d) => d.toISOString().slice(0, 10))
				)
			})
		)
	});

	it('export → parse gives the same web', () => {
		fc.assert(
			fc.property(transferArb, (web) => {
				const result = parseWebTransfer(encodeWebTransfer(web));
				expect(result).toEqual({ ok: true, web });
			}),
			{ numRuns: 300 }
		);
	});

	it('the encoding is a pure function: the same web gives the same text', () => {
		fc.assert(
			fc.property(transferArb, (web) => {
				const text = encodeWebTransfer(web);
				const again = parseWebTransfer(text);
				expect(again.ok && encodeWebTransfer(again.web)).toBe(text);
			}),
			{ numRuns: 100 }
		);
	});
});
