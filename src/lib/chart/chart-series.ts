import type { DimensionScores } from '$lib/domain/scoring';

/**
 * How a web is drawn, by its place among the webs shown together: `current` (the newest, or the
 * one being looked at) a solid outline over a soft fill; `earlier` a dashed outline; `earliest`
 * a dotted one. The line style carries the difference, so it holds without colour and in print.
 */
export type SeriesVariant = 'current' | 'earlier' | 'earliest';

/** The variants newest first: a list of up to three webs, newest first, takes them in this order. */
export const VARIANTS_BY_AGE: readonly SeriesVariant[] = ['current', 'earlier', 'earliest'];

/** One web to draw: the chart and its table take the same list, so they always show the same numbers. */
export interface ChartSeries {
	id: string;
	/** The table's column header; for an earlier web, with its date. */
	label: string;
	/** The legend's text, when it should say more than the header (the line style in words). */
	legend?: string;
	scores: DimensionScores;
	variant: SeriesVariant;
}
