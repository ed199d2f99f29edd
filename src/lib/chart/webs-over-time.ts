/**
 * The choices behind the view of webs over time, as pure functions: which webs lie over one
 * another and how each is drawn, and which webs the trend follows. WebsOverTime.svelte only draws
 * what these return.
 */
import type { DimensionId } from '$lib/domain/dimensions';
import type { WebEntry } from '$lib/domain/web-entry';
import { VARIANTS_BY_AGE, type ChartSeries, type SeriesVariant } from './chart-series';

/** Webs over one another in one chart: more than three outlines can no longer be told apart. */
export const MAX_OVERLAY = 3;
/**
 * The trend follows the newest finished webs, at most this many: a year of monthly webs. Older
 * ones are in the list; a line of a hundred points on a phone says no more than one of twelve.
 */
export const TREND_LENGTH = 12;

function newestFirst(entries: readonly WebEntry[]): WebEntry[] {
	return [...entries].sort((a, b) => b.date - a.date);
}

/**
 * What is shown before the person chooses: the newest finished web and the one before it. With
 * none finished, the newest web, so there is always something to look at.
 */
export function defaultOverlay(entries: readonly WebEntry[]): string[] {
	const sorted = newestFirst(entries);
	const finished = sorted.filter((e) => e.isComplete).slice(0, 2);
	if (finished.length > 0) return finished.map((e) => e.id);
	return sorted.slice(0, 1).map((e) => e.id);
}

/** Adds or removes one web. A fourth is not added: the person takes one away first. */
export function toggleOverlay(
	selected: readonly string[],
	id: string,
	max: number = MAX_OVERLAY
): string[] {
	if (selected.includes(id)) return selected.filter((s) => s !== id);
	return selected.length >= max ? [...selected] : [...selected, id];
}

/** The chosen webs that are in the list, newest first, at most three. */
export function overlayEntries(
	entries: readonly WebEntry[],
	selected: readonly string[]
): WebEntry[] {
	const chosen = new Set(selected);
	return newestFirst(entries.filter((e) => chosen.has(e.id))).slice(0, MAX_OVERLAY);
}

/**
 * The chosen webs as chart series: the newest solid, the next dashed, the oldest dotted, whatever
 * order they were chosen in. `text` gives each its column header and legend text.
 */
export function overlaySeries(
	entries: readonly WebEntry[],
	selected: readonly string[],
	text: (entry: WebEntry, variant: SeriesVariant) => { label: string; legend?: string }
): ChartSeries[] {
	return overlayEntries(entries, selected).map((entry, i) => {
		const variant = VARIANTS_BY_AGE[i] ?? 'earliest';
		return { id: entry.id, scores: entry.scores, variant, ...text(entry, variant) };
	});
}

/** The webs the trend follows: the newest `length` finished ones, oldest first (as time reads). */
export function trendEntries(
	entries: readonly WebEntry[],
	length: number = TREND_LENGTH
): WebEntry[] {
	return newestFirst(entries)
		.filter((e) => e.isComplete)
		.slice(0, length)
		.reverse();
}

/** One dimension's scores along the trend; null where a web has none for it. */
export function trendValues(trend: readonly WebEntry[], id: DimensionId): (number | null)[] {
	return trend.map((e) => e.scores[id]);
}

/**
 * A name per web for legends and table headers: its own label, else its day, and its day and time
 * where two webs shown together share a day (else two columns would read the same).
 */
export function entryNames(
	entries: readonly WebEntry[],
	day: (epochMs: number) => string,
	dayAndTime: (epochMs: number) => string
): Map<string, string> {
	const days = entries.map((e) => day(e.date));
	return new Map(
		entries.map((entry, i) => {
			if (entry.label) return [entry.id, entry.label];
			const isShared = days.some((d, j) => j !== i && d === days[i]);
			return [entry.id, isShared ? dayAndTime(entry.date) : (days[i] ?? '')];
		})
	);
}
