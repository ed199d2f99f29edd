// What the dashboard publishes for a year, and when. The small-group rule (suppression.ts)
// protects one publication; a month's figures that move while people look would give away the
// people who came or went between two looks (README, "Two publications compared"). So:
// - a month is shown only once it is over and two weeks more have passed, for late arrivals;
// - a quarter or a year only once all its months are shown: a quarter "so far" would change each
//   month, and this quarter minus last month's view of it is exactly the newest month, hidden
//   cells and all.
// Figures still move when someone withdraws consent or a team is deleted: README says what that
// leaves open.
import type { Groups, PublishedYear } from './aggregate-tables';
import { CONTEXTS } from './aggregate-tables';
import { monthsInRange, periodLevel, type MonthRange } from './periods';
import { rollUp, distinctGroups } from './roll-up';
import { suppress } from './suppression';
import type { CubeRow } from './aggregate-tables';

/** Days after a month's end before it is shown. */
export const GRACE_DAYS = 14;

function addDays(day: string, days: number): string {
	const date = new Date(`${day}T12:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

/** The first day of the month after `month` (YYYY-MM). */
function nextMonthStart(month: string): string {
	const [y = 0, m = 1] = month.split('-').map(Number);
	return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

export function isMonthShown(month: string, today: string): boolean {
	return today >= addDays(nextMonthStart(month), GRACE_DAYS - 1);
}

/** The months of a year that are shown by `today`, as a range; undefined when none is. */
export function shownRange(year: number, today: string): MonthRange | undefined {
	const months = monthsInRange({ first: `${year}-01`, last: `${year}-12` }).filter((m) =>
		isMonthShown(m, today)
	);
	const last = months.at(-1);
	return last ? { first: `${year}-01`, last } : undefined;
}

/** Whether a period is published: a month in the range, a quarter or year with all its months. */
export function isComplete(period: string, range: MonthRange): boolean {
	const months = new Set(monthsInRange(range));
	const level = periodLevel(period);
	if (level === 'month') return months.has(period);
	if (level === 'year') return months.has(`${period}-12`);
	const quarter = Number(period.slice(-1));
	return months.has(`${period.slice(0, 4)}-${String(quarter * 3).padStart(2, '0')}`);
}

/**
 * The groups of a year's tables: every registered team and both contexts always (an empty row is
 * protected like any other small one, and its absence would say it is empty), and the areas that
 * occur in the range.
 */
export function dashboardGroups(cube: readonly CubeRow[], teamIds: readonly string[]): Groups {
	return {
		area: distinctGroups(cube.filter((row) => row.n > 0).map((row) => row.area)),
		team: distinctGroups([...teamIds, null]),
		context: [...CONTEXTS]
	};
}

/**
 * One year as the dashboard shows it: suppressed over the shown months, then the quarters and
 * the year that are not complete yet hidden too. Hiding more after the rule only takes equations
 * away from an attacker, so what was safe stays safe.
 */
export function publishYear(
	cube: readonly CubeRow[],
	range: MonthRange,
	teamIds: readonly string[]
): PublishedYear | undefined {
	const inRange = new Set(monthsInRange(range));
	const rows = cube.filter((row) => inRange.has(row.month));
	const options = { teamsOnlyInConversation: true };
	const tables = rollUp(rows, range, dashboardGroups(rows, teamIds), options);
	const [year] = suppress(tables, options).years;
	if (!year) return undefined;
	return {
		...year,
		rows: year.rows.map((row) =>
			isComplete(row.period, range)
				? row
				: {
						...row,
						n: null,
						dimensions: Object.fromEntries(
							Object.keys(row.dimensions).map((d) => [d, { answered: null, mean: null }])
						) as typeof row.dimensions
					}
		)
	};
}
