import { describe, expect, it } from 'vitest';
import type { CubeRow } from './aggregate-tables';
import { emptyFigures, groupsOf, rollUp } from './roll-up';

function cube(month: string, area: string | null, team: string | null, n: number): CubeRow {
	const figures = emptyFigures();
	figures.n = n;
	figures.dimensions.mentaal = { answered: n, sum: 7 * n };
	return { month, area, team, context: team ? 'conversation' : 'self', ...figures };
}

describe('rollUp', () => {
	const rows = [
		cube('2025-01', '1011', null, 4),
		cube('2025-02', null, 'team-a', 6),
		cube('2025-02', '1011', 'team-a', 5),
		cube('2025-07', '1012', null, 9)
	];
	const tables = rollUp(rows, { first: '2025-01', last: '2025-03' });
	const find = (grouping: string, group: string | null, period: string) =>
		tables.rows.find((r) => r.grouping === grouping && r.group === group && r.period === period);

	it('adds every table up from the finest rows', () => {
		expect(find('total', null, '2025-02')?.n).toBe(11);
		expect(find('total', null, '2025-Q1')?.n).toBe(15);
		expect(find('area', '1011', '2025')?.n).toBe(9);
		expect(find('area', null, '2025-02')?.n).toBe(6);
		expect(find('team', 'team-a', '2025-Q1')?.dimensions.mentaal).toEqual({
			answered: 11,
			sum: 77
		});
		expect(find('context', 'self', '2025-01')?.n).toBe(4);
	});

	it('leaves out months outside the range', () => {
		expect(find('total', null, '2025-07')).toBeUndefined();
		expect(find('total', null, '2025')?.n).toBe(15);
	});

	it('lists the groups present in the range, "unknown" last', () => {
		expect(tables.groups).toEqual({
			area: ['1011', null],
			team: ['team-a', null],
			context: ['self', 'conversation']
		});
		expect(groupsOf([cube('2025-01', '1011', null, 0)])).toEqual({
			area: [],
			team: [],
			context: []
		});
	});
});
