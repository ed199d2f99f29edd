import { describe, expect, it } from 'vitest';
import { DIMENSION_IDS, type DimensionId } from '$lib/domain/dimensions';
import type { Figures } from './aggregate-tables';
import { protect } from './complementary';
import type { YearSystem } from './relations';
import { publish } from './suppression';
import { findDisclosures, formatDisclosure } from './testing/disclosures';
import { many, tablesOf } from './testing/population';

/**
 * Four areas over one quarter. Area 1012 has 5 people in March; the cells around it are hidden
 * so that every sum has at least two hidden members and every hidden rest holds 10 or more. Yet
 * 1012's March links two blocks of hidden cells that cannot move without it, so a longer chain of
 * sums still pins it: the local rule alone is not enough.
 */
const counts: Record<string, [number, number, number]> = {
	'1011': [12, 12, 30],
	'1012': [11, 11, 5],
	'1013': [30, 30, 12],
	'1014': [30, 30, 13]
};
const bridged = [
	['1011', '2025-01'],
	['1011', '2025-02'],
	['1012', '2025-01'],
	['1012', '2025-02'],
	['1012', '2025-03'],
	['1013', '2025-03'],
	['1013', '2025-Q1'],
	['1013', '2025'],
	['1014', '2025-03'],
	['1014', '2025-Q1'],
	['1014', '2025']
];
const tables = tablesOf(
	Object.entries(counts).flatMap(([area, months]) =>
		months.flatMap((count, m) => many(count, { day: `2025-0${m + 1}-15`, area }))
	),
	{ first: '2025-01', last: '2025-03' }
);

function masks(
	system: YearSystem,
	figures: readonly Figures[],
	hide: (start: boolean[]) => boolean[]
) {
	const start = system.cells.map(
		(c) => c.grouping === 'area' && bridged.some(([a, p]) => a === c.group && p === c.period)
	);
	const n = hide(start);
	const values = figures.map((f) => f.n);
	expect(start.filter((h, c) => h && (values[c] ?? 0) < 10)).toHaveLength(1);
	return {
		n,
		dimensions: Object.fromEntries(DIMENSION_IDS.map((d) => [d, n])) as Record<
			DimensionId,
			boolean[]
		>
	};
}

describe('protect', () => {
	it('the bridged pattern passes every sum, and still gives the small cell away', () => {
		const published = publish(tables, 10, (system, figures) =>
			masks(system, figures, (start) => {
				for (const { parent, children } of system.relations) {
					const rest = children.filter((c) => start[c]);
					expect(rest.length + (start[parent] ? 1 : 0)).not.toBe(1);
					if (!start[parent] && rest.length > 0)
						expect(rest.reduce((s, c) => s + (figures[c]?.n ?? 0), 0)).toBeGreaterThanOrEqual(10);
				}
				return start;
			})
		);
		expect(findDisclosures(published, tables).map(formatDisclosure)).toContain(
			'2025 n of area 1012 2025-03 = 5 (a group of 5)'
		);
	});

	it('finds what a longer chain of sums gives away, and hides more until nothing is', () => {
		let added = 0;
		const published = publish(tables, 10, (system, figures) =>
			masks(system, figures, (start) => {
				const hidden = protect({
					system,
					values: figures.map((f) => f.n),
					minGroupSize: 10,
					hidden: start,
					mayShow: () => true
				});
				added = hidden.filter((h, c) => h && !start[c]).length;
				return hidden;
			})
		);
		expect(added).toBeGreaterThan(0);
		expect(findDisclosures(published, tables).map(formatDisclosure)).toEqual([]);
	});
});
