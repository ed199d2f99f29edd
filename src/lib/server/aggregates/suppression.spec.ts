import { describe, expect, it } from 'vitest';
import { AggregateTablesSchema, PublishedTablesSchema } from './aggregate-tables';
import { InconsistentTablesError, suppress } from './suppression';
import { findDisclosures, formatDisclosure } from './testing/disclosures';
import { primaryOnly } from './testing/naive-rule';
import { many, scores, tablesOf, type Summary } from './testing/population';
import { cellOf, hiddenInColumn } from './testing/published';

const march = { first: '2025-03', last: '2025-03' };
const firstQuarter = { first: '2025-01', last: '2025-03' };

function check(summaries: Summary[], range: { first: string; last: string }) {
	const truth = tablesOf(summaries, range);
	const published = suppress(truth);
	return {
		published,
		leaks: findDisclosures(published, truth).map(formatDisclosure),
		naiveLeaks: findDisclosures(primaryOnly(truth), truth).map(formatDisclosure)
	};
}

describe('suppress: hand-made cases', () => {
	it('hides an area of 9 among areas of 50, and another area with it', () => {
		const { published, leaks, naiveLeaks } = check(
			[
				...many(50, { day: '2025-03-04', area: '1011' }),
				...many(50, { day: '2025-03-04', area: '1012' }),
				...many(50, { day: '2025-03-04', area: '1013' }),
				...many(9, { day: '2025-03-04', area: '1014' })
			],
			march
		);
		for (const period of ['2025-03', '2025-Q1', '2025']) {
			expect(cellOf(published, 'area', '1014', period).n).toBeNull();
			// The total stays shown, so one hidden area would be the total minus the others.
			expect(cellOf(published, 'total', null, period).n).toBe(159);
			expect(hiddenInColumn(published, 'area', period)).toBeGreaterThanOrEqual(2);
		}
		expect(leaks).toEqual([]);
		expect(naiveLeaks).toContain('2025 n of area 1014 2025-03 = 9 (a group of 9)');
	});

	it('hides more in a quarter whose months are all 10 or more but one', () => {
		const { published, leaks, naiveLeaks } = check(
			[
				...many(20, { day: '2025-01-10', area: '1011' }),
				...many(15, { day: '2025-02-10', area: '1011' }),
				...many(4, { day: '2025-03-10', area: '1011' }),
				...many(30, { day: '2025-01-10', area: '1012' }),
				...many(30, { day: '2025-02-10', area: '1012' }),
				...many(30, { day: '2025-03-10', area: '1012' })
			],
			firstQuarter
		);
		expect(cellOf(published, 'area', '1011', '2025-03').n).toBeNull();
		const hiddenOfQuarter = ['2025-01', '2025-02', '2025-Q1'].filter(
			(p) => cellOf(published, 'area', '1011', p).n === null
		);
		expect(hiddenOfQuarter.length).toBeGreaterThanOrEqual(1);
		for (const period of ['2025-01', '2025-02', '2025-03', '2025-Q1', '2025'])
			expect(cellOf(published, 'total', null, period).n).not.toBeNull();
		expect(leaks).toEqual([]);
		// The quarter minus its two shown months.
		expect(naiveLeaks).toContain('2025 n of area 1011 2025-03 = 4 (a group of 4)');
	});

	it('does not let all teams minus the others give a small team away', () => {
		const day = '2025-03-12';
		const { published, leaks, naiveLeaks } = check(
			[
				...many(40, { day, teamId: 'team-1', context: 'conversation' }),
				...many(35, { day, teamId: 'team-2', context: 'conversation' }),
				...many(6, { day, teamId: 'team-3', context: 'conversation' }),
				...many(30, { day, teamId: null, context: 'self' })
			],
			march
		);
		expect(cellOf(published, 'team', 'team-3', '2025-03').n).toBeNull();
		expect(hiddenInColumn(published, 'team', '2025-03')).toBeGreaterThanOrEqual(2);
		expect(cellOf(published, 'total', null, '2025-03').n).toBe(111);
		expect(leaks).toEqual([]);
		expect(naiveLeaks).toContain('2025 n of team team-3 2025-03 = 6 (a group of 6)');
	});

	it('hides a small month in every table that shows it, the total row too', () => {
		// One area, one team, one context: each table's only row is the total again.
		const { published, leaks, naiveLeaks } = check(
			[
				...many(8, { day: '2025-01-20', area: '1011' }),
				...many(40, { day: '2025-02-20', area: '1011' })
			],
			{ first: '2025-01', last: '2025-02' }
		);
		for (const [grouping, group] of [
			['total', null],
			['area', '1011'],
			['team', null],
			['context', 'self']
		] as const) {
			expect(cellOf(published, grouping, group, '2025-01').n).toBeNull();
			// February and the quarter (= the year) would give January away: one goes too.
			const february = cellOf(published, grouping, group, '2025-02').n;
			const quarter = cellOf(published, grouping, group, '2025-Q1').n;
			expect(february === null || quarter === null).toBe(true);
		}
		expect(leaks).toEqual([]);
		expect(naiveLeaks).toContain('2025 n of total (unknown) 2025-01 = 8 (a group of 8)');
	});

	it('hides a mean over fewer than 10 answers, and one more so mean × count cannot give it', () => {
		const day = '2025-03-05';
		const skipped = { ...scores(6), zingeving: null };
		const { published, leaks, naiveLeaks } = check(
			[
				...many(4, { day, area: '1011', scores: scores(3) }),
				...many(8, { day, area: '1011', scores: skipped }),
				...many(30, { day, area: '1012', scores: scores(8) })
			],
			march
		);
		const small = cellOf(published, 'area', '1011', '2025-03');
		// Twelve people: the count is shown, the mean of the four who answered is not.
		expect(small.n).toBe(12);
		expect(small.dimensions.zingeving).toEqual({ answered: null, mean: null });
		expect(small.dimensions.mentaal.answered).toBe(12);
		expect(small.dimensions.mentaal.mean).toBeCloseTo((4 * 3 + 8 * 6) / 12, 10);
		expect(cellOf(published, 'area', '1012', '2025-03').dimensions.zingeving.mean).toBeNull();
		expect(cellOf(published, 'total', null, '2025-03').dimensions.zingeving).toEqual({
			answered: 34,
			mean: (4 * 3 + 30 * 8) / 34
		});
		expect(leaks).toEqual([]);
		// The total's mean × 34 minus the other area's mean × 30.
		expect(naiveLeaks).toContain('2025 sum zingeving of area 1011 2025-03 = 12 (a group of 4)');
	});

	it('keeps two small areas from being a small group together', () => {
		const day = '2025-03-05';
		const { published, leaks, naiveLeaks } = check(
			[
				...many(3, { day, area: '1011' }),
				...many(4, { day, area: '1012' }),
				...many(50, { day, area: '1013' }),
				...many(50, { day, area: '1014' })
			],
			march
		);
		// The total minus the shown areas would be the seven of 1011 and 1012 together.
		expect(hiddenInColumn(published, 'area', '2025-03')).toBeGreaterThanOrEqual(3);
		expect(leaks).toEqual([]);
		expect(naiveLeaks).toContain(
			'2025 n of area 1011 2025-03 + area 1012 2025-03 = 7 (a group of 7)'
		);
	});

	it('treats an empty month as a small one: a shown 0 is a fact about people too', () => {
		const { published, leaks, naiveLeaks } = check(
			[
				...many(20, { day: '2025-01-10', area: '1011' }),
				...many(20, { day: '2025-03-10', area: '1011' }),
				...['2025-01-10', '2025-02-10', '2025-03-10'].flatMap((day) =>
					many(30, { day, area: '1012' })
				)
			],
			firstQuarter
		);
		expect(cellOf(published, 'area', '1011', '2025-02').n).toBeNull();
		expect(leaks).toEqual([]);
		expect(naiveLeaks).toContain('2025 n of area 1011 2025-02 = 0 (a group of 0)');
	});

	it('publishes each calendar year apart, with quarters cut by the range', () => {
		const summaries = [
			...many(12, { day: '2024-11-03', area: '1011' }),
			...many(14, { day: '2024-12-03', area: '1011' }),
			...many(16, { day: '2025-01-03', area: '1011' })
		];
		const published = suppress(tablesOf(summaries, { first: '2024-11', last: '2025-01' }));
		expect(published.years.map((y) => [y.year, y.months, y.quarters])).toEqual([
			['2024', ['2024-11', '2024-12'], [{ key: '2024-Q4', months: ['2024-11', '2024-12'] }]],
			['2025', ['2025-01'], [{ key: '2025-Q1', months: ['2025-01'] }]]
		]);
		expect(cellOf(published, 'total', null, '2024-Q4').n).toBe(26);
		expect(cellOf(published, 'total', null, '2024').n).toBe(26);
		expect(cellOf(published, 'area', '1011', '2025').n).toBe(16);
		expect(() => PublishedTablesSchema.parse(published)).not.toThrow();
	});

	it('publishes nothing for a range nobody used', () => {
		const published = suppress(tablesOf([], march));
		expect(published.years[0]?.rows.map((r) => r.n)).toEqual([null, null, null]);
	});
});

describe('suppress: bad input', () => {
	it('refuses tables that do not add up, rather than protect the wrong sums', () => {
		const tables = tablesOf(many(30, { day: '2025-03-01', area: '1011' }), march);
		const broken = {
			...tables,
			rows: tables.rows.map((row) =>
				row.grouping === 'area' && row.period === '2025-03' ? { ...row, n: 29 } : row
			)
		};
		expect(() => suppress(broken)).toThrow(InconsistentTablesError);
	});

	it('parses database rows with the schema', () => {
		const tables = tablesOf(many(30, { day: '2025-03-01', area: '1011' }), march);
		expect(AggregateTablesSchema.parse(tables)).toEqual(tables);
		const [row] = tables.rows;
		expect(AggregateTablesSchema.safeParse({ ...tables, rows: [{ ...row, n: -1 }] }).success).toBe(
			false
		);
		expect(
			AggregateTablesSchema.safeParse({ ...tables, rows: [{ ...row, period: '2025-13' }] }).success
		).toBe(false);
		expect(
			AggregateTablesSchema.safeParse({
				...tables,
				rows: [{ ...row, grouping: 'context', group: 'elsewhere' }]
			}).success
		).toBe(false);
	});
});
