import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	InconsistentEquationsError,
	RowSpace,
	SpanOverflowError,
	nullSpace,
	someZeroOneSolution
} from './linear-span';

const dot = (a: readonly number[], b: readonly number[]) =>
	a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);

function rankOf(rows: number[][], width: number): number {
	const space = new RowSpace(width);
	for (const row of rows) space.add(row);
	return space.rank;
}

const matrix = fc
	.record({ width: fc.integer({ min: 1, max: 6 }), height: fc.integer({ min: 0, max: 6 }) })
	.chain(({ width, height }) =>
		fc.record({
			width: fc.constant(width),
			rows: fc.array(
				fc.array(fc.integer({ min: -2, max: 2 }), { minLength: width, maxLength: width }),
				{
					minLength: height,
					maxLength: height
				}
			)
		})
	);

describe('RowSpace', () => {
	// x + y = 5, y + z = 7, x + y + z = 9.
	const space = new RowSpace(3, 1);
	space.add([1, 1, 0, 5]);
	space.add([0, 1, 1, 7]);
	space.add([1, 1, 1, 9]);

	it('recovers what the equations fix, with its value', () => {
		expect(space.evaluate([1, 0, 0], 0)).toEqual({ numerator: 2n, denominator: 1n });
		expect(space.evaluate([0, 1, 0], 0)).toEqual({ numerator: 3n, denominator: 1n });
		expect(space.evaluate([0, 0, 2], 0)).toEqual({ numerator: 8n, denominator: 1n });
	});

	it('gives exact fractions', () => {
		const half = new RowSpace(1, 1);
		half.add([2, 3]);
		expect(half.evaluate([1], 0)).toEqual({ numerator: 3n, denominator: 2n });
	});

	it('does not recover what the equations leave open', () => {
		const open = new RowSpace(2, 1);
		open.add([1, 1, 5]);
		expect(open.contains([1, 0])).toBe(false);
		expect(open.evaluate([1, 0], 0)).toBeNull();
		expect(open.evaluate([2, 2], 0)).toEqual({ numerator: 10n, denominator: 1n });
	});

	it('refuses equations that contradict each other', () => {
		const contradiction = new RowSpace(1, 1);
		contradiction.add([1, 5]);
		expect(() => contradiction.add([1, 6])).toThrow(InconsistentEquationsError);
	});

	it('refuses to round rather than answer wrongly', () => {
		const big = new RowSpace(2);
		big.add([2 ** 40 + 1, 1]);
		expect(() => big.add([3, 2 ** 40])).toThrow(SpanOverflowError);
	});

	it('contains exactly the combinations of its rows (property)', () => {
		fc.assert(
			fc.property(
				matrix,
				fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 6 }),
				({ width, rows }, weights) => {
					const combination = Array.from({ length: width }, (_, j) =>
						rows.reduce((s, row, i) => s + (weights[i] ?? 0) * (row[j] ?? 0), 0)
					);
					const space = new RowSpace(width);
					for (const row of rows) space.add(row);
					expect(space.contains(combination)).toBe(true);
					// A vector is outside the span exactly when adding it raises the rank.
					const probe = combination.map((x, j) => (j === 0 ? x + 1 : x));
					expect(space.contains(probe)).toBe(rankOf([...rows, probe], width) === space.rank);
				}
			)
		);
	});
});

describe('nullSpace', () => {
	it('spans every solution of rows · x = 0 (property)', () => {
		fc.assert(
			fc.property(matrix, ({ width, rows }) => {
				const basis = nullSpace(rows, width);
				for (const x of basis) for (const row of rows) expect(dot(row, x)).toBe(0);
				expect(rankOf(basis, width)).toBe(basis.length);
				expect(basis.length).toBe(width - rankOf(rows, width));
			})
		);
	});
});

describe('someZeroOneSolution', () => {
	it('finds every non-empty 0/1 solution, and only those (property)', () => {
		fc.assert(
			fc.property(matrix, ({ width, rows }) => {
				const found: string[] = [];
				someZeroOneSolution(rows, width, (ones) => {
					found.push([...ones].sort((a, b) => a - b).join());
					return false;
				});
				const expected: string[] = [];
				for (let bits = 1; bits < 2 ** width; bits++) {
					const x = Array.from({ length: width }, (_, j) => Math.floor(bits / 2 ** j) % 2);
					if (rows.every((row) => dot(row, x) === 0))
						expected.push(x.flatMap((v, j) => (v ? [j] : [])).join());
				}
				expect(found.sort()).toEqual(expected.sort());
			})
		);
	});

	it('stops at the first solution the visitor accepts', () => {
		let visits = 0;
		const result = someZeroOneSolution([[1, -1, 0]], 3, () => ++visits === 1);
		expect(result).toBe(true);
		expect(visits).toBe(1);
	});

	it('says so when there are too many candidates to try', () => {
		expect(someZeroOneSolution([], 20, () => false)).toBe('too many');
	});
});
