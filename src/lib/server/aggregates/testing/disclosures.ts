import type { DimensionId } from '$lib/domain/dimensions';
import type { AggregateTables, Figures, PublishedTables } from '../aggregate-tables';
import { cellId, type CellKey } from '../relations';
import { Attacker, MEASURES, linesOf, type AttackerKnowledge, type Measure } from './attacker';

/**
 * What the test knows and the attacker does not: the true figures. A group is one published cell,
 * or several children of one sum together (areas A and B in March; January and February of area
 * A): what subtraction naturally yields. Every group under k is put to the attacker.
 */

export interface Disclosure {
	year: string;
	measure: Measure;
	cells: CellKey[];
	/** People in the group: its n, or for a dimension how many answered it. */
	groupSize: number;
	value: number;
}

const describe = (cells: CellKey[]) =>
	cells.map((c) => `${c.grouping} ${c.group ?? '(unknown)'} ${c.period}`).join(' + ');

export function formatDisclosure(d: Disclosure): string {
	return `${d.year} ${d.measure} of ${describe(d.cells)} = ${d.value} (a group of ${d.groupSize})`;
}

function subsets<T>(items: readonly T[], maxItems = 10): T[][] {
	// Large sums: pairs and the whole rest only, to keep the search short.
	if (items.length > maxItems) {
		const pairs = items.flatMap((a, i) => items.slice(i + 1).map((b) => [a, b]));
		return [...pairs, [...items]];
	}
	const all: T[][] = [];
	for (let bits = 1; bits < 2 ** items.length; bits++) {
		const subset = items.filter((_, i) => Math.floor(bits / 2 ** i) % 2 === 1);
		if (subset.length >= 2) all.push(subset);
	}
	return all;
}

export function findDisclosures(
	published: PublishedTables,
	truth: AggregateTables,
	k = published.minGroupSize,
	knowledge: AttackerKnowledge = {}
): Disclosure[] {
	const attacker = new Attacker(published, knowledge);
	const lookup = new Map<string, Figures>(truth.rows.map((row) => [cellId(row), row]));
	const found: Disclosure[] = [];
	for (const year of published.years) {
		const lines = linesOf(year);
		for (const measure of MEASURES) {
			const d = measure === 'n' ? undefined : (measure.split(' ')[1] as DimensionId);
			const size = (cells: CellKey[]) =>
				cells.reduce((s, c) => {
					const f = lookup.get(cellId(c));
					return s + (f ? (d ? f.dimensions[d].answered : f.n) : 0);
				}, 0);
			const trueValue = (cells: CellKey[]) =>
				measure.startsWith('sum') && d
					? cells.reduce((s, c) => s + (lookup.get(cellId(c))?.dimensions[d].sum ?? 0), 0)
					: size(cells);
			const groups: CellKey[][] = year.rows.filter((row) => size([row]) < k).map((row) => [row]);
			for (const [, ...children] of lines) {
				const small = children.filter((c) => size([c]) < k);
				groups.push(...subsets(small).filter((g) => size(g) < k));
			}
			for (const cells of groups) {
				const value = attacker.recover(year.year, measure, cells);
				if (value === null) continue;
				if (Math.abs(value - trueValue(cells)) > 1e-6)
					throw new Error(`The attacker got ${measure} of ${describe(cells)} wrong: ${value}`);
				found.push({ year: year.year, measure, cells, groupSize: size(cells), value });
			}
		}
	}
	return found;
}
