import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIMENSION_IDS } from '$lib/domain/dimensions';
import type { AggregateTables, Figures, PublishedTables } from './aggregate-tables';
import { cellId } from './relations';
import { MIN_GROUP_SIZE, suppress } from './suppression';
import { findDisclosures, formatDisclosure } from './testing/disclosures';
import { primaryOnly } from './testing/naive-rule';
import { populationArbitrary, tablesOf } from './testing/population';

const k = MIN_GROUP_SIZE;
// Each run protects and attacks every table of up to two years: about 0.1 s.
const runs = { numRuns: 30 };

/** Every shown figure that is not a group of 10 or more, or not the true one. */
function wrongFigures(published: PublishedTables, truth: AggregateTables): string[] {
	const lookup = new Map<string, Figures>(truth.rows.map((row) => [cellId(row), row]));
	const wrong: string[] = [];
	for (const row of published.years.flatMap((y) => y.rows)) {
		const f = lookup.get(cellId(row));
		const where = `${row.grouping} ${row.group ?? '(unknown)'} ${row.period}`;
		if (row.n !== null && (row.n < k || row.n !== f?.n)) wrong.push(`n ${row.n} in ${where}`);
		for (const d of DIMENSION_IDS) {
			const { answered, mean } = row.dimensions[d];
			if (answered === null && mean === null) continue;
			// A mean is never shown without the count it is over, nor in a cell whose n is hidden.
			const truthful =
				answered !== null &&
				mean !== null &&
				row.n !== null &&
				answered >= k &&
				answered === f?.dimensions[d].answered &&
				Math.abs(mean - f.dimensions[d].sum / answered) < 1e-9;
			if (!truthful) wrong.push(`${d} ${answered}/${mean} in ${where}`);
		}
	}
	return wrong;
}

describe('suppress: random populations', () => {
	it('shows only groups of 10 or more, with their true figures', { timeout: 60_000 }, () => {
		fc.assert(
			fc.property(populationArbitrary, ({ summaries, range }) => {
				const truth = tablesOf(summaries, range);
				const published = suppress(truth);
				expect(wrongFigures(published, truth)).toEqual([]);
				// Every (group, period) of every year is there, shown or hidden.
				const cells = published.years.reduce((s, y) => s + y.rows.length, 0);
				expect(new Set(published.years.flatMap((y) => y.rows.map(cellId))).size).toBe(cells);
			}),
			runs
		);
	});

	it('lets the attacker recover the count or sum of no group under 10', { timeout: 60_000 }, () => {
		fc.assert(
			fc.property(populationArbitrary, ({ summaries, range }) => {
				const truth = tablesOf(summaries, range);
				expect(findDisclosures(suppress(truth), truth).map(formatDisclosure)).toEqual([]);
			}),
			runs
		);
	});

	it(
		'primary suppression alone leaks: the same attacker recovers small groups',
		{ timeout: 60_000 },
		() => {
			const result = fc.check(
				fc.property(populationArbitrary, ({ summaries, range }) => {
					const truth = tablesOf(summaries, range);
					return findDisclosures(primaryOnly(truth), truth).length === 0;
				}),
				{ ...runs, endOnFailure: true }
			);
			expect(result.failed).toBe(true);
		}
	);
});
