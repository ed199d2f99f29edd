import { describe, expect, it } from 'vitest';
import { monthsInRange, periodLevel, periodsOfYear, quarterOfMonth, yearsInRange } from './periods';

describe('periods', () => {
	it('splits a range across a year boundary into calendar years and quarters', () => {
		expect(yearsInRange({ first: '2024-11', last: '2025-02' })).toEqual([
			{
				key: '2024',
				months: ['2024-11', '2024-12'],
				quarters: [{ key: '2024-Q4', months: ['2024-11', '2024-12'] }]
			},
			{
				key: '2025',
				months: ['2025-01', '2025-02'],
				quarters: [{ key: '2025-Q1', months: ['2025-01', '2025-02'] }]
			}
		]);
	});

	it('lists months, then quarters, then the year', () => {
		const [year] = yearsInRange({ first: '2025-03', last: '2025-04' });
		expect(year && periodsOfYear(year)).toEqual([
			'2025-03',
			'2025-04',
			'2025-Q1',
			'2025-Q2',
			'2025'
		]);
	});

	it.each([
		['2025-01', '2025-Q1'],
		['2025-03', '2025-Q1'],
		['2025-04', '2025-Q2'],
		['2025-12', '2025-Q4']
	])('%s is in %s', (month, quarter) => {
		expect(quarterOfMonth(month)).toBe(quarter);
	});

	it('knows a period by its key', () => {
		expect(['2025-07', '2025-Q3', '2025'].map(periodLevel)).toEqual(['month', 'quarter', 'year']);
	});

	it('has no months in a range that ends before it starts', () => {
		expect(monthsInRange({ first: '2025-05', last: '2025-04' })).toEqual([]);
	});
});
