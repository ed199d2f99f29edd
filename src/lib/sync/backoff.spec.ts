import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF, MAX_RETRY_AFTER_MS, parseRetryAfter } from './backoff';

describe('backoffDelay', () => {
	it('doubles from 5 s to a 15-minute cap, at the top of its jitter', () => {
		const top = () => 1 - Number.EPSILON;
		const pauses = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 50].map((n) => backoffDelay(n, top));
		expect(pauses).toEqual([
			5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 640_000, 900_000, 900_000, 900_000
		]);
	});

	it('spreads each pause over its upper half, so devices that failed together come back apart', () => {
		expect(backoffDelay(1, () => 0)).toBe(2_500);
		expect(backoffDelay(1, () => 0.5)).toBe(3_750);
		expect(backoffDelay(4, () => 0)).toBe(20_000);
		const seen = new Set(Array.from({ length: 200 }, () => backoffDelay(3)));
		expect(seen.size).toBeGreaterThan(100);
		for (const pause of seen) {
			expect(pause).toBeGreaterThanOrEqual(10_000);
			expect(pause).toBeLessThan(20_000);
		}
	});

	it('takes its own base and cap (the tests use milliseconds)', () => {
		const top = () => 0.999999;
		const options = { baseMs: 5, capMs: 80 };
		expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, top, options))).toEqual([
			5, 10, 20, 40, 80, 80
		]);
		expect(DEFAULT_BACKOFF).toEqual({ baseMs: 5_000, capMs: 900_000 });
	});

	it('never overflows or goes below zero for odd counts', () => {
		expect(backoffDelay(10_000, () => 0.999)).toBeLessThanOrEqual(900_000);
		expect(backoffDelay(0, () => 0)).toBe(2_500);
		expect(backoffDelay(-3, () => 0)).toBe(2_500);
	});
});

describe('parseRetryAfter', () => {
	const now = Date.parse('2026-03-14T12:00:00Z');

	it.each([
		{ header: '30', expected: 30_000 },
		{ header: ' 0 ', expected: 0 },
		{ header: 'Sat, 14 Mar 2026 12:02:00 GMT', expected: 120_000 },
		{ header: 'Sat, 14 Mar 2026 11:00:00 GMT', expected: 0 },
		{ header: '86400', expected: MAX_RETRY_AFTER_MS },
		{ header: 'soon', expected: null },
		{ header: '-5', expected: null },
		{ header: null, expected: null }
	])('reads $header as $expected ms', ({ header, expected }) => {
		expect(parseRetryAfter(header, now)).toBe(expected);
	});
});
