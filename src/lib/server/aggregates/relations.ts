import { GROUPINGS, type Groups, type RowGrouping } from './aggregate-tables';
import { periodsOfYear, type YearPeriods } from './periods';

/**
 * The cells of one year's tables and every sum that links them. These sums are all the linear
 * relations there are between published figures (README, "Why it is safe"), so a hidden cell is
 * recoverable exactly when some combination of them leaves it as the only hidden term.
 */

export interface CellKey {
	grouping: RowGrouping;
	group: string | null;
	period: string;
}

/** parent = sum of children: a quarter of its months, a year of its quarters, a total of its groups. */
export interface Relation {
	parent: number;
	children: number[];
}

export interface YearSystem {
	year: YearPeriods;
	cells: CellKey[];
	relations: Relation[];
	/** For each cell, the relations it takes part in (as parent or child). */
	relationsOf: number[][];
	/** Cells that are never published but that the shown figures may give away (see below). */
	derived: ReadonlySet<number>;
}

export interface SystemOptions {
	/**
	 * Only conversations carry a team (the server's rule: a web filled in alone never does). Then
	 * "conversations without a team" is a group the tables never show, yet it is the conversation
	 * row minus every team's row. It joins the system as a derived cell, never shown, so that a
	 * small one is protected like any other small group.
	 */
	teamsOnlyInConversation?: boolean;
}

/** The group key of the derived row: no team id or area looks like it. */
export const CONVERSATION_WITHOUT_TEAM = '#conversation-without-team';

/** Whether the tables of these groups hold the derived row (see SystemOptions). */
export function hasDerivedRow(groups: Groups, options: SystemOptions = {}): boolean {
	return options.teamsOnlyInConversation === true && groups.context.includes('conversation');
}

export function cellId(key: CellKey): string {
	return JSON.stringify([key.grouping, key.group, key.period]);
}

export function rowsOf(groups: Groups): { grouping: RowGrouping; group: string | null }[] {
	return [
		{ grouping: 'total', group: null },
		...GROUPINGS.flatMap((grouping) =>
			groups[grouping].map((group: string | null) => ({ grouping, group }))
		)
	];
}

export function buildYearSystem(
	year: YearPeriods,
	groups: Groups,
	options: SystemOptions = {}
): YearSystem {
	const periods = periodsOfYear(year);
	const isDerived = hasDerivedRow(groups, options);
	const derivedRow = { grouping: 'team' as const, group: CONVERSATION_WITHOUT_TEAM };
	const rows = [...rowsOf(groups), ...(isDerived ? [derivedRow] : [])];
	const cells: CellKey[] = rows.flatMap((row) => periods.map((period) => ({ ...row, period })));
	const index = new Map(cells.map((cell, i) => [cellId(cell), i]));
	const at = (grouping: RowGrouping, group: string | null, period: string): number => {
		const i = index.get(cellId({ grouping, group, period }));
		if (i === undefined) throw new Error(`No cell ${grouping} ${group} ${period}`);
		return i;
	};

	const relations: Relation[] = [];
	for (const row of rows) {
		for (const quarter of year.quarters) {
			relations.push({
				parent: at(row.grouping, row.group, quarter.key),
				children: quarter.months.map((m) => at(row.grouping, row.group, m))
			});
		}
		relations.push({
			parent: at(row.grouping, row.group, year.key),
			children: year.quarters.map((q) => at(row.grouping, row.group, q.key))
		});
	}
	for (const grouping of GROUPINGS) {
		const members: (string | null)[] = groups[grouping];
		// With no groups at all (an empty range) there is nothing to add up.
		if (members.length === 0) continue;
		for (const period of periods) {
			relations.push({
				parent: at('total', null, period),
				children: members.map((group) => at(grouping, group, period))
			});
		}
	}

	if (isDerived) {
		// Conversations = every team's (all conversations) + those without a team.
		const teams = groups.team.filter((team) => team !== null);
		for (const period of periods) {
			relations.push({
				parent: at('context', 'conversation', period),
				children: [
					...teams.map((team) => at('team', team, period)),
					at('team', CONVERSATION_WITHOUT_TEAM, period)
				]
			});
		}
	}

	const relationsOf: number[][] = cells.map(() => []);
	relations.forEach((relation, r) => {
		for (const cell of [relation.parent, ...relation.children]) relationsOf[cell]?.push(r);
	});
	const derived = new Set(
		isDerived
			? cells.flatMap((cell, i) => (cell.group === CONVERSATION_WITHOUT_TEAM ? [i] : []))
			: []
	);
	return { year, cells, relations, relationsOf, derived };
}
