import type { DimensionScores } from '$lib/domain/scoring';

/** `current` is the web being looked at; `earlier` is one to compare with (a dashed outline). */
export type SeriesVariant = 'current' | 'earlier';

/** One web to draw: the chart and its table take the same list, so they always show the same numbers. */
export interface ChartSeries {
	id: string;
	/** Shown in the legend and as the table's column header; for an earlier web, with its date. */
	label: string;
	scores: DimensionScores;
	variant: SeriesVariant;
}
