import { describe, expect, it } from 'vitest';
import { DIMENSION_IDS } from '$lib/domain/dimensions';
import { suppress } from './suppression';
import { tablesOf, yearOfSummaries, type YearShape } from './testing/population';

/**
 * What the rule costs a coordinator: how much of the dashboard reads "—". The figures are the
 * ones in README.md ("What it costs"); a change to the rule that hides more fails here.
 */
function hiddenShares(shape: Omit<YearShape, 'seed'>, seeds: number[]) {
	let cells = 0;
	let hidden = 0;
	let means = 0;
	let hiddenMeans = 0;
	let hiddenTotals = 0;
	for (const seed of seeds) {
		const { summaries, range } = yearOfSummaries({ ...shape, seed });
		for (const row of suppress(tablesOf(summaries, range)).years.flatMap((y) => y.rows)) {
			cells++;
			if (row.n === null) hidden++;
			if (row.n === null && row.grouping === 'total') hiddenTotals++;
			for (const d of DIMENSION_IDS) {
				means++;
				if (row.dimensions[d].mean === null) hiddenMeans++;
			}
		}
	}
	return { cells: (100 * hidden) / cells, means: (100 * hiddenMeans) / means, hiddenTotals };
}

describe('what the rule costs', () => {
	it.each([
		{ count: 400, areas: 5, teams: 3, seeds: [1], cells: 61.5, means: 65.3 },
		{ count: 1000, areas: 5, teams: 3, seeds: [1, 2, 3, 4, 5], cells: 26.1, means: 33.2 },
		{ count: 3000, areas: 8, teams: 4, seeds: [1, 2, 3], cells: 1.8, means: 3.3 }
	])(
		'a year of $count summaries, $areas areas, $teams teams: at most $cells % of cells hidden',
		{ timeout: 30_000 },
		({ seeds, cells, means, ...shape }) => {
			const shares = hiddenShares({ ...shape, skew: 1.8 }, seeds);
			expect(shares.cells).toBeLessThanOrEqual(cells + 0.05);
			expect(shares.means).toBeLessThanOrEqual(means + 0.05);
			// Every total of these years is 10 or more, and the rule keeps them all.
			expect(shares.hiddenTotals).toBe(0);
		}
	);
});
