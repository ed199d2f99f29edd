import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { planImport } from './import-plan';
import { decodeText, MAX_IMPORT_BYTES, readSocialMapFile, type ReadResult } from './read-file';

const FIXTURES = fileURLToPath(new URL('../../../tests/fixtures/', import.meta.url));
const fixture = (name: string) => new Uint8Array(readFileSync(FIXTURES + name));
const utf8 = (text: string) => new TextEncoder().encode(text);

function rowsOf(result: ReadResult) {
	if (!result.ok) throw new Error(`not read: ${result.problem}`);
	return result.rows;
}

const HEADER = 'naam;organisatie;dimensies;postcode';

describe('readSocialMapFile: the example list', () => {
	it('reads all 30 rows of the Excel-NL example, BOM and multi-line cell included', () => {
		const result = readSocialMapFile(fixture('sociale-kaart-voorbeeld.csv'));
		expect(result).toMatchObject({
			ok: true,
			format: 'csv',
			encoding: 'utf-8',
			unknownColumns: []
		});
		const rows = rowsOf(result);
		expect(rows).toHaveLength(30);
		// The BOM is not part of the first header: the name column is found.
		expect(rows[0]?.cells.name).toBe('Buurthuis De Brink');
		const last = rows.at(-1)!;
		expect(last.line).toBe(31);
		expect(last.cells.description).toContain('\nWe halen je op');
		const plan = planImport(rows, []);
		expect(plan.problems).toEqual([]);
		expect(plan.additions).toHaveLength(30);
	});

	it('lists the three bad rows of a comma-separated file by line, and keeps the good ones', () => {
		const plan = planImport(
			rowsOf(readSocialMapFile(fixture('sociale-kaart-drie-foute-regels.csv'))),
			[]
		);
		expect(plan.additions.map((a) => a.line)).toEqual([2, 6]);
		expect(plan.problems).toEqual([
			{ line: 3, kind: 'invalid', reasons: ['postcode'], name: 'Yoga op de stoel' },
			{ line: 4, kind: 'invalid', reasons: ['email'], name: 'Schrijfgroep Levensverhaal' },
			{ line: 5, kind: 'invalid', reasons: ['dimensions', 'ageTo'], name: 'Fietsmaatjes' }
		]);
	});

	it('converts a Windows-1252 file, so é, ë and € arrive as written', () => {
		const result = readSocialMapFile(fixture('sociale-kaart-windows-1252.csv'));
		expect(result).toMatchObject({ ok: true, encoding: 'windows-1252' });
		const rows = rowsOf(result);
		expect(rows).toHaveLength(10);
		expect(rows[0]?.cells.costs).toBe('Gratis, koffie € 0,50');
		expect(rows[3]?.cells.name).toBe('Taalcafé');
	});
});

describe('readSocialMapFile: separators, quotes and encodings', () => {
	it.each([
		{ sep: ';', text: `${HEADER}\r\n"Eten; samen";Buurthuis;meedoen;1234ab\r\n` },
		{
			sep: ',',
			text: `naam,organisatie,dimensies,postcode\n"Eten, samen",Buurthuis,meedoen,1234ab\n`
		},
		{
			sep: 'tab',
			text: `naam\torganisatie\tdimensies\tpostcode\nEten, samen\tBuurthuis\tmeedoen\t1234ab\n`
		}
	])('reads a $sep-separated list with the separator inside a cell', ({ text }) => {
		const rows = rowsOf(readSocialMapFile(utf8(text)));
		expect(rows).toHaveLength(1);
		expect(rows[0]?.cells).toMatchObject({ organisation: 'Buurthuis', postcode: '1234ab' });
		expect(rows[0]?.cells.name).toMatch(/^Eten[;,] samen$/);
	});

	it('reads quoted cells with line breaks and doubled quotes, and numbers rows as a spreadsheet does', () => {
		const text = `${HEADER}\n"Eerste\nmet ""aanhalingstekens""";A;meedoen;\n\nTweede;B;zingeving;\n`;
		const rows = rowsOf(readSocialMapFile(utf8(text)));
		expect(rows.map((r) => [r.line, r.cells.name])).toEqual([
			[2, 'Eerste\nmet "aanhalingstekens"'],
			[4, 'Tweede']
		]);
	});

	it('takes English column names and names the columns it does not know', () => {
		const result = readSocialMapFile(
			utf8('Name,Organization,Dimensions,Kleur\nBuurthuis,Welzijn,meedoen,rood\n')
		);
		expect(result).toMatchObject({ ok: true, unknownColumns: ['Kleur'] });
		expect(rowsOf(result)[0]?.cells).toEqual({
			name: 'Buurthuis',
			organisation: 'Welzijn',
			dimensions: 'meedoen'
		});
	});

	it('marks a row with more cells than the header, as an unquoted comma leaves it', () => {
		const rows = rowsOf(
			readSocialMapFile(utf8('naam,organisatie,dimensies\nEten, samen,Buurthuis,meedoen\n'))
		);
		expect(rows[0]).toMatchObject({ line: 2, shapeProblem: 'extra-cells' });
	});

	it('decodes UTF-8 with and without a BOM alike', () => {
		const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('naam')]);
		expect(decodeText(withBom)).toEqual({ text: 'naam', encoding: 'utf-8' });
		expect(decodeText(utf8('naam'))).toEqual({ text: 'naam', encoding: 'utf-8' });
		expect(decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).toEqual({
			text: 'café',
			encoding: 'windows-1252'
		});
	});
});

describe('readSocialMapFile: files it refuses, changing nothing', () => {
	it.each([
		{ what: 'an empty file', bytes: new Uint8Array(), problem: 'empty' },
		{ what: 'only spaces and line breaks', bytes: utf8(' \r\n\n'), problem: 'empty' },
		{ what: 'only a header', bytes: utf8(`${HEADER}\r\n;;;\r\n`), problem: 'empty' },
		{
			what: 'a spreadsheet (xlsx)',
			bytes: new Uint8Array([0x50, 0x4b, 3, 4, 20, 0, 6, 0]),
			problem: 'not-csv-or-json'
		},
		{
			what: 'plain text',
			bytes: utf8('Beste collega,\nhierbij de lijst.\n'),
			problem: 'not-csv-or-json'
		},
		{
			what: 'a list without a name column',
			bytes: utf8('organisatie;telefoon\nA;06\n'),
			problem: 'no-name-column'
		},
		{ what: 'broken JSON', bytes: utf8('[{"naam": "A"'), problem: 'bad-json' },
		{ what: 'JSON that is no list', bytes: utf8('{"naam": "A"}'), problem: 'bad-json' },
		{ what: 'an empty JSON list', bytes: utf8('[]'), problem: 'empty' }
	])('refuses $what', ({ bytes, problem }) => {
		expect(readSocialMapFile(bytes)).toEqual({ ok: false, problem });
	});

	it('refuses a file over 5 MB before reading it', () => {
		const big = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61);
		expect(readSocialMapFile(big)).toEqual({ ok: false, problem: 'too-large' });
	});
});

describe('readSocialMapFile: JSON', () => {
	it('reads a bare list and the export shape, with typed values', () => {
		const item = {
			naam: 'Taalcafé',
			dimensies: ['meedoen', 'mentaal'],
			leeftijd_van: 16,
			leeftijd_tot: null
		};
		for (const json of [[item], { format: 'spinnenweb-sociale-kaart', voorzieningen: [item] }]) {
			const rows = rowsOf(readSocialMapFile(utf8(JSON.stringify(json))));
			expect(rows).toEqual([
				{
					line: 1,
					cells: { name: 'Taalcafé', dimensions: 'meedoen|mentaal', ageFrom: '16', ageTo: '' }
				}
			]);
		}
	});

	it('marks an item that is not an object', () => {
		const rows = rowsOf(readSocialMapFile(utf8('[{"naam":"A","dimensies":"meedoen"}, 42]')));
		expect(rows[1]).toEqual({ line: 2, cells: {}, shapeProblem: 'not-an-object' });
	});
});
