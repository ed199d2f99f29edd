import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTEXTS, type Groups } from './aggregate-tables';
import { RowSpace } from './linear-span';
import { quarterOfMonth, yearOf, yearsInRange } from './periods';
import { buildYearSystem, type CellKey } from './relations';

const structure = fc.record({
	first: fc.integer({ min: 1, max: 12 }),
	length: fc.integer({ min: 1, max: 12 }),
	areas: fc.integer({ min: 1, max: 4 }),
	hasUnknownArea: fc.boolean(),
	teams: fc.integer({ min: 0, max: 3 }),
	contexts: fc.integer({ min: 1, max: 2 })
});

/** The finest cells a cell adds up: month × area × team × context, as a 0/1 vector. */
function coverage(cell: CellKey, months: string[], groups: Groups): number[] {
	return months.flatMap((month) =>
		groups.area.flatMap((area) =>
			groups.team.flatMap((team) =>
				groups.context.map((context) => {
					const inPeriod = [month, quarterOfMonth(month), yearOf(month)].includes(cell.period);
					const unknown = { area, team, context };
					const inGroup = cell.grouping === 'total' || unknown[cell.grouping] === cell.group;
					return inPeriod && inGroup ? 1 : 0;
				})
			)
		)
	);
}

describe('the year system', () => {
	it(
		'holds every linear relation between published cells, and only true ones (property)',
		{ timeout: 30_000 },
		() => {
			fc.assert(
				fc.property(structure, (s) => {
					const last = s.first + s.length - 1;
					const range = {
						first: `2025-${String(s.first).padStart(2, '0')}`,
						last: `2025-${String(Math.min(12, last)).padStart(2, '0')}`
					};
					const [year] = yearsInRange(range);
					if (!year) return;
					const groups: Groups = {
						area: [
							...Array.from({ length: s.areas }, (_, i) => `${1001 + i}`),
							...(s.hasUnknownArea ? [null] : [])
						],
						team: [...Array.from({ length: s.teams }, (_, i) => `team-${i}`), null],
						context: CONTEXTS.slice(0, s.contexts)
					};
					const system = buildYearSystem(year, groups);
					const vectors = system.cells.map((cell) => coverage(cell, year.months, groups));

					// Each relation is true of the finest cells: parent = sum of children.
					for (const { parent, children } of system.relations) {
						const sum = (vectors[parent] ?? []).map((_, u) =>
							children.reduce((t, c) => t + (vectors[c]?.[u] ?? 0), 0)
						);
						expect(sum).toEqual(vectors[parent]);
					}
					// And they are all there are: the relations' rank is the number of dependencies
					// between the cells' vectors (cells minus the rank of the vectors).
					const relations = new RowSpace(system.cells.length);
					for (const { parent, children } of system.relations) {
						const row = new Array<number>(system.cells.length).fill(0);
						row[parent] = -1;
						for (const c of children) row[c] = 1;
						relations.add(row);
					}
					const published = new RowSpace(vectors[0]?.length ?? 0);
					for (const v of vectors) published.add(v);
					expect(relations.rank).toBe(system.cells.length - published.rank);
				}),
				{ numRuns: 25 }
			);
		}
	);
});
