// The CSV export: exactly the view the page shows (one year, one level, one grouping, every period
// of that level), with the same statement above it. Numbers as a spreadsheet reads them (a point
// for decimals, one decimal as on the page); a hidden figure is "—", as on the page, never empty
// or 0. Papa Parse writes it: quoting, and no cell a spreadsheet would run as a formula.
import Papa from 'papaparse';
import { DIMENSION_IDS } from '$lib/domain/dimensions';
import { m } from '$lib/paraglide/messages.js';
import { HIDDEN, type DashboardLabels } from './labels';
import type { DashboardView } from './view';

const plainMean = (mean: number | null) => (mean === null ? HIDDEN : mean.toFixed(1));
const plainCount = (n: number | null) => (n === null ? HIDDEN : String(n));

export function dashboardCsv(view: DashboardView, labels: DashboardLabels): string {
	const options = { locale: labels.locale };
	const about = m.dash_csv_about(
		{
			year: view.year,
			level: labels.level(view.level),
			grouping: labels.grouping(view.grouping)
		},
		options
	);
	const header = [
		m.dash_column_period({}, options),
		labels.groupingColumn(view.grouping),
		m.dash_column_count({}, options),
		...DIMENSION_IDS.map((d) => labels.dimension(d))
	];
	const rows = view.periods.flatMap((period, p) =>
		view.rows.map((row) => {
			const cell = row.cells[p];
			return [
				labels.period(period),
				labels.group(row.grouping, row.group),
				plainCount(cell?.n ?? null),
				...DIMENSION_IDS.map((d) => plainMean(cell?.dimensions[d].mean ?? null))
			];
		})
	);
	const unparse = (data: string[][]) =>
		Papa.unparse(data, { newline: '\r\n', escapeFormulae: true });
	return `${unparse([[about], ...labels.statement().map((line) => [line])])}\r\n\r\n${unparse([header, ...rows])}\r\n`;
}
