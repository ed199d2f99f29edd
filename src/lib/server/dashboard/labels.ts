// The dashboard's words and numbers in the coordinator's language, for the page and the CSV alike.
import { DIMENSION_IDS, type DimensionId } from '$lib/domain/dimensions';
import { dimensionShortName } from '$lib/content/question-texts';
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';
import type { RowGrouping } from '../aggregates/aggregate-tables';
import { periodLevel, type PeriodLevel } from '../aggregates/periods';
import type { DashboardTeam } from './data';
import type { ViewGrouping } from './view';

/** What a hidden figure shows: never 0, which would be a fact about people. */
export const HIDDEN = '—';

export interface DashboardLabels {
	readonly locale: Locale;
	period(period: string): string;
	group(grouping: RowGrouping, group: string | null): string;
	level(level: PeriodLevel): string;
	grouping(grouping: ViewGrouping): string;
	groupingColumn(grouping: ViewGrouping): string;
	dimension(id: DimensionId): string;
	count(n: number | null): string;
	mean(mean: number | null): string;
	/** The lines every page and every export carries. */
	statement(): string[];
}

/** Intl knows no "nl-x-simple"; its dates and numbers are Dutch ones. */
function intlLocale(locale: Locale): string {
	return locale === 'nl-x-simple' ? 'nl' : locale;
}

export function dashboardLabels(locale: Locale, teams: readonly DashboardTeam[]): DashboardLabels {
	const options = { locale };
	const names = new Map(teams.map((team) => [team.id, team.name]));
	const monthFormat = new Intl.DateTimeFormat(intlLocale(locale), {
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	});
	const countFormat = new Intl.NumberFormat(intlLocale(locale));
	const meanFormat = new Intl.NumberFormat(intlLocale(locale), {
		minimumFractionDigits: 1,
		maximumFractionDigits: 1
	});
	const levels: Record<PeriodLevel, string> = {
		month: m.dash_level_month({}, options),
		quarter: m.dash_level_quarter({}, options),
		year: m.dash_level_year({}, options)
	};
	const groupings: Record<ViewGrouping, string> = {
		area: m.dash_grouping_area({}, options),
		team: m.dash_grouping_team({}, options),
		context: m.dash_grouping_context({}, options)
	};
	const columns: Record<ViewGrouping, string> = {
		area: m.dash_column_area({}, options),
		team: m.dash_column_team({}, options),
		context: m.dash_column_context({}, options)
	};
	const dimensions = Object.fromEntries(
		DIMENSION_IDS.map((id) => [id, dimensionShortName(id, locale)])
	) as Record<DimensionId, string>;
	return {
		locale,
		period(period) {
			const level = periodLevel(period);
			if (level === 'year') return period;
			if (level === 'quarter')
				return m.dash_quarter({ quarter: period.slice(-1), year: period.slice(0, 4) }, options);
			return monthFormat.format(new Date(`${period}-15T12:00:00Z`));
		},
		group(grouping, group) {
			if (grouping === 'total') return m.dash_total({}, options);
			if (grouping === 'context')
				return group === 'self'
					? m.dash_context_self({}, options)
					: m.dash_context_conversation({}, options);
			if (grouping === 'area') return group ?? m.dash_unknown_area({}, options);
			return group === null ? m.dash_no_team({}, options) : (names.get(group) ?? group);
		},
		level: (level) => levels[level],
		grouping: (grouping) => groupings[grouping],
		groupingColumn: (grouping) => columns[grouping],
		dimension: (id) => dimensions[id],
		count: (n) => (n === null ? HIDDEN : countFormat.format(n)),
		mean: (mean) => (mean === null ? HIDDEN : meanFormat.format(mean)),
		statement: () => [
			m.dash_statement({}, options),
			m.dash_small_groups({}, options),
			m.dash_hidden_explained({}, options)
		]
	};
}
