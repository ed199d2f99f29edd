// The dashboard's view of one year's publication: one grouping at one period level, as rows of
// groups and columns of periods. Pure: the page, its chart and its CSV all read the same view, so
// they can never show different figures. Only published (suppressed) figures come in here.
import { DIMENSION_IDS, type DimensionId } from '$lib/domain/dimensions';
import type { PublishedRow, PublishedYear, RowGrouping } from '../aggregates/aggregate-tables';
import { isComplete } from '../aggregates/publication';
import { periodLevel, type PeriodLevel } from '../aggregates/periods';

export const LEVELS = ['month', 'quarter', 'year'] as const satisfies readonly PeriodLevel[];
export const VIEW_GROUPINGS = ['area', 'team', 'context'] as const;
export type ViewGrouping = (typeof VIEW_GROUPINGS)[number];

export interface ViewCell {
	n: number | null;
	dimensions: Record<DimensionId, { mean: number | null; answered: number | null }>;
}

export interface ViewRow {
	grouping: RowGrouping;
	/** The group's key: an area, a team's id, a context; null for "unknown" or the total. */
	group: string | null;
	cells: ViewCell[];
}

export interface DashboardView {
	year: string;
	level: PeriodLevel;
	grouping: ViewGrouping;
	/** The published periods of this level, in order. */
	periods: string[];
	/** The total first, then every group of the grouping. */
	rows: ViewRow[];
}

function cellOf(row: PublishedRow | undefined): ViewCell {
	return {
		n: row?.n ?? null,
		dimensions: Object.fromEntries(
			DIMENSION_IDS.map((d) => [
				d,
				{ mean: row?.dimensions[d].mean ?? null, answered: row?.dimensions[d].answered ?? null }
			])
		) as ViewCell['dimensions']
	};
}

export function dashboardView(
	year: PublishedYear,
	level: PeriodLevel,
	grouping: ViewGrouping
): DashboardView {
	const range = { first: year.months[0] ?? `${year.year}-01`, last: year.months.at(-1) ?? '' };
	const all = [...year.months, ...year.quarters.map((q) => q.key), year.year];
	const periods = all.filter((p) => periodLevel(p) === level && isComplete(p, range));
	const byKey = new Map(
		year.rows.map((row) => [JSON.stringify([row.grouping, row.group, row.period]), row])
	);
	const rowOf = (rowGrouping: RowGrouping, group: string | null): ViewRow => ({
		grouping: rowGrouping,
		group,
		cells: periods.map((period) => cellOf(byKey.get(JSON.stringify([rowGrouping, group, period]))))
	});
	const groups = year.groups[grouping] as (string | null)[];
	return {
		year: year.year,
		level,
		grouping,
		periods,
		rows: [rowOf('total', null), ...groups.map((group) => rowOf(grouping, group))]
	};
}
