import { describe, expect, it } from 'vitest';
import { isComplete, isMonthShown, publishYear, shownRange } from './publication';
import { cubeOf, many } from './testing/population';

describe('what the dashboard publishes, and when', () => {
	it('shows a month two weeks after it ends, not a day sooner', () => {
		expect(isMonthShown('2026-10', '2026-11-13')).toBe(false);
		expect(isMonthShown('2026-10', '2026-11-14')).toBe(true);
		expect(isMonthShown('2026-12', '2027-01-13')).toBe(false);
		expect(isMonthShown('2026-12', '2027-01-14')).toBe(true);
	});

	it('gives the shown months of a year, or none', () => {
		expect(shownRange(2026, '2026-12-01')).toEqual({ first: '2026-01', last: '2026-10' });
		expect(shownRange(2025, '2026-12-01')).toEqual({ first: '2025-01', last: '2025-12' });
		expect(shownRange(2026, '2026-01-20')).toBeUndefined();
	});

	it('publishes a quarter or a year only with all its months', () => {
		const range = { first: '2026-01', last: '2026-10' };
		expect(isComplete('2026-10', range)).toBe(true);
		expect(isComplete('2026-11', range)).toBe(false);
		expect(isComplete('2026-Q3', range)).toBe(true);
		expect(isComplete('2026-Q4', range)).toBe(false);
		expect(isComplete('2026', range)).toBe(false);
	});

	it('hides the quarter and the year still under way, however large', () => {
		const cube = cubeOf(
			['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'].flatMap((m) =>
				many(20, { day: `2026-${m}-10`, area: '1011' })
			)
		);
		const year = publishYear(cube, { first: '2026-01', last: '2026-10' }, []);
		const total = (period: string) =>
			year?.rows.find((r) => r.grouping === 'total' && r.period === period);
		expect(total('2026-10')?.n).toBe(20);
		expect(total('2026-Q3')?.n).toBe(60);
		expect(total('2026-Q4')?.n).toBeNull();
		expect(total('2026')?.n).toBeNull();
		expect(total('2026-Q4')?.dimensions.mentaal.mean).toBeNull();
	});
});
