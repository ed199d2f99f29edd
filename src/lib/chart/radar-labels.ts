/**
 * Where the axis labels go, and how large the web may be beside them. Pure math, used by
 * radar-geometry.ts; coordinates are around the centre of the web at (0, 0), y pointing down.
 *
 * On a phone the labels, not the web, are what need the width: a label at the side cannot wrap
 * below its longest word ("functioneren"). So the side labels sit diagonally outside their axis
 * end, above it for the upper axes and below it for the lower ones, and tuck in over the slanted
 * edge of the web as far as they can while keeping clear of it. That leaves the web about a
 * quarter more radius than labels set straight beside the axis ends. The labels at the top and
 * bottom are centred; where a side label comes close, they move out to make room.
 */
import type { DimensionId } from '$lib/domain/dimensions';
import { estimateTextWidth, splitLabel } from './label-text';

export interface Point {
	x: number;
	y: number;
}

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** Physical anchor: the chart keeps `direction: ltr`, so `start` always grows to the right. */
export type TextAnchor = 'start' | 'middle' | 'end';

/**
 * Where the label's block of lines sits relative to its anchor `y`: `auto` above it (the block
 * ends at y), `hanging` below it (the block starts at y), `middle` centred on it.
 */
export type LabelBaseline = 'auto' | 'middle' | 'hanging';

export interface LabelLine {
	text: string;
	x: number;
	/** Alphabetic baseline of this line, so no `dominant-baseline` support is needed. */
	y: number;
}

export interface RadarLabel {
	id: DimensionId;
	x: number;
	y: number;
	anchor: TextAnchor;
	baseline: LabelBaseline;
	lines: LabelLine[];
	/** Estimated extent of the text, generous (as if bold); used to keep labels apart. */
	box: Box;
}

/** A label's text, wrapped and measured, before it has a place. */
export interface LabelText {
	id: DimensionId;
	angle: number;
	sin: number;
	cos: number;
	lines: string[];
	width: number;
	height: number;
}

export interface LabelMetrics {
	fontSize: number;
	lineHeight: number;
	/** Room kept around the chart's edge. */
	edgePadding: number;
	/** Room between the end of an axis (with its dot) and a label straight above or below it. */
	gap: number;
}

/** Distance from the centre of a line box down to its alphabetic baseline, in em. */
const BASELINE_OFFSET = 0.35;
/** Least room between a side label and the web's edge. */
const EDGE_CLEARANCE = 4;

const isLevel = (value: number) => Math.abs(value) < 1e-6;

/** How far a side label is lifted above (or dropped below) the end of its axis. */
function sideLift(metrics: LabelMetrics): number {
	return metrics.gap + 2;
}

/**
 * How far a lifted side label may start inside its axis end. The web's edge leaves the axis end at
 * 30° from level, so a corner lifted by `lift` stays `EDGE_CLEARANCE` clear of it when tucked in
 * by at most √3·lift − 2·clearance. (Six axes; the layout tests check the result for any width.)
 */
function sideTuck(metrics: LabelMetrics): number {
	return Math.max(0, Math.sqrt(3) * sideLift(metrics) - 2 * EDGE_CLEARANCE);
}

export function measureLabels(
	ids: readonly DimensionId[],
	angles: readonly number[],
	texts: Readonly<Record<DimensionId, string>>,
	maxChars: number,
	metrics: LabelMetrics
): LabelText[] {
	return ids.map((id, index) => {
		const angle = angles[index] ?? 0;
		const lines = splitLabel(texts[id], maxChars);
		return {
			id,
			angle,
			sin: Math.sin(angle),
			cos: Math.cos(angle),
			lines,
			width: Math.max(...lines.map((line) => estimateTextWidth(line, metrics.fontSize))),
			height: lines.length * metrics.lineHeight
		};
	});
}

/** The largest radius at which every side label keeps its full width inside `width`. */
export function fitRadius(
	labels: readonly LabelText[],
	width: number,
	maxRadius: number,
	metrics: LabelMetrics
): number {
	const room = width / 2 - metrics.edgePadding;
	let radius = maxRadius;
	for (const label of labels) {
		const side = Math.abs(label.sin);
		if (isLevel(side)) continue; // top and bottom labels are centred: they cost height only
		const inset = isLevel(label.cos) ? -metrics.gap : sideTuck(metrics);
		radius = Math.min(radius, (room - label.width + inset) / side);
	}
	return radius;
}

function overlapsHorizontally(a: Box, b: Box, spacing: number): boolean {
	return a.x < b.x + b.width + spacing && b.x < a.x + a.width + spacing;
}

export function placeLabels(
	labels: readonly LabelText[],
	radius: number,
	metrics: LabelMetrics
): RadarLabel[] {
	const lift = sideLift(metrics);
	const tuck = sideTuck(metrics);
	const spacing = Math.round(metrics.fontSize * 0.25);

	type Placed = Omit<RadarLabel, 'lines'> & { text: LabelText };
	const sides: Placed[] = [];
	const ends: LabelText[] = [];

	for (const text of labels) {
		if (isLevel(text.sin)) {
			ends.push(text);
			continue;
		}
		const anchor: TextAnchor = text.sin > 0 ? 'start' : 'end';
		const direction = text.sin > 0 ? 1 : -1;
		const endX = radius * text.sin;
		const endY = -radius * text.cos;
		let x: number;
		let y: number;
		let top: number;
		let baseline: LabelBaseline;
		if (isLevel(text.cos)) {
			x = endX + direction * metrics.gap;
			y = endY;
			top = y - text.height / 2;
			baseline = 'middle';
		} else {
			x = endX - direction * tuck;
			const isUpper = text.cos > 0;
			y = isUpper ? endY - lift : endY + lift;
			top = isUpper ? y - text.height : y;
			baseline = isUpper ? 'auto' : 'hanging';
		}
		const left = anchor === 'start' ? x : x - text.width;
		sides.push({
			id: text.id,
			x,
			y,
			anchor,
			baseline,
			box: { x: left, y: top, width: text.width, height: text.height },
			text
		});
	}

	const placedEnds: Placed[] = ends.map((text) => {
		const isTop = text.cos > 0;
		const box: Box = { x: -text.width / 2, y: 0, width: text.width, height: text.height };
		let y: number;
		if (isTop) {
			// Bottom edge of the block: above the axis end, and above any side label in its way.
			let bottom = -radius - metrics.gap;
			for (const side of sides) {
				if (side.text.cos > 0 && overlapsHorizontally(box, side.box, spacing)) {
					bottom = Math.min(bottom, side.box.y - spacing);
				}
			}
			y = bottom;
			box.y = bottom - text.height;
		} else {
			let top = radius + metrics.gap;
			for (const side of sides) {
				if (side.text.cos < 0 && overlapsHorizontally(box, side.box, spacing)) {
					top = Math.max(top, side.box.y + side.box.height + spacing);
				}
			}
			y = top;
			box.y = top;
		}
		return {
			id: text.id,
			x: 0,
			y,
			anchor: 'middle',
			baseline: isTop ? 'auto' : 'hanging',
			box,
			text
		};
	});

	const byId = new Map([...sides, ...placedEnds].map((placed) => [placed.id, placed]));
	return labels.map(({ id }) => {
		const placed = byId.get(id) as Placed;
		const { text, box } = placed;
		return {
			id,
			x: round2(placed.x),
			y: round2(placed.y),
			anchor: placed.anchor,
			baseline: placed.baseline,
			box,
			lines: text.lines.map((line, i) => ({
				text: line,
				x: round2(placed.x),
				y: round2(box.y + (i + 0.5) * metrics.lineHeight + BASELINE_OFFSET * metrics.fontSize)
			}))
		};
	});
}

function round2(value: number): number {
	return Math.round(value * 100) / 100;
}
