// What the dashboard page shows, as plain strings and numbers: built on the server from the
// published tables only, through the same view the CSV is made from.
import { DIMENSION_IDS, type DimensionId } from '$lib/domain/dimensions';
import { m } from '$lib/paraglide/messages.js';
import type { DashboardData } from './data';
import { LEVELS, VIEW_GROUPINGS } from './view';
import type { DashboardChoice } from './query';
import type { DashboardLabels } from './labels';

export interface Option {
	readonly value: string;
	readonly label: string;
}

export interface TableRow {
	readonly label: string;
	readonly isTotal: boolean;
	readonly cells: readonly string[];
}

export interface Table {
	readonly caption: string;
	readonly columns: readonly string[];
	readonly rows: readonly TableRow[];
}

export interface DashboardPage {
	readonly choice: { year: string; level: string; grouping: string; period: string };
	readonly options: {
		years: Option[];
		levels: Option[];
		groupings: Option[];
		periods: Option[];
	};
	readonly table: Table;
	readonly trend: Table;
	readonly radar: {
		title: string;
		scores: Record<DimensionId, number | null>;
		axisLabels: Record<DimensionId, string>;
		isPartial: boolean;
	};
	/** The export of this view, in this language. */
	readonly csvQuery: string;
}

export function dashboardPage(
	data: DashboardData,
	choice: DashboardChoice,
	labels: DashboardLabels
): DashboardPage {
	const options = { locale: labels.locale };
	const { view } = choice;
	const p = Math.max(0, view.periods.indexOf(choice.period));
	const dimensionColumns = DIMENSION_IDS.map((d) => labels.dimension(d));
	const total = view.rows[0];
	const totalCell = total?.cells[p];
	const scores = Object.fromEntries(
		DIMENSION_IDS.map((d) => [d, totalCell?.dimensions[d].mean ?? null])
	) as Record<DimensionId, number | null>;
	return {
		choice: {
			year: choice.year,
			level: choice.level,
			grouping: choice.grouping,
			period: choice.period
		},
		options: {
			years: data.years.map((y) => ({ value: y.year, label: y.year })),
			levels: LEVELS.map((level) => ({ value: level, label: labels.level(level) })),
			groupings: VIEW_GROUPINGS.map((g) => ({ value: g, label: labels.grouping(g) })),
			periods: view.periods.map((period) => ({ value: period, label: labels.period(period) }))
		},
		table: {
			caption: m.dash_table_caption(
				{ grouping: labels.grouping(choice.grouping), period: labels.period(choice.period) },
				options
			),
			columns: [
				labels.groupingColumn(choice.grouping),
				m.dash_column_count({}, options),
				...dimensionColumns
			],
			rows: view.rows.map((row) => {
				const cell = row.cells[p];
				return {
					label: labels.group(row.grouping, row.group),
					isTotal: row.grouping === 'total',
					cells: [
						labels.count(cell?.n ?? null),
						...DIMENSION_IDS.map((d) => labels.mean(cell?.dimensions[d].mean ?? null))
					]
				};
			})
		},
		trend: {
			caption: m.dash_trend_caption({ level: labels.level(choice.level) }, options),
			columns: [
				m.dash_column_period({}, options),
				m.dash_column_count({}, options),
				...dimensionColumns
			],
			rows: view.periods.map((period, i) => {
				const cell = total?.cells[i];
				return {
					label: labels.period(period),
					isTotal: false,
					cells: [
						labels.count(cell?.n ?? null),
						...DIMENSION_IDS.map((d) => labels.mean(cell?.dimensions[d].mean ?? null))
					]
				};
			})
		},
		radar: {
			title: m.dash_radar_title({ period: labels.period(choice.period) }, options),
			scores,
			axisLabels: Object.fromEntries(DIMENSION_IDS.map((d) => [d, labels.dimension(d)])) as Record<
				DimensionId,
				string
			>,
			isPartial: DIMENSION_IDS.some((d) => scores[d] === null)
		},
		csvQuery: new URLSearchParams({
			year: choice.year,
			level: choice.level,
			grouping: choice.grouping,
			lang: labels.locale
		}).toString()
	};
}
