import { DIMENSION_IDS } from '$lib/domain/dimensions';
import {
	CONTEXTS,
	type AggregateRow,
	type AggregateTables,
	type CubeRow,
	type Figures,
	type Groups,
	type RowGrouping
} from './aggregate-tables';
import { monthsInRange, quarterOfMonth, yearOf, type MonthRange } from './periods';
import { CONVERSATION_WITHOUT_TEAM, cellId, hasDerivedRow, type SystemOptions } from './relations';

/**
 * Every table from the finest grouped rows (one `GROUP BY month, area, team, context` query),
 * so that all of them add up by construction.
 */

export function emptyFigures(): Figures {
	return {
		n: 0,
		dimensions: Object.fromEntries(
			DIMENSION_IDS.map((d) => [d, { answered: 0, sum: 0 }])
		) as Figures['dimensions']
	};
}

function addInto(target: Figures, source: Figures): void {
	target.n += source.n;
	for (const d of DIMENSION_IDS) {
		target.dimensions[d].answered += source.dimensions[d].answered;
		target.dimensions[d].sum += source.dimensions[d].sum;
	}
}

/** Each group once, in order, "unknown" (null) last. */
export function distinctGroups(keys: readonly (string | null)[]): (string | null)[] {
	return [...new Set(keys)].sort((a, b) =>
		a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b)
	);
}

/** The groups with at least one summary in the range. */
export function groupsOf(rows: readonly CubeRow[]): Groups {
	const present = rows.filter((row) => row.n > 0);
	return {
		area: distinctGroups(present.map((row) => row.area)),
		team: distinctGroups(present.map((row) => row.team)),
		context: CONTEXTS.filter((c) => present.some((row) => row.context === c))
	};
}

export function rollUp(
	cube: readonly CubeRow[],
	range: MonthRange,
	groups?: Groups,
	options: SystemOptions = {}
): AggregateTables {
	const inRange = new Set(monthsInRange(range));
	const rows = cube.filter((row) => inRange.has(row.month));
	const tableGroups = groups ?? groupsOf(rows);
	// The derived row's figures too (relations.ts, SystemOptions): the rule needs them to protect it.
	const isDerived = hasDerivedRow(tableGroups, options);
	const tables = new Map<string, AggregateRow>();
	for (const row of rows) {
		const keys: { grouping: RowGrouping; group: string | null }[] = [
			{ grouping: 'total', group: null },
			{ grouping: 'area', group: row.area },
			{ grouping: 'team', group: row.team },
			{ grouping: 'context', group: row.context },
			...(isDerived && row.team === null && row.context === 'conversation'
				? [{ grouping: 'team' as const, group: CONVERSATION_WITHOUT_TEAM }]
				: [])
		];
		for (const key of keys) {
			for (const period of [row.month, quarterOfMonth(row.month), yearOf(row.month)]) {
				const id = cellId({ ...key, period });
				let cell = tables.get(id);
				if (!cell) {
					cell = { ...key, period, ...emptyFigures() } as AggregateRow;
					tables.set(id, cell);
				}
				addInto(cell, row);
			}
		}
	}
	return { range, groups: tableGroups, rows: [...tables.values()] };
}
