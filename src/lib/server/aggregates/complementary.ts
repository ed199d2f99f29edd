import { nullSpace, someZeroOneSolution } from './linear-span';
import type { YearSystem } from './relations';

/**
 * Secondary (complementary) suppression for one measure of one year: given the cells already
 * hidden, hide more until no small group can be recalculated, then show again the hidden cells
 * that protect nothing. See README.md for the rule and why it is safe.
 */

export interface ProtectionProblem {
	system: YearSystem;
	/** The measure per cell: n, or a dimension's answered-count. */
	values: readonly number[];
	minGroupSize: number;
	/** Hidden from the start: every cell below the minimum, and any the caller must hide. */
	hidden: readonly boolean[];
	/** Whether a hidden cell that turns out recoverable may be shown after all. */
	mayShow: (cell: number) => boolean;
}

/** A group whose total must stay unknown: one small cell, or small cells of one sum together. */
type Target = readonly number[];

/** Hidden cells linked through sums that have hidden members, and those sums. */
interface Component {
	cells: number[];
	relations: number[];
}

export function protect(problem: ProtectionProblem): boolean[] {
	const { system, values, minGroupSize: k } = problem;
	const hidden = [...problem.hidden];
	const members = system.relations.map((r) => [r.parent, ...r.children]);
	const value = (c: number) => values[c] ?? 0;
	const bySize = (a: number, b: number) => value(a) - value(b) || a - b;
	const isTotal = (c: number) => (system.cells[c]?.grouping === 'total' ? 1 : 0);
	const totalsLast = (a: number, b: number) => isTotal(a) - isTotal(b);

	const isUnsafe = (r: number): boolean => {
		const relation = system.relations[r];
		if (!relation) return false;
		const rest = relation.children.filter((c) => hidden[c]);
		const hiddenMembers = rest.length + (hidden[relation.parent] ? 1 : 0);
		// One hidden member is the sum minus the others; with the sum shown, the hidden children
		// together are a group of their own.
		if (hiddenMembers === 1) return true;
		return (
			!hidden[relation.parent] && rest.length > 0 && rest.reduce((s, c) => s + value(c), 0) < k
		);
	};

	/** The local rule: in every sum, no hidden member alone and no small hidden rest. */
	const localPass = (): void => {
		for (;;) {
			const unsafe = new Set(system.relations.map((_, r) => r).filter(isUnsafe));
			const [first] = unsafe;
			if (first === undefined) return;
			// Hide another member: not a total if anything else will do (totals are what the
			// dashboard is most read for), then the one that repairs the most unsafe sums at once,
			// then the smallest.
			const repairs = (c: number) =>
				(system.relationsOf[c] ?? []).filter((r) => unsafe.has(r)).length;
			const [choice] = (members[first] ?? [])
				.filter((c) => !hidden[c])
				.sort((a, b) => totalsLast(a, b) || repairs(b) - repairs(a) || bySize(a, b));
			if (choice === undefined) return;
			hidden[choice] = true;
		}
	};

	const componentOf = (start: Target): Component => {
		const seen = new Set<number>(start);
		const sums = new Set<number>();
		const queue = [...start];
		for (let c = queue.pop(); c !== undefined; c = queue.pop()) {
			for (const r of system.relationsOf[c] ?? []) {
				if (sums.has(r)) continue;
				sums.add(r);
				for (const m of members[r] ?? []) {
					if (hidden[m] && !seen.has(m)) {
						seen.add(m);
						queue.push(m);
					}
				}
			}
		}
		return { cells: [...seen], relations: [...sums] };
	};

	/**
	 * The ways the hidden cells of a component can change together while every shown figure
	 * stays the same: the null space of its sums restricted to the hidden cells. A group's total
	 * is recoverable exactly when it is unchanged by every one of them.
	 */
	const freedom = (component: Component) => {
		const column = new Map(component.cells.map((c, i) => [c, i]));
		const rows = component.relations.map((r) => {
			const row = new Array<number>(component.cells.length).fill(0);
			const relation = system.relations[r];
			if (!relation) return row;
			const parent = column.get(relation.parent);
			if (parent !== undefined) row[parent] = -1;
			for (const child of relation.children) {
				const i = column.get(child);
				if (i !== undefined) row[i] = 1;
			}
			return row;
		});
		const moves = nullSpace(rows, component.cells.length);
		const isFixed = (target: Target) =>
			moves.every((m) => target.reduce((s, c) => s + (m[column.get(c) ?? -1] ?? 0), 0) === 0);
		return { moves, column, isFixed };
	};

	/** The small groups of a component that the shown figures fix. */
	const exposedIn = (component: Component): Target[] => {
		const { moves, column, isFixed } = freedom(component);
		const found: Target[] = component.cells
			.filter((c) => value(c) < k && isFixed([c]))
			.map((c) => [c]);
		for (const r of component.relations) {
			const small = (system.relations[r]?.children ?? []).filter((c) => hidden[c] && value(c) < k);
			const [a, b] = [...small].sort(bySize);
			if (a === undefined || b === undefined || value(a) + value(b) >= k) continue;
			let group: Target | undefined;
			const rows = moves
				.map((m) => small.map((c) => m[column.get(c) ?? -1] ?? 0))
				.filter((row) => row.some((x) => x !== 0));
			const outcome = someZeroOneSolution(rows, small.length, (ones) => {
				const cells = ones.map((i) => small[i] ?? 0);
				if (cells.length < 2 || cells.reduce((s, c) => s + value(c), 0) >= k) return false;
				group = cells;
				return true;
			});
			// Too many combinations to try: assume the worst of the whole small rest.
			if (outcome === 'too many') group = small;
			if (group) found.push(group);
		}
		return found;
	};

	const allExposed = (): Target[] => {
		const done = new Set<number>();
		const found: Target[] = [];
		hidden.forEach((isHidden, c) => {
			if (!isHidden || done.has(c)) return;
			const component = componentOf([c]);
			for (const cell of component.cells) done.add(cell);
			found.push(...exposedIn(component));
		});
		return found;
	};

	const isExposed = (target: Target): boolean => freedom(componentOf(target)).isFixed(target);

	for (;;) {
		localPass();
		const [target] = allExposed();
		if (!target) break;
		// A longer chain of sums still fixes it: hide the smallest neighbour that frees it, or
		// failing one, the smallest neighbour, and look again. Hiding only ever adds freedom, so
		// this ends, at worst with everything hidden.
		const visibleMembers = (relations: number[]) =>
			[...new Set(relations.flatMap((r) => members[r] ?? []))]
				.filter((c) => !hidden[c])
				.sort((a, b) => totalsLast(a, b) || bySize(a, b));
		let neighbours = visibleMembers(target.flatMap((c) => system.relationsOf[c] ?? []));
		if (neighbours.length === 0) neighbours = visibleMembers(componentOf(target).relations);
		const freeing = neighbours.find((c) => {
			hidden[c] = true;
			const fixed = isExposed(target);
			hidden[c] = false;
			return !fixed;
		});
		const choice = freeing ?? neighbours[0];
		// Cannot happen while every cell covers someone (README); should it, show nothing.
		if (choice === undefined) return hidden.map(() => true);
		hidden[choice] = true;
	}

	// A hidden cell that every table consistent with the shown figures agrees on protects
	// nothing: show it. The ways the hidden cells can change stay exactly as they were (each
	// already left it alone), and only cells of k or more are shown, so nothing that was unknown
	// becomes known.
	const visited = new Set<number>();
	hidden.forEach((isHidden, c) => {
		if (!isHidden || visited.has(c)) return;
		const component = componentOf([c]);
		const { isFixed } = freedom(component);
		for (const cell of component.cells) {
			visited.add(cell);
			if (value(cell) >= k && problem.mayShow(cell) && isFixed([cell])) hidden[cell] = false;
		}
	});
	return hidden;
}
