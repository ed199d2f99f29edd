/**
 * A small line of one dimension's scores over several webs, oldest at the start: pure geometry
 * for TrendSparkline.svelte. A web without a score for the dimension leaves a gap, as in the
 * radar chart: never a 0 the person did not give.
 */
import { scaleLinear } from 'd3-scale';
import { curveLinear, line } from 'd3-shape';
import { SCORE_MAX, SCORE_MIN } from './radar-geometry';

export interface SparklineOptions {
	width: number;
	height: number;
	/** Room around the line so the dots at 0 and 10 are not cut off. */
	padding?: number;
}

export interface SparklinePoint {
	/** Place in the values given. */
	index: number;
	value: number;
	x: number;
	y: number;
}

export interface Sparkline {
	/** The line through neighbouring scores; a lone score between gaps is only its point. */
	path: string;
	points: SparklinePoint[];
	/** Where 10 and 0 lie, for the two faint guide lines. */
	top: number;
	bottom: number;
}

type Place = readonly [x: number, y: number];

const path = line<Place | null>()
	.defined((d) => d !== null)
	.x((d) => d?.[0] ?? 0)
	.y((d) => d?.[1] ?? 0)
	.curve(curveLinear)
	.digits(2);

export function sparkline(
	values: readonly (number | null)[],
	{ width, height, padding = 4 }: SparklineOptions
): Sparkline {
	const top = padding;
	const bottom = height - padding;
	const y = scaleLinear().domain([SCORE_MIN, SCORE_MAX]).range([bottom, top]).clamp(true);
	const step = values.length > 1 ? (width - 2 * padding) / (values.length - 1) : 0;
	const x = (index: number) => (values.length > 1 ? padding + index * step : width / 2);

	const places = values.map((value) =>
		typeof value === 'number' && Number.isFinite(value) ? value : null
	);
	const points: SparklinePoint[] = [];
	places.forEach((value, index) => {
		if (value !== null) points.push({ index, value, x: x(index), y: y(value) });
	});
	const d = path(places.map((value, index) => (value === null ? null : [x(index), y(value)])));
	// d3 writes a lone point as a move with nothing after it; its dot is drawn on its own.
	const pieces = (d ?? '').match(/M[^M]*/g) ?? [];
	return {
		path: pieces.filter((piece) => piece.includes('L')).join(''),
		points,
		top,
		bottom
	};
}
