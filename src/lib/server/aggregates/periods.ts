/**
 * The dashboard's fixed calendar periods: months `2025-03`, quarters `2025-Q1`, years `2025`.
 * A published range runs from a first to a last month; a quarter or a year that the range cuts
 * is still published, as the sum of its months inside the range.
 */

export type PeriodLevel = 'month' | 'quarter' | 'year';

export interface MonthRange {
	first: string;
	last: string;
}

export interface QuarterPeriods {
	key: string;
	months: string[];
}

/** One calendar year of a range: no published figure adds up across years. */
export interface YearPeriods {
	key: string;
	months: string[];
	quarters: QuarterPeriods[];
}

export const MONTH_KEY = /^\d{4}-(0[1-9]|1[0-2])$/;
export const PERIOD_KEY = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/;

export function periodLevel(key: string): PeriodLevel {
	if (/^\d{4}$/.test(key)) return 'year';
	return key.includes('Q') ? 'quarter' : 'month';
}

export function monthOfDay(day: string): string {
	return day.slice(0, 7);
}

export function quarterOfMonth(month: string): string {
	const m = Number(month.slice(5, 7));
	return `${month.slice(0, 4)}-Q${Math.ceil(m / 3)}`;
}

export function yearOf(period: string): string {
	return period.slice(0, 4);
}

function monthIndex(month: string): number {
	return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function monthAt(index: number): string {
	const year = Math.floor(index / 12);
	const m = (index % 12) + 1;
	return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

export function monthsInRange(range: MonthRange): string[] {
	const months: string[] = [];
	for (let i = monthIndex(range.first); i <= monthIndex(range.last); i++) months.push(monthAt(i));
	return months;
}

/** The range split into calendar years, each with its quarters and months, in order. */
export function yearsInRange(range: MonthRange): YearPeriods[] {
	const years: YearPeriods[] = [];
	for (const month of monthsInRange(range)) {
		const key = yearOf(month);
		let year = years.at(-1);
		if (year?.key !== key) {
			year = { key, months: [], quarters: [] };
			years.push(year);
		}
		year.months.push(month);
		const quarterKey = quarterOfMonth(month);
		let quarter = year.quarters.at(-1);
		if (quarter?.key !== quarterKey) {
			quarter = { key: quarterKey, months: [] };
			year.quarters.push(quarter);
		}
		quarter.months.push(month);
	}
	return years;
}

/** Every published period of a year: months, then quarters, then the year. */
export function periodsOfYear(year: YearPeriods): string[] {
	return [...year.months, ...year.quarters.map((q) => q.key), year.key];
}
