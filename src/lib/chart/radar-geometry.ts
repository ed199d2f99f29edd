/**
 * The geometry of the spider web: pure math on d3-scale and d3-shape, no DOM and no Svelte, so it
 * can be tested directly and reused by the PDF. RadarChart.svelte only writes the numbers out.
 * Where the labels go, and so how large the web can be, is worked out in radar-labels.ts.
 *
 * Coordinates: the viewBox is placed so that the centre of the web is the origin (0, 0). d3's
 * radial generators work around the origin, so their paths, the axes, the points and the labels
 * all share one coordinate space with no translate in between. One unit is one CSS pixel at the
 * measured width. Angles follow d3: radians, 0 at 12 o'clock, growing clockwise.
 *
 * Cost: `radarLayout` depends only on the width and the label texts, so the component derives it
 * once per resize or language; `radarShape` is what runs on every slider move.
 */
import { scaleLinear } from 'd3-scale';
import { curveLinear, curveLinearClosed, lineRadial, pointRadial } from 'd3-shape';
import { DIMENSION_IDS, type DimensionId } from '$lib/domain/dimensions';
import type { DimensionScores } from '$lib/domain/scoring';
import { splitLabel } from './label-text';
import {
	fitRadius,
	measureLabels,
	placeLabels,
	type Box,
	type LabelMetrics,
	type Point,
	type RadarLabel
} from './radar-labels';

export { splitLabel };
export type { Box, LabelBaseline, LabelLine, Point, RadarLabel, TextAnchor } from './radar-labels';

export const SCORE_MIN = 0;
export const SCORE_MAX = 10;
export const RING_VALUES = [0, 2, 4, 6, 8, 10] as const;
/** The width used before the chart's box has been measured (and in tests without layout). */
export const DEFAULT_CHART_WIDTH = 360;
/** Radius of the small dot at the end of each axis; labels keep clear of it. */
export const AXIS_DOT_RADIUS = 4;

export interface RadarRing {
	value: (typeof RING_VALUES)[number];
	radius: number;
	/** Closed hexagon through the axes at this value; empty for the ring at 0 (the centre). */
	d: string;
}

export interface RadarAxis {
	id: DimensionId;
	index: number;
	angle: number;
	/** The axis runs from the centre (0, 0) to this end point on the outer ring. */
	end: Point;
}

export interface RadarLayout {
	width: number;
	height: number;
	/** `min-x min-y width height` for the svg's viewBox attribute. */
	viewBox: string;
	viewBoxRect: Box;
	centre: Point;
	radius: number;
	fontSize: number;
	lineHeight: number;
	rings: RadarRing[];
	axes: RadarAxis[];
	labels: RadarLabel[];
}

export interface RadarLayoutOptions {
	/** Width of the chart in CSS px. */
	width: number;
	/** The text per axis, in the person's language. */
	labels: Readonly<Record<DimensionId, string>>;
	/** Label font size in px; by default 14 px on narrow screens (never less), up to 16 px. */
	fontSize?: number;
}

export interface RadarPoint extends Point {
	id: DimensionId;
	value: number;
}

export interface RadarShape {
	/** Stroke path: closed when every axis has a score, else open pieces between answered neighbours. */
	outline: string;
	/** Fill path: the polygon, or only the wedges between two answered neighbours. */
	area: string;
	/** One point per answered axis; an axis without a score has none. */
	points: RadarPoint[];
	isComplete: boolean;
}

const AXIS_COUNT = DIMENSION_IDS.length;
const EDGE_PADDING = 4;
const MAX_RADIUS_SHARE = 0.36;
const LINE_HEIGHT = 1.25;

type Polar = readonly [angle: number, radius: number];

// Generators are built once: building them per call would show on every slider move.
const closedLine = lineRadial<Polar>()
	.angle((d) => d[0])
	.radius((d) => d[1])
	.curve(curveLinearClosed)
	.digits(2);

const openLine = lineRadial<Polar | null>()
	.defined((d) => d !== null)
	.angle((d) => d?.[0] ?? 0)
	.radius((d) => d?.[1] ?? 0)
	.curve(curveLinear)
	.digits(2);

/** Angle of the axis at `index`: the first axis at the top, then clockwise. */
export function axisAngle(index: number, count: number = AXIS_COUNT): number {
	return (index * 2 * Math.PI) / count;
}

const ANGLES = DIMENSION_IDS.map((_, index) => axisAngle(index));

function polarPoint(angle: number, radius: number): Point {
	const [x, y] = pointRadial(angle, radius);
	// Clean the float noise of sin(π) and friends, so a label at the bottom is exactly centred.
	return { x: Math.abs(x) < 1e-9 ? 0 : x, y: Math.abs(y) < 1e-9 ? 0 : y };
}

function defaultFontSize(width: number): number {
	if (width < 400) return 14;
	if (width < 640) return 15;
	return 16;
}

/** Characters per label line: about a quarter of the width, so side labels leave the web room. */
function maxCharsPerLine(width: number, fontSize: number): number {
	return Math.max(8, Math.floor(width / (fontSize * 1.9)));
}

export function radarLayout({ width, labels, fontSize: size }: RadarLayoutOptions): RadarLayout {
	const fontSize = size ?? defaultFontSize(width);
	const metrics: LabelMetrics = {
		fontSize,
		lineHeight: fontSize * LINE_HEIGHT,
		edgePadding: EDGE_PADDING,
		gap: AXIS_DOT_RADIUS + Math.round(fontSize * 0.45)
	};
	const half = width / 2;

	const texts = measureLabels(
		DIMENSION_IDS,
		ANGLES,
		labels,
		maxCharsPerLine(width, fontSize),
		metrics
	);
	// Absurdly long words could push the radius to nothing; keep a web that can still be read.
	const radius = Math.max(fitRadius(texts, width, width * MAX_RADIUS_SHARE, metrics), fontSize * 2);
	const labelList: RadarLabel[] = placeLabels(texts, radius, metrics);

	const axes: RadarAxis[] = texts.map((t, index) => ({
		id: t.id,
		index,
		angle: t.angle,
		end: polarPoint(t.angle, radius)
	}));

	// The height follows from the content, so a narrow phone gets no empty bands above and below.
	const dotReach = radius + AXIS_DOT_RADIUS;
	const minY = Math.min(-dotReach, ...labelList.map((l) => l.box.y)) - EDGE_PADDING;
	const maxY = Math.max(dotReach, ...labelList.map((l) => l.box.y + l.box.height)) + EDGE_PADDING;
	const viewBoxRect: Box = {
		x: -half,
		y: Math.floor(minY),
		width,
		height: Math.ceil(maxY) - Math.floor(minY)
	};

	const scale = ringScale(radius);
	const rings: RadarRing[] = RING_VALUES.map((value) => ({
		value,
		radius: scale(value),
		d: value === 0 ? '' : (closedLine(ANGLES.map((angle) => [angle, scale(value)])) ?? '')
	}));

	return {
		width,
		height: viewBoxRect.height,
		viewBox: `${viewBoxRect.x} ${viewBoxRect.y} ${viewBoxRect.width} ${viewBoxRect.height}`,
		viewBoxRect,
		centre: { x: 0, y: 0 },
		radius,
		fontSize,
		lineHeight: metrics.lineHeight,
		rings,
		axes,
		labels: labelList
	};
}

/** A web without labels: its rings and axes around the origin, for a small picture of a web. */
export interface RadarFrame {
	radius: number;
	/** `min-x min-y width height`: the outer ring and the axis dots, with `margin` around them. */
	viewBox: string;
	/** Closed hexagons through the axes at the given values. */
	rings: { value: number; d: string }[];
	axes: RadarAxis[];
}

/**
 * The frame of a small web (a thumbnail in a list): the same angles and scale as the large one,
 * so a shape from `radarShape({ radius }, scores)` sits in it exactly. Only the rings asked for
 * are drawn; a small picture with six rings is only lines.
 */
export function radarFrame(
	radius: number,
	ringValues: readonly number[] = [5, 10],
	margin = 2
): RadarFrame {
	const scale = ringScale(radius);
	const side = 2 * (radius + margin);
	return {
		radius,
		viewBox: `${-radius - margin} ${-radius - margin} ${side} ${side}`,
		rings: ringValues.map((value) => ({
			value,
			d: closedLine(ANGLES.map((angle) => [angle, scale(value)])) ?? ''
		})),
		axes: DIMENSION_IDS.map((id, index) => ({
			id,
			index,
			angle: ANGLES[index] ?? 0,
			end: polarPoint(ANGLES[index] ?? 0, radius)
		}))
	};
}

/** Score to distance from the centre. Clamped: a corrupt stored value never leaves the web. */
function ringScale(radius: number) {
	return scaleLinear().domain([SCORE_MIN, SCORE_MAX]).range([0, radius]).clamp(true);
}

function isDrawable(score: number | null | undefined): score is number {
	return typeof score === 'number' && Number.isFinite(score);
}

/**
 * The shape of one series of scores.
 *
 * An axis without a score (null) is not a 0: a 0 would pull the outline into the centre and say
 * "not at all", which the person never said. Connecting the neighbours across it instead would
 * make the line cross that axis at a made-up value. So the shape leaves a gap: the outline is
 * drawn only between two neighbouring axes that both have a score, the soft fill covers only the
 * wedges between such neighbours, and the empty axis gets no point. With every axis answered the
 * wedges add up to the ordinary closed polygon. The table beside the chart says "empty" in words.
 */
export function radarShape(
	layout: Pick<RadarLayout, 'radius'>,
	scores: DimensionScores
): RadarShape {
	const scale = ringScale(layout.radius);
	const polar: (Polar | null)[] = DIMENSION_IDS.map((id, index) => {
		const score = scores[id];
		return isDrawable(score) ? [ANGLES[index] ?? 0, scale(score)] : null;
	});

	const points: RadarPoint[] = [];
	DIMENSION_IDS.forEach((id, index) => {
		const p = polar[index];
		const score = scores[id];
		if (p && isDrawable(score)) points.push({ id, value: score, ...polarPoint(p[0], p[1]) });
	});

	const answered = polar.filter((p): p is Polar => p !== null);
	if (answered.length === AXIS_COUNT) {
		const d = closedLine(answered) ?? '';
		return { outline: d, area: d, points, isComplete: true };
	}

	// Walk once around (the first axis again at the end) so the last-to-first edge is included.
	// An answered axis between two empty ones makes a one-point piece (`Mx,yZ`): its point is
	// drawn on its own, so the piece is dropped.
	const walk = answered.length > 1 ? (openLine([...polar, polar[0] ?? null]) ?? '') : '';
	const outline = walk.replace(/M[^LMZ]*Z/g, '');
	let area = '';
	for (let i = 0; i < AXIS_COUNT; i++) {
		const from = polar[i];
		const to = polar[(i + 1) % AXIS_COUNT];
		if (from && to) area += closedLine([[from[0], 0], from, to]) ?? '';
	}
	return { outline, area, points, isComplete: false };
}
