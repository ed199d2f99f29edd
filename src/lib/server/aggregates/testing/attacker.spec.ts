import { describe, expect, it } from 'vitest';
import { DIMENSION_IDS, type DimensionId } from '$lib/domain/dimensions';
import type { PublishedTables } from '../aggregate-tables';
import { publish } from '../suppression';
import { Attacker } from './attacker';
import { many, scores, tablesOf } from './population';

const march = { first: '2025-03', last: '2025-03' };

/** The tables with exactly the listed areas hidden (all their figures), everything else shown. */
function publishedHiding(hiddenAreas: string[]): PublishedTables {
	const day = '2025-03-02';
	const tables = tablesOf(
		[
			...many(3, { day, area: '1011', scores: scores(2) }),
			...many(40, { day, area: '1012', scores: scores(6) }),
			...many(50, { day, area: '1013', scores: scores(9) })
		],
		march
	);
	return publish(tables, 10, (system) => {
		const hide = system.cells.map(
			(c) => c.grouping === 'area' && hiddenAreas.includes(c.group ?? '')
		);
		const dimensions = Object.fromEntries(DIMENSION_IDS.map((d) => [d, hide]));
		return { n: hide, dimensions: dimensions as Record<DimensionId, boolean[]> };
	});
}

const areaCells = (area: string) =>
	['2025-03', '2025-Q1', '2025'].map((period) => ({
		grouping: 'area' as const,
		group: area,
		period
	}));

describe('the attacker', () => {
	it('recovers a hidden area as the total minus the shown ones, count and sum', () => {
		const attacker = new Attacker(publishedHiding(['1011']));
		const [month] = areaCells('1011');
		expect(attacker.recover('2025', 'n', [month!])).toBe(3);
		expect(attacker.recover('2025', 'sum meedoen', [month!])).toBeCloseTo(6, 9);
	});

	it('recovers two hidden areas together, but neither alone', () => {
		const attacker = new Attacker(publishedHiding(['1011', '1012']));
		const [small] = areaCells('1011');
		const [large] = areaCells('1012');
		expect(attacker.recover('2025', 'n', [small!])).toBeNull();
		expect(attacker.recover('2025', 'n', [large!])).toBeNull();
		expect(attacker.recover('2025', 'n', [small!, large!])).toBe(43);
	});

	it('recovers nothing from a year it was not shown', () => {
		const attacker = new Attacker(publishedHiding(['1011']));
		expect(attacker.recover('2024', 'n', areaCells('1011'))).toBeNull();
	});
});
