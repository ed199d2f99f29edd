import { DIMENSION_IDS, type DimensionId } from '$lib/domain/dimensions';
import {
	GROUPINGS,
	type PublishedRow,
	type PublishedTables,
	type PublishedYear,
	type RowGrouping
} from '../aggregate-tables';
import { RowSpace } from '../linear-span';
import { quarterOfMonth, yearOf } from '../periods';
import { cellId, type CellKey } from '../relations';

/**
 * An attacker who holds everything the dashboard publishes (every table, count, mean and total)
 * and knows how the tables are made, but nothing else. The unknowns are the true figures of the
 * finest cells, month × area × team × context; every shown figure is one linear equation on them
 * (a count is a sum of finest counts; a mean × its answered-count is a sum of finest sums). The
 * total of any set of published cells is recovered exactly when its indicator vector lies in the
 * row space of those equations, whatever the true figures are; the value then follows.
 * Non-negativity is not used: this is exact disclosure, not bounds.
 */

export type Measure = 'n' | `answered ${DimensionId}` | `sum ${DimensionId}`;

export const MEASURES: readonly Measure[] = [
	'n',
	...DIMENSION_IDS.flatMap((d): Measure[] => [`answered ${d}`, `sum ${d}`])
];

/** The published value of a measure in a row, null when hidden; sums in tenths (scores have one decimal). */
function read(measure: Measure, row: PublishedRow): number | null {
	if (measure === 'n') return row.n;
	const [kind, d] = measure.split(' ') as ['answered' | 'sum', DimensionId];
	const { answered, mean } = row.dimensions[d];
	if (kind === 'answered') return answered;
	return answered === null || mean === null ? null : Math.round(mean * answered * 10);
}

const scaleOf = (measure: Measure) => (measure.startsWith('sum') ? 10 : 1);

export interface Unknown {
	month: string;
	area: string | null;
	team: string | null;
	context: string;
}

export interface AttackerKnowledge {
	/**
	 * Finest cells the attacker knows to be empty whatever the data (a rule of the app, such as
	 * "a web filled in alone never carries a team"): they are no unknowns at all.
	 */
	isPossible?: (unknown: Unknown) => boolean;
}

function covers(cell: CellKey, unknown: Unknown): boolean {
	const inPeriod =
		cell.period === unknown.month ||
		cell.period === quarterOfMonth(unknown.month) ||
		cell.period === yearOf(unknown.month);
	if (!inPeriod) return false;
	return cell.grouping === 'total' || unknown[cell.grouping] === cell.group;
}

/** The sums anyone can read off the tables' layout, each as [parent, ...children]. */
export function linesOf(year: PublishedYear): CellKey[][] {
	const rows: { grouping: RowGrouping; group: string | null }[] = [
		{ grouping: 'total', group: null },
		...GROUPINGS.flatMap((grouping) =>
			(year.groups[grouping] as (string | null)[]).map((group) => ({ grouping, group }))
		)
	];
	const periods = [...year.months, ...year.quarters.map((q) => q.key), year.year];
	const lines: CellKey[][] = [];
	for (const row of rows) {
		for (const q of year.quarters)
			lines.push([{ ...row, period: q.key }, ...q.months.map((period) => ({ ...row, period }))]);
		lines.push([
			{ ...row, period: year.year },
			...year.quarters.map((q) => ({ ...row, period: q.key }))
		]);
	}
	for (const grouping of GROUPINGS) {
		for (const period of periods) {
			lines.push([
				{ grouping: 'total', group: null, period },
				...(year.groups[grouping] as (string | null)[]).map((group) => ({
					grouping,
					group,
					period
				}))
			]);
		}
	}
	return lines;
}

class YearAttack {
	readonly #year: PublishedYear;
	readonly #unknowns: Unknown[];
	readonly #supports = new Map<string, number[]>();
	readonly #spaces = new Map<Measure, RowSpace>();

	constructor(year: PublishedYear, knowledge: AttackerKnowledge) {
		this.#year = year;
		const isPossible = knowledge.isPossible ?? (() => true);
		this.#unknowns = year.months
			.flatMap((month) =>
				year.groups.area.flatMap((area) =>
					year.groups.team.flatMap((team) =>
						year.groups.context.map((context) => ({ month, area, team, context }))
					)
				)
			)
			.filter(isPossible);
		for (const row of year.rows) {
			this.#supports.set(
				cellId(row),
				this.#unknowns.flatMap((u, i) => (covers(row, u) ? [i] : []))
			);
		}
	}

	/** One system per measure: the equations of every row where it is shown. */
	#space(measure: Measure): RowSpace {
		let space = this.#spaces.get(measure);
		if (space) return space;
		space = new RowSpace(this.#unknowns.length, 1);
		for (const row of this.#year.rows) {
			const value = read(measure, row);
			if (value === null) continue;
			const equation = new Array<number>(this.#unknowns.length + 1).fill(0);
			for (const u of this.#supports.get(cellId(row)) ?? []) equation[u] = 1;
			equation[this.#unknowns.length] = value;
			space.add(equation);
		}
		this.#spaces.set(measure, space);
		return space;
	}

	recover(measure: Measure, cells: readonly CellKey[]): number | null {
		const vector = new Array<number>(this.#unknowns.length).fill(0);
		for (const cell of cells)
			for (const u of this.#supports.get(cellId(cell)) ?? []) vector[u] = (vector[u] ?? 0) + 1;
		return this.#evaluate(measure, vector);
	}

	/** Any group of finest cells, published or not (area × team in March, say). */
	recoverWhere(measure: Measure, isMember: (unknown: Unknown) => boolean): number | null {
		return this.#evaluate(
			measure,
			this.#unknowns.map((u) => (isMember(u) ? 1 : 0))
		);
	}

	#evaluate(measure: Measure, vector: number[]): number | null {
		// Cells that cover no one at all (there are no groups) say nothing about anyone.
		if (!vector.some((x) => x !== 0)) return null;
		const value = this.#space(measure).evaluate(vector, 0);
		return value && Number(value.numerator) / Number(value.denominator) / scaleOf(measure);
	}
}

export class Attacker {
	readonly #years: Map<string, YearAttack>;

	constructor(published: PublishedTables, knowledge: AttackerKnowledge = {}) {
		this.#years = new Map(published.years.map((y) => [y.year, new YearAttack(y, knowledge)]));
	}

	/** The exact total of a measure over published cells of one year, if what is shown fixes it. */
	recover(year: string, measure: Measure, cells: readonly CellKey[]): number | null {
		return this.#years.get(year)?.recover(measure, cells) ?? null;
	}

	/** The exact total of a measure over any set of finest cells of one year, if it is fixed. */
	recoverWhere(
		year: string,
		measure: Measure,
		isMember: (unknown: Unknown) => boolean
	): number | null {
		return this.#years.get(year)?.recoverWhere(measure, isMember) ?? null;
	}
}
