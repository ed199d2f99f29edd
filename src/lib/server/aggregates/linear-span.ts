/**
 * Exact linear algebra for the disclosure checks, on integer vectors: Gaussian elimination
 * without fractions (a row is scaled by the other row's pivot rather than divided by it, then
 * divided by the gcd of its entries). The matrices here are sums of 0/±1 relations, whose entries
 * stay small; should one ever outgrow a double's exact integers, `SpanOverflowError` is thrown
 * rather than a rounded answer given.
 */

export class SpanOverflowError extends Error {
	constructor() {
		super('An entry outgrew the exact integer range during elimination');
		this.name = 'SpanOverflowError';
	}
}

export class InconsistentEquationsError extends Error {
	constructor() {
		super('The equations contradict each other: 0 = a non-zero value');
		this.name = 'InconsistentEquationsError';
	}
}

type Vector = number[] | Float64Array;

function gcd(a: number, b: number): number {
	let x = Math.abs(a);
	let y = Math.abs(b);
	while (y !== 0) [x, y] = [y, x % y];
	return x;
}

function bigGcd(a: bigint, b: bigint): bigint {
	let x = a < 0n ? -a : a;
	let y = b < 0n ? -b : b;
	while (y !== 0n) [x, y] = [y, x % y];
	return x;
}

function exact(value: number): number {
	if (!Number.isSafeInteger(value)) throw new SpanOverflowError();
	return value;
}

/** Clears v at column p with `row` (whose entry at p is non-zero), keeping v integer and primitive. */
function eliminate(v: Vector, row: Vector, p: number): void {
	const b = v[p] ?? 0;
	if (b === 0) return;
	const a = row[p] ?? 0;
	const g = gcd(a, b);
	const ra = a / g;
	const rb = b / g;
	let common = 0;
	for (let j = 0; j < v.length; j++) {
		const x = v[j] ?? 0;
		const y = row[j] ?? 0;
		if (x === 0 && y === 0) continue;
		const r = exact(exact(x * ra) - exact(y * rb));
		v[j] = r;
		common = gcd(common, r);
	}
	if (common > 1) for (let j = 0; j < v.length; j++) v[j] = (v[j] ?? 0) / common;
}

function firstNonZero(v: Vector, width: number): number {
	for (let j = 0; j < width; j++) if (v[j] !== 0) return j;
	return -1;
}

/** Reduced row echelon form: every pivot is the only non-zero entry of its column. */
function reducedEchelon(
	rows: readonly Vector[],
	width: number
): { rows: number[][]; pivots: number[] } {
	const echelon: number[][] = [];
	const pivots: number[] = [];
	for (const source of rows) {
		const v = Array.from(source);
		echelon.forEach((e, i) => eliminate(v, e, pivots[i] ?? 0));
		const pivot = firstNonZero(v, width);
		if (pivot === -1) continue;
		for (const e of echelon) eliminate(e, v, pivot);
		echelon.push(v);
		pivots.push(pivot);
	}
	return { rows: echelon, pivots };
}

/** Integer vectors spanning {x : row · x = 0 for every row}. */
export function nullSpace(rows: readonly Vector[], width: number): number[][] {
	const { rows: echelon, pivots } = reducedEchelon(rows, width);
	const isPivot = new Set(pivots);
	const basis: number[][] = [];
	for (let f = 0; f < width; f++) {
		if (isPivot.has(f)) continue;
		let scale = 1;
		echelon.forEach((e, i) => {
			const p = Math.abs(e[pivots[i] ?? 0] ?? 1);
			if ((e[f] ?? 0) !== 0) scale = exact((scale / gcd(scale, p)) * p);
		});
		const x = new Array<number>(width).fill(0);
		x[f] = scale;
		echelon.forEach((e, i) => {
			const p = pivots[i] ?? 0;
			if ((e[f] ?? 0) !== 0) x[p] = exact((-(e[f] ?? 0) * scale) / (e[p] ?? 1));
		});
		basis.push(x);
	}
	return basis;
}

/**
 * Calls `visit` with each non-empty 0/1 vector x (as the list of its ones) such that
 * row · x = 0 for every row, until `visit` returns true; returns false when there are more than
 * 2^maxFree candidates to try (the caller then assumes the worst).
 */
export function someZeroOneSolution(
	rows: readonly Vector[],
	width: number,
	visit: (ones: number[]) => boolean,
	maxFree = 14
): boolean | 'too many' {
	const { rows: echelon, pivots } = reducedEchelon(rows, width);
	const isPivot = new Set(pivots);
	const free = Array.from({ length: width }, (_, j) => j).filter((j) => !isPivot.has(j));
	if (free.length > maxFree) return 'too many';
	for (let bits = 1; bits < 2 ** free.length; bits++) {
		const ones = free.filter((_, i) => Math.floor(bits / 2 ** i) % 2 === 1);
		let valid = true;
		for (const [i, e] of echelon.entries()) {
			const p = pivots[i] ?? 0;
			const rest = ones.reduce((s, f) => s - (e[f] ?? 0), 0);
			if (rest === 0) continue;
			if (rest === e[p]) ones.push(p);
			else {
				valid = false;
				break;
			}
		}
		if (valid && visit(ones)) return true;
	}
	return false;
}

export interface Fraction {
	numerator: bigint;
	denominator: bigint;
}

/**
 * The row space of vectors with `width` coefficients followed by `extra` right-hand sides (known
 * values carried along, so a recovered combination can be evaluated), built one vector at a
 * time. Pivots are only taken among the coefficients.
 */
export class RowSpace {
	readonly width: number;
	readonly extra: number;
	readonly #rows: Float64Array[] = [];
	readonly #pivots: number[] = [];

	constructor(width: number, extra = 0) {
		this.width = width;
		this.extra = extra;
	}

	get rank(): number {
		return this.#rows.length;
	}

	/** Adds a vector (length width + extra); true if it was independent of those before it. */
	add(vector: ArrayLike<number>): boolean {
		const v = Float64Array.from(vector);
		if (v.length !== this.width + this.extra) throw new RangeError('Vector of the wrong length');
		this.#reduce(v);
		const pivot = firstNonZero(v, this.width);
		if (pivot === -1) {
			for (let j = this.width; j < v.length; j++)
				if (v[j] !== 0) throw new InconsistentEquationsError();
			return false;
		}
		this.#rows.push(v);
		this.#pivots.push(pivot);
		return true;
	}

	/** Whether the coefficients (length width) are a linear combination of the rows added. */
	contains(coefficients: ArrayLike<number>): boolean {
		const v = new Float64Array(this.width + this.extra);
		for (let j = 0; j < this.width; j++) v[j] = coefficients[j] ?? 0;
		this.#reduce(v);
		return firstNonZero(v, this.width) === -1;
	}

	/**
	 * The value of `coefficients · x` for every x that satisfies the rows added, read from the
	 * right-hand side `column`; null when the rows do not determine it. Exact (BigInt); meant for
	 * the few combinations that turn out recoverable.
	 */
	evaluate(coefficients: ArrayLike<number>, column: number): Fraction | null {
		if (!this.contains(coefficients)) return null;
		const size = this.width + this.extra;
		const v = Array.from({ length: size }, (_, j) =>
			j < this.width ? BigInt(coefficients[j] ?? 0) : 0n
		);
		let scale = 1n;
		this.#rows.forEach((row, i) => {
			const p = this.#pivots[i] ?? 0;
			const b = v[p] ?? 0n;
			if (b === 0n) return;
			const a = BigInt(row[p] ?? 0);
			const g = bigGcd(a, b);
			for (let j = 0; j < size; j++) v[j] = (v[j] ?? 0n) * (a / g) - BigInt(row[j] ?? 0) * (b / g);
			scale *= a / g;
		});
		// Now scale · (coefficients · x) + (what is left on the right) = 0.
		let numerator = -(v[this.width + column] ?? 0n);
		let denominator = scale;
		if (denominator < 0n) [numerator, denominator] = [-numerator, -denominator];
		const g = bigGcd(numerator, denominator) || 1n;
		return { numerator: numerator / g, denominator: denominator / g };
	}

	/** Eliminates the pivots of the rows so far from v, in the order they were added. */
	#reduce(v: Float64Array): void {
		this.#rows.forEach((row, i) => eliminate(v, row, this.#pivots[i] ?? 0));
	}
}
