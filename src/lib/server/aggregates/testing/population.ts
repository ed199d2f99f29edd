import fc from 'fast-check';
import { DIMENSION_IDS, type DimensionId } from '$lib/domain/dimensions';
import type { AggregateTables, CubeRow } from '../aggregate-tables';
import { monthOfDay, type MonthRange } from '../periods';
import type { SystemOptions } from '../relations';
import { emptyFigures, rollUp } from '../roll-up';

/** A summary as the server holds it (only what the dashboard counts). */
export interface Summary {
	day: string;
	area: string | null;
	teamId: string | null;
	context: 'self' | 'conversation';
	scores: Record<DimensionId, number | null>;
}

export function scores(value: number | null = 7): Record<DimensionId, number | null> {
	return Object.fromEntries(DIMENSION_IDS.map((d) => [d, value])) as Record<
		DimensionId,
		number | null
	>;
}

/** `count` summaries alike, for hand-made cases. */
export function many(count: number, summary: Partial<Summary> & { day: string }): Summary[] {
	return Array.from({ length: count }, () => ({
		area: null,
		teamId: null,
		context: 'self' as const,
		scores: scores(),
		...summary
	}));
}

/** What `GROUP BY month, area, team, context` returns; sums in tenths, so they stay exact. */
export function cubeOf(summaries: readonly Summary[]): CubeRow[] {
	const cells = new Map<string, CubeRow>();
	for (const s of summaries) {
		const month = monthOfDay(s.day);
		const id = JSON.stringify([month, s.area, s.teamId, s.context]);
		let row = cells.get(id);
		if (!row) {
			row = { month, area: s.area, team: s.teamId, context: s.context, ...emptyFigures() };
			cells.set(id, row);
		}
		row.n++;
		for (const d of DIMENSION_IDS) {
			const score = s.scores[d];
			if (score === null) continue;
			row.dimensions[d].answered++;
			row.dimensions[d].sum =
				(Math.round(row.dimensions[d].sum * 10) + Math.round(score * 10)) / 10;
		}
	}
	return [...cells.values()];
}

export function tablesOf(
	summaries: readonly Summary[],
	range: MonthRange,
	options: SystemOptions = {}
): AggregateTables {
	return rollUp(cubeOf(summaries), range, undefined, options);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function monthAt(index: number): string {
	return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/** Picks an index by weight: `ticket` is any non-negative integer. */
function pick(weights: readonly number[], ticket: number): number {
	const total = weights.reduce((s, w) => s + w, 0);
	let t = ticket % total;
	for (let i = 0; i < weights.length; i++) {
		t -= weights[i] ?? 0;
		if (t < 0) return i;
	}
	return weights.length - 1;
}

export interface Population {
	range: MonthRange;
	summaries: Summary[];
}

/**
 * 0–400 summaries over 1–14 months (crossing a year boundary when longer than one month), 1–5
 * areas and "unknown", 0–3 teams and "no team", both contexts. Groups get uneven weights, so
 * that large and small groups sit side by side.
 */
export const populationArbitrary: fc.Arbitrary<Population> = fc
	.record({
		length: fc.integer({ min: 1, max: 14 }),
		offset: fc.nat({ max: 12 }),
		areaWeights: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 2, maxLength: 6 }),
		teamWeights: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 4 }),
		conversationWeight: fc.integer({ min: 0, max: 4 }),
		people: fc.array(
			fc.record({
				day: fc.nat(),
				area: fc.nat(),
				team: fc.nat(),
				context: fc.nat(),
				skips: fc.array(fc.nat({ max: 7 }), { minLength: 6, maxLength: 6 }),
				score: fc.integer({ min: 0, max: 100 })
			}),
			{ maxLength: 400, size: 'max' }
		)
	})
	.map(({ length, offset, areaWeights, teamWeights, conversationWeight, people }) => {
		// December 2024 is inside every range longer than a month.
		const december = 2024 * 12 + 11;
		const first = length === 1 ? december - offset : december - (offset % (length - 1));
		const range = { first: monthAt(first), last: monthAt(first + length - 1) };
		const areas = areaWeights.map((_, i) => (i === 0 ? null : `${pad(1000 + i * 111, 4)}`));
		const teams = teamWeights.map((_, i) => (i === 0 ? null : `team-${i}`));
		const summaries = people.map((p): Summary => ({
			day: `${monthAt(first + (p.day % length))}-${pad((p.day % 28) + 1)}`,
			area: areas[pick(areaWeights, p.area)] ?? null,
			teamId: teams[pick(teamWeights, p.team)] ?? null,
			context: p.context % 4 < conversationWeight ? 'conversation' : 'self',
			scores: Object.fromEntries(
				DIMENSION_IDS.map((d, i) => [
					d,
					// About one summary in eight leaves a given dimension open.
					p.skips[i] === 0 ? null : ((p.score + i * 17) % 101) / 10
				])
			) as Record<DimensionId, number | null>
		}));
		return { range, summaries };
	});

/** A steady pseudo-random stream (the same every run), for the fixed populations below. */
function stream(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

export interface YearShape {
	count: number;
	areas: number;
	teams: number;
	/** Above 1, a few areas and teams hold most people and the rest are small. */
	skew: number;
	seed: number;
}

/**
 * A year of summaries in 2025 as a municipality might see it: areas and teams of uneven size,
 * "unknown" and "no team" among them, most team summaries conversations, one in ten answers open.
 */
export function yearOfSummaries(shape: YearShape): Population {
	const next = stream(shape.seed);
	const pickSkewed = (n: number) => Math.min(n - 1, Math.floor(n * next() ** shape.skew));
	const summaries = Array.from({ length: shape.count }, (): Summary => {
		const area = pickSkewed(shape.areas + 1);
		const team = pickSkewed(shape.teams + 1);
		const month = Math.floor(next() * 12) + 1;
		return {
			day: `2025-${pad(month)}-${pad(Math.floor(next() * 28) + 1)}`,
			area: area === shape.areas ? null : String(1001 + area),
			teamId: team === shape.teams ? null : `team-${team + 1}`,
			context: team === shape.teams && next() < 0.8 ? 'self' : 'conversation',
			scores: Object.fromEntries(
				DIMENSION_IDS.map((d) => [d, next() < 0.1 ? null : Math.round(next() * 100) / 10])
			) as Record<DimensionId, number | null>
		};
	});
	return { range: { first: '2025-01', last: '2025-12' }, summaries };
}
