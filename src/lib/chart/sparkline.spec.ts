import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sparkline } from './sparkline';

const BOX = { width: 100, height: 30, padding: 5 };

describe('sparkline', () => {
	it('runs from the first web at the start to the newest at the end, 10 at the top', () => {
		const line = sparkline([0, 5, 10], BOX);
		expect(line.points.map((p) => [p.x, p.y])).toEqual([
			[5, 25],
			[50, 15],
			[95, 5]
		]);
		expect(line.top).toBe(5);
		expect(line.bottom).toBe(25);
		expect(line.path).toBe('M5,25L50,15L95,5');
	});

	it('leaves a gap for a web without a score, and draws no point there', () => {
		const line = sparkline([6, null, 7, 8], BOX);
		expect(line.points.map((p) => p.index)).toEqual([0, 2, 3]);
		// One piece, from the third web to the fourth: never across the gap, never down to 0.
		expect(line.path.match(/M/g)).toHaveLength(1);
		expect(line.path.startsWith(`M${line.points[1]?.x}`)).toBe(true);
	});

	it('draws a lone score between gaps as a point only', () => {
		const line = sparkline([null, 4, null], BOX);
		expect(line.path).toBe('');
		expect(line.points).toEqual([{ index: 1, value: 4, x: 50, y: 17 }]);
	});

	it('puts a single web in the middle', () => {
		expect(sparkline([7], BOX).points[0]?.x).toBe(50);
		expect(sparkline([], BOX)).toEqual({ path: '', points: [], top: 5, bottom: 25 });
	});

	it('keeps every point inside its box, whatever the values (property)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.option(fc.double({ min: -50, max: 50, noNaN: true })), { maxLength: 20 }),
				(values) => {
					for (const p of sparkline(values, BOX).points) {
						expect(p.x).toBeGreaterThanOrEqual(5);
						expect(p.x).toBeLessThanOrEqual(95);
						expect(p.y).toBeGreaterThanOrEqual(5);
						expect(p.y).toBeLessThanOrEqual(25);
					}
				}
			)
		);
	});
});
