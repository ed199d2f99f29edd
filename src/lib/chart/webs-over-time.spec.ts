import { describe, expect, it } from 'vitest';
import { DIMENSION_IDS } from '$lib/domain/dimensions';
import type { DimensionScores } from '$lib/domain/scoring';
import type { WebEntry } from '$lib/domain/web-entry';
import {
	MAX_OVERLAY,
	TREND_LENGTH,
	defaultOverlay,
	entryNames,
	overlaySeries,
	toggleOverlay,
	trendEntries,
	trendValues
} from './webs-over-time';

const DAY = 86_400_000;

function scores(value: number | null): DimensionScores {
	return Object.fromEntries(DIMENSION_IDS.map((id) => [id, value])) as DimensionScores;
}

function entry(id: string, day: number, isComplete = true, value: number | null = day): WebEntry {
	return { id, date: day * DAY, scores: scores(value), isComplete };
}

/** Newest first, as the list gives them: d is finished last, c is not finished. */
const ENTRIES = [entry('d', 40), entry('c', 30, false), entry('b', 20), entry('a', 10)];

describe('defaultOverlay', () => {
	it('takes the newest finished web and the one before it', () => {
		expect(defaultOverlay(ENTRIES)).toEqual(['d', 'b']);
	});

	it('takes the newest web when none is finished, and nothing from nothing', () => {
		expect(defaultOverlay([entry('x', 5, false), entry('y', 2, false)])).toEqual(['x']);
		expect(defaultOverlay([])).toEqual([]);
	});
});

describe('toggleOverlay', () => {
	it('adds and removes a web', () => {
		expect(toggleOverlay(['d'], 'b')).toEqual(['d', 'b']);
		expect(toggleOverlay(['d', 'b'], 'd')).toEqual(['b']);
	});

	it(`never holds more than ${MAX_OVERLAY}`, () => {
		expect(toggleOverlay(['a', 'b', 'c'], 'd')).toEqual(['a', 'b', 'c']);
		expect(toggleOverlay(['a', 'b', 'c'], 'b')).toEqual(['a', 'c']);
	});
});

describe('overlaySeries', () => {
	const text = (e: WebEntry) => ({ label: e.id, legend: `${e.id}!` });

	it('draws the newest chosen web solid, the next dashed, the oldest dotted, in any order chosen', () => {
		const series = overlaySeries(ENTRIES, ['a', 'd', 'c'], text);
		expect(series.map((s) => [s.id, s.variant, s.legend])).toEqual([
			['d', 'current', 'd!'],
			['c', 'earlier', 'c!'],
			['a', 'earliest', 'a!']
		]);
		expect(series[2]?.scores).toEqual(scores(10));
	});

	it('leaves out a chosen web that is no longer in the list', () => {
		expect(overlaySeries(ENTRIES, ['gone', 'b'], text).map((s) => [s.id, s.variant])).toEqual([
			['b', 'current']
		]);
	});
});

describe('trendEntries', () => {
	it('follows the finished webs only, oldest first', () => {
		expect(trendEntries(ENTRIES).map((e) => e.id)).toEqual(['a', 'b', 'd']);
	});

	it(`follows at most the newest ${TREND_LENGTH}`, () => {
		const many = Array.from({ length: 30 }, (_, i) => entry(`w${i}`, 100 - i));
		const trend = trendEntries(many);
		expect(trend).toHaveLength(TREND_LENGTH);
		expect(trend.at(-1)?.id).toBe('w0');
		expect(trend[0]?.id).toBe('w11');
	});

	it("gives a dimension's scores along the trend, empty where a web has none", () => {
		const trend = trendEntries([entry('y', 2, true, null), entry('x', 1, true, 6.5)]);
		expect(trendValues(trend, 'meedoen')).toEqual([6.5, null]);
	});
});

describe('entryNames', () => {
	const day = (ms: number) => `day ${Math.floor(ms / DAY)}`;
	const dayAndTime = (ms: number) => `day ${Math.floor(ms / DAY)} at ${(ms % DAY) / 3_600_000}h`;

	it('names a web by its day, by day and time where two share a day, or by its own label', () => {
		const names = entryNames(
			[
				{ ...entry('late', 3), date: 3 * DAY + 15 * 3_600_000 },
				{ ...entry('early', 3), date: 3 * DAY + 9 * 3_600_000 },
				entry('other', 1),
				{ ...entry('labelled', 3), label: 'Gesprek 2' }
			],
			day,
			dayAndTime
		);
		expect([...names.values()]).toEqual(['day 3 at 15h', 'day 3 at 9h', 'day 1', 'Gesprek 2']);
	});
});
