// Which table the coordinator asks for: a year, a period level, a grouping and one period of that
// level. Only these fixed choices exist (no free date range); anything else in the address falls
// back to the default, never to an error page.
import type { PublishedYear } from '../aggregates/aggregate-tables';
import { dashboardView, LEVELS, VIEW_GROUPINGS, type DashboardView } from './view';
import type { PeriodLevel } from '../aggregates/periods';
import type { ViewGrouping } from './view';

export interface DashboardChoice {
	readonly year: string;
	readonly level: PeriodLevel;
	readonly grouping: ViewGrouping;
	/** One period of the level, for the table and the chart; the trend shows them all. */
	readonly period: string;
	readonly view: DashboardView;
}

function oneOf<T extends string>(value: string | null, options: readonly T[], fallback: T): T {
	return options.find((option) => option === value) ?? fallback;
}

/** The choice in the address, within what is published; undefined when nothing is. */
export function chooseView(
	params: URLSearchParams,
	years: readonly PublishedYear[]
): DashboardChoice | undefined {
	const year = years.find((y) => y.year === params.get('year')) ?? years[0];
	if (!year) return undefined;
	const grouping = oneOf(params.get('grouping'), VIEW_GROUPINGS, 'area');
	// A year whose quarters are not all over yet has no quarter or year to show: months then.
	const asked = oneOf(params.get('level'), LEVELS, 'month');
	const level = dashboardView(year, asked, grouping).periods.length > 0 ? asked : 'month';
	const view = dashboardView(year, level, grouping);
	const period = view.periods.find((p) => p === params.get('period')) ?? view.periods.at(-1) ?? '';
	return { year: year.year, level, grouping, period, view };
}
