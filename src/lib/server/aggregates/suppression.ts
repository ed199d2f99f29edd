import { DIMENSION_IDS, type DimensionId } from '$lib/domain/dimensions';
import {
	CONTEXTS,
	type AggregateTables,
	type Figures,
	type Groups,
	type Grouping,
	type PublishedRow,
	type PublishedTables,
	type PublishedYear
} from './aggregate-tables';
import { protect } from './complementary';
import { SpanOverflowError } from './linear-span';
import { periodLevel, yearsInRange } from './periods';
import {
	buildYearSystem,
	cellId,
	CONVERSATION_WITHOUT_TEAM,
	type SystemOptions,
	type YearSystem
} from './relations';
import { distinctGroups, emptyFigures } from './roll-up';

/**
 * The dashboard's small-group rule: no group under `minGroupSize` (k = 10) is shown, and none can
 * be recalculated from what is shown, within a table or across tables. README.md says how.
 */

export const MIN_GROUP_SIZE = 10;

export class InconsistentTablesError extends Error {
	constructor(detail: string) {
		super(`The tables do not add up: ${detail}`);
		this.name = 'InconsistentTablesError';
	}
}

export interface SuppressionOptions extends SystemOptions {
	minGroupSize?: number;
}

/** What is hidden in one year: the count per cell, and per dimension its answered-count and mean. */
export interface YearMasks {
	n: boolean[];
	dimensions: Record<DimensionId, boolean[]>;
}

export function suppress(
	tables: AggregateTables,
	options: SuppressionOptions = {}
): PublishedTables {
	return publish(tables, options.minGroupSize ?? MIN_GROUP_SIZE, protectYear, options);
}

/** Every year's tables with what `decide` hides in them as null. */
export function publish(
	tables: AggregateTables,
	k: number,
	decide: (system: YearSystem, figures: readonly Figures[], k: number) => YearMasks,
	options: SystemOptions = {}
): PublishedTables {
	const groups = tables.groups ?? groupsOfRows(tables);
	const lookup = new Map<string, Figures>(tables.rows.map((row) => [cellId(row), row]));
	const years = yearsInRange(tables.range).map((year) => {
		const system = buildYearSystem(year, groups, options);
		const figures = system.cells.map((cell) => lookup.get(cellId(cell)) ?? emptyFigures());
		checkConsistent(system, figures);
		return publishYear(system, groups, figures, decide(system, figures, k));
	});
	return { minGroupSize: k, years };
}

/** Primary suppression, then secondary per measure: the count first, then each dimension. */
export function protectYear(system: YearSystem, figures: readonly Figures[], k: number): YearMasks {
	const everything = () => figures.map(() => true);
	const n = figures.map((f) => f.n);
	let hiddenN: boolean[];
	try {
		hiddenN = protect({
			system,
			values: n,
			minGroupSize: k,
			// A derived cell is never shown, whatever its size.
			hidden: n.map((v, c) => v < k || system.derived.has(c)),
			mayShow: (c) => !system.derived.has(c)
		});
	} catch (error) {
		// Fail closed: an answer the exact arithmetic could not give hides the whole year.
		if (error instanceof SpanOverflowError) hiddenN = everything();
		else throw error;
	}
	const dimensions = Object.fromEntries(
		DIMENSION_IDS.map((d) => {
			const answered = figures.map((f) => f.dimensions[d].answered);
			try {
				return [
					d,
					protect({
						system,
						values: answered,
						minGroupSize: k,
						// A shown mean needs its count shown too.
						hidden: answered.map((v, c) => v < k || hiddenN[c] === true),
						mayShow: (c) => hiddenN[c] !== true
					})
				];
			} catch (error) {
				if (error instanceof SpanOverflowError) return [d, everything()];
				throw error;
			}
		})
	) as Record<DimensionId, boolean[]>;
	return { n: hiddenN, dimensions };
}

/** The shown figures of one year; means come from the sums of what is shown. */
export function publishYear(
	system: YearSystem,
	groups: Groups,
	figures: readonly Figures[],
	masks: YearMasks
): PublishedYear {
	const rows = system.cells.flatMap((cell, c): PublishedRow[] => {
		if (system.derived.has(c)) return [];
		const f = figures[c] ?? emptyFigures();
		const dimensions = Object.fromEntries(
			DIMENSION_IDS.map((d) => {
				const { answered, sum } = f.dimensions[d];
				const shown = masks.dimensions[d][c] === false && masks.n[c] === false && answered > 0;
				return [
					d,
					shown ? { answered, mean: Math.min(10, sum / answered) } : { answered: null, mean: null }
				];
			})
		) as PublishedRow['dimensions'];
		return [{ ...cell, n: masks.n[c] === false ? f.n : null, dimensions } as PublishedRow];
	});
	return {
		year: system.year.key,
		months: system.year.months,
		quarters: system.year.quarters,
		groups,
		rows
	};
}

/** The groups with at least one summary in the range, from the year rows. */
function groupsOfRows(tables: AggregateTables): Groups {
	const present = (grouping: Grouping) =>
		tables.rows
			.filter(
				(row) =>
					row.grouping === grouping &&
					row.group !== CONVERSATION_WITHOUT_TEAM &&
					row.n > 0 &&
					periodLevel(row.period) === 'year'
			)
			.map((row) => row.group);
	return {
		area: distinctGroups(present('area')),
		team: distinctGroups(present('team')),
		context: CONTEXTS.filter((c) => present('context').includes(c))
	};
}

function checkConsistent(system: YearSystem, figures: readonly Figures[]): void {
	const describe = (c: number) => {
		const cell = system.cells[c];
		return cell ? `${cell.grouping} ${cell.group ?? '(unknown)'} ${cell.period}` : String(c);
	};
	for (const relation of system.relations) {
		const parent = figures[relation.parent] ?? emptyFigures();
		const children = relation.children.map((c) => figures[c] ?? emptyFigures());
		const total = (pick: (f: Figures) => number) => children.reduce((s, f) => s + pick(f), 0);
		const measures: [string, (f: Figures) => number, number][] = [
			['n', (f) => f.n, 0],
			...DIMENSION_IDS.flatMap((d): [string, (f: Figures) => number, number][] => [
				[`answered ${d}`, (f) => f.dimensions[d].answered, 0],
				[`sum ${d}`, (f) => f.dimensions[d].sum, 1e-6 * Math.max(1, parent.dimensions[d].sum)]
			])
		];
		for (const [name, pick, tolerance] of measures) {
			if (Math.abs(pick(parent) - total(pick)) > tolerance)
				throw new InconsistentTablesError(`${name} of ${describe(relation.parent)}`);
		}
	}
	figures.forEach((f, c) => {
		for (const d of DIMENSION_IDS) {
			if (f.dimensions[d].answered > f.n)
				throw new InconsistentTablesError(`more answered ${d} than summaries in ${describe(c)}`);
		}
	});
}
