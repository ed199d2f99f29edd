import Papa from 'papaparse';
import type { Voorziening } from '$lib/domain/voorziening';
import { cellsOf, COLUMNS, escapeFormula } from './columns';

/**
 * The sociale kaart as a file, in the shapes the import reads back: CSV for Excel (`;`, a BOM so
 * Excel reads UTF-8, CRLF line ends) and JSON with the same column names.
 */

export const JSON_FORMAT = 'spinnenweb-sociale-kaart';

export function toCsv(list: readonly Voorziening[]): string {
	const fields = COLUMNS.map((c) => c.name);
	const data = list.map((v) => {
		const cells = cellsOf(v);
		return fields.map((f) => escapeFormula(cells[f] ?? ''));
	});
	// papaparse quotes every cell that holds the separator, a quote or a line break.
	return `\uFEFF${Papa.unparse({ fields, data }, { delimiter: ';', newline: '\r\n' })}\r\n`;
}

export function toJson(list: readonly Voorziening[], now: Date = new Date()): string {
	const voorzieningen = list.map((v) => ({
		...cellsOf(v),
		dimensies: v.dimensions,
		leeftijd_van: v.ageFrom,
		leeftijd_tot: v.ageTo,
		laatst_gecontroleerd: v.lastChecked
	}));
	return `${JSON.stringify(
		{ format: JSON_FORMAT, versie: 1, gemaakt: now.toISOString(), voorzieningen },
		null,
		2
	)}\n`;
}

/** `sociale-kaart-2024-03-12.csv`: a name that sorts and says what it is. */
export function exportFileName(kind: 'csv' | 'json' | 'hsds', now: Date = new Date()): string {
	const day = now.toISOString().slice(0, 10);
	return kind === 'hsds' ? `sociale-kaart-hsds-${day}.json` : `sociale-kaart-${day}.${kind}`;
}
