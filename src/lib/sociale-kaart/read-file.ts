import Papa from 'papaparse';
import { columnOf, unescapeFormula, type Column } from './columns';

/**
 * Reads a coordinator's list (CSV from Excel, or JSON) into rows of text cells by field. Only
 * the shape of the file is checked here; each row's content is checked by import-plan.ts.
 */

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export type FileProblem =
	/** Over MAX_IMPORT_BYTES. */
	| 'too-large'
	/** Not text (a spreadsheet, a picture), or text that is neither CSV nor JSON. */
	| 'not-csv-or-json'
	/** No rows at all, or only a header. */
	| 'empty'
	/** Text, but no column we know (at least `naam`). */
	| 'no-name-column'
	/** Starts like JSON but does not parse, or is not a list of objects. */
	| 'bad-json';

/** Why a row could not even be read as cells; the content checks come later. */
export type RowShapeProblem = 'quotes' | 'extra-cells' | 'not-an-object';

export interface SourceRow {
	/**
	 * Where the row is: in a CSV the row number as a spreadsheet shows it (the header is 1, a cell
	 * with line breaks counts once); in JSON the item's place in the list, from 1.
	 */
	line: number;
	cells: Partial<Record<Column, string>>;
	shapeProblem?: RowShapeProblem;
}

export type Encoding = 'utf-8' | 'windows-1252';

export type ReadResult =
	| {
			ok: true;
			format: 'csv' | 'json';
			encoding: Encoding;
			rows: SourceRow[];
			/** Headers we did not recognise; their cells are left out. */
			unknownColumns: string[];
	  }
	| { ok: false; problem: FileProblem };

/**
 * UTF-8 (a BOM is dropped), or else Windows-1252: what Excel on Windows writes as "CSV" in
 * Dutch. Every byte sequence is valid Windows-1252, so a UTF-8 decode that fails is the tell.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
	} catch {
		const latin = new TextDecoder('windows-1252').decode(bytes);
		// Browsers decode 0x80–0x9F as Windows-1252 (€, ‘, ’, …); Node's decoder gives the C1
		// control characters there instead. Mapping them makes both agree.
		const text = latin.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
		return { text, encoding: 'windows-1252' };
	}
}

/** Windows-1252 bytes 0x80–0x9F; the five unused ones stay as they are. */
const CP1252_HIGH = [
	'€',
	'\u0081',
	'‚',
	'ƒ',
	'„',
	'…',
	'†',
	'‡',
	'ˆ',
	'‰',
	'Š',
	'‹',
	'Œ',
	'\u008d',
	'Ž',
	'\u008f',
	'\u0090',
	'‘',
	'’',
	'“',
	'”',
	'•',
	'–',
	'—',
	'˜',
	'™',
	'š',
	'›',
	'œ',
	'\u009d',
	'ž',
	'Ÿ'
];

/** Zero bytes and other control characters do not occur in a list typed by people. */
function looksBinary(bytes: Uint8Array): boolean {
	const sample = bytes.subarray(0, 4096);
	let control = 0;
	for (const byte of sample) {
		if (byte === 0) return true;
		if (byte < 9 || (byte > 13 && byte < 32)) control++;
	}
	return control > sample.length / 100;
}

export function readSocialMapFile(bytes: Uint8Array, fileName = ''): ReadResult {
	if (bytes.byteLength > MAX_IMPORT_BYTES) return { ok: false, problem: 'too-large' };
	if (looksBinary(bytes)) return { ok: false, problem: 'not-csv-or-json' };
	const { text, encoding } = decodeText(bytes);
	const start = text.trimStart();
	if (start === '') return { ok: false, problem: 'empty' };
	const isJson = start.startsWith('[') || start.startsWith('{') || /\.json$/i.test(fileName);
	const read = isJson ? readJson(text) : readCsv(text);
	return read.ok ? { ...read, encoding } : read;
}

type Read =
	Omit<Extract<ReadResult, { ok: true }>, 'encoding'> | Extract<ReadResult, { ok: false }>;

/**
 * The separator is the one the header line uses most: `;` (Excel in Dutch), `,` or a tab. The
 * header has no commas in its names, unlike the rows' descriptions, so it is the safer line to ask.
 */
function detectSeparator(text: string): string {
	const header = text.slice(0, text.search(/\r?\n|$/));
	const counts = [';', ',', '\t'].map((sep) => ({ sep, n: header.split(sep).length - 1 }));
	counts.sort((a, b) => b.n - a.n);
	return counts[0]!.n > 0 ? counts[0]!.sep : ';';
}

function readCsv(text: string): Read {
	const parsed = Papa.parse<string[]>(text, {
		delimiter: detectSeparator(text),
		skipEmptyLines: false
	});
	const [header, ...records] = parsed.data;
	if (!header) return { ok: false, problem: 'empty' };
	const columns = header.map((h) => columnOf(h));
	if (!columns.includes('name')) {
		// Text without a single known column is not a list at all; with others but no name, it is
		// a list we cannot use. Both are told apart for the message.
		return {
			ok: false,
			problem: columns.some((c) => c !== undefined) ? 'no-name-column' : 'not-csv-or-json'
		};
	}
	const quoteErrorRows = new Set(
		parsed.errors.filter((e) => e.type === 'Quotes').map((e) => e.row)
	);
	const rows: SourceRow[] = [];
	records.forEach((record, index) => {
		if (record.every((cell) => cell.trim() === '')) return;
		const cells: Partial<Record<Column, string>> = {};
		columns.forEach((column, i) => {
			if (column) cells[column] = unescapeFormula(record[i] ?? '');
		});
		const row: SourceRow = { line: index + 2, cells };
		// papaparse counts rows from 0 at the header.
		if (quoteErrorRows.has(index + 1)) row.shapeProblem = 'quotes';
		else if (record.slice(header.length).some((cell) => cell.trim() !== ''))
			row.shapeProblem = 'extra-cells';
		rows.push(row);
	});
	if (rows.length === 0) return { ok: false, problem: 'empty' };
	return {
		ok: true,
		format: 'csv',
		rows,
		unknownColumns: header.filter((h, i) => columns[i] === undefined && h.trim() !== '')
	};
}

function cellText(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (Array.isArray(value)) return value.map(cellText).join('|');
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A list of objects, bare or as `{ "voorzieningen": [...] }` (what the export writes). */
function readJson(text: string): Read {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return { ok: false, problem: 'bad-json' };
	}
	const items = Array.isArray(json)
		? json
		: isRecord(json) && Array.isArray(json.voorzieningen)
			? json.voorzieningen
			: null;
	if (items === null) return { ok: false, problem: 'bad-json' };
	if (items.length === 0) return { ok: false, problem: 'empty' };
	const unknown = new Set<string>();
	let hasName = false;
	const rows = items.map((item: unknown, index): SourceRow => {
		const line = index + 1;
		if (!isRecord(item)) return { line, cells: {}, shapeProblem: 'not-an-object' };
		const cells: Partial<Record<Column, string>> = {};
		for (const [key, value] of Object.entries(item)) {
			const column = columnOf(key);
			if (column) cells[column] = cellText(value);
			else unknown.add(key);
			if (column === 'name') hasName = true;
		}
		return { line, cells };
	});
	if (!hasName) return { ok: false, problem: 'no-name-column' };
	return { ok: true, format: 'json', rows, unknownColumns: [...unknown] };
}
