import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppress } from './suppression';
import type { Unknown } from './testing/attacker';
import { findDisclosures, formatDisclosure } from './testing/disclosures';
import { findIntersectionDisclosures, formatIntersection } from './testing/intersections';
import { populationArbitrary, tablesOf, type Population } from './testing/population';

// The server's rule: a web filled in alone never carries a team. Everyone who reads the dashboard
// may know it, so the attacker does too.
const knowledge = { isPossible: (u: Unknown) => u.team === null || u.context === 'conversation' };
const options = { teamsOnlyInConversation: true };

const withTeamsOnlyInConversation = populationArbitrary.map((p): Population => ({
	range: p.range,
	summaries: p.summaries.map((s) => (s.context === 'self' ? { ...s, teamId: null } : s))
}));

describe('suppress, when only conversations carry a team', () => {
	it(
		'lets an attacker who knows the rule recover no group under 10, rows or combinations',
		{ timeout: 120_000 },
		() => {
			fc.assert(
				fc.property(withTeamsOnlyInConversation, ({ summaries, range }) => {
					const truth = tablesOf(summaries, range, options);
					const published = suppress(truth, options);
					expect(
						findDisclosures(published, truth, published.minGroupSize, knowledge).map(
							formatDisclosure
						)
					).toEqual([]);
					expect(
						findIntersectionDisclosures(published, summaries, knowledge).map(formatIntersection)
					).toEqual([]);
				}),
				{ numRuns: 25 }
			);
		}
	);

	it('without the derived row, the same attacker finds conversations without a team', () => {
		const result = fc.check(
			fc.property(withTeamsOnlyInConversation, ({ summaries, range }) => {
				const published = suppress(tablesOf(summaries, range));
				return findIntersectionDisclosures(published, summaries, knowledge).length === 0;
			}),
			{ numRuns: 60, endOnFailure: true }
		);
		expect(result.failed).toBe(true);
	});
});
