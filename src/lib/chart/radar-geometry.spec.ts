import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIMENSION_IDS, type DimensionId } from '$lib/domain/dimensions';
import type { DimensionScores } from '$lib/domain/scoring';
import {
	AXIS_DOT_RADIUS,
	RING_VALUES,
	axisAngle,
	radarFrame,
	radarLayout,
	radarShape,
	type Box,
	type Point,
	type RadarLayout
} from './radar-geometry';

const DUTCH: Record<DimensionId, string> = {
	lichaamsfuncties: 'Lichaamsfuncties',
	mentaal: 'Mentaal welbevinden',
	zingeving: 'Zingeving',
	kwaliteit: 'Kwaliteit van leven',
	meedoen: 'Meedoen',
	dagelijks: 'Dagelijks functioneren'
};

const ENGLISH: Record<DimensionId, string> = {
	lichaamsfuncties: 'Bodily functions',
	mentaal: 'Mental well-being',
	zingeving: 'Meaning in life',
	kwaliteit: 'Quality of life',
	meedoen: 'Participation',
	dagelijks: 'Daily functioning'
};

const ARABIC: Record<DimensionId, string> = {
	lichaamsfuncties: 'وظائف الجسم',
	mentaal: 'الصحة النفسية',
	zingeving: 'معنى الحياة',
	kwaliteit: 'جودة الحياة',
	meedoen: 'المشاركة',
	dagelijks: 'الحياة اليومية'
};

function scoresOf(values: readonly (number | null)[]): DimensionScores {
	return Object.fromEntries(
		DIMENSION_IDS.map((id, i) => [id, values[i] ?? null])
	) as DimensionScores;
}

const ALL = (value: number | null) => scoresOf(DIMENSION_IDS.map(() => value));

function distance(p: Point): number {
	return Math.hypot(p.x, p.y);
}

/** Every x,y pair in an svg path made of M, L and Z commands. */
function pathPoints(d: string): Point[] {
	const numbers = d.match(/-?\d+(\.\d+)?(e-?\d+)?/g)?.map(Number) ?? [];
	const points: Point[] = [];
	for (let i = 0; i + 1 < numbers.length; i += 2) {
		points.push({ x: numbers[i] ?? NaN, y: numbers[i + 1] ?? NaN });
	}
	return points;
}

function subpathCount(d: string): number {
	return (d.match(/M/g) ?? []).length;
}

function corners(box: Box): Point[] {
	return [
		{ x: box.x, y: box.y },
		{ x: box.x + box.width, y: box.y },
		{ x: box.x + box.width, y: box.y + box.height },
		{ x: box.x, y: box.y + box.height }
	];
}

/** Separating axis test for two convex polygons: true when they share any area. */
function convexOverlap(a: Point[], b: Point[]): boolean {
	for (const polygon of [a, b]) {
		for (let i = 0; i < polygon.length; i++) {
			const p = polygon[i] as Point;
			const q = polygon[(i + 1) % polygon.length] as Point;
			const normal = { x: q.y - p.y, y: p.x - q.x };
			const project = (points: Point[]) => points.map((r) => r.x * normal.x + r.y * normal.y);
			const pa = project(a);
			const pb = project(b);
			if (Math.max(...pa) <= Math.min(...pb) || Math.max(...pb) <= Math.min(...pa)) return false;
		}
	}
	return true;
}

function boxesOverlap(a: Box, b: Box): boolean {
	return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The outer ring, grown by the axis dots: the area no label may touch. */
function webHexagon(layout: RadarLayout): Point[] {
	const reach = layout.radius + AXIS_DOT_RADIUS;
	return layout.axes.map((axis) => ({
		x: reach * Math.sin(axis.angle),
		y: -reach * Math.cos(axis.angle)
	}));
}

describe('axes', () => {
	const layout = radarLayout({ width: 390, labels: DUTCH });
	const r = layout.radius;
	const s60 = Math.sin(Math.PI / 3);

	it.each([
		// index, id, angle, end point: the first axis at the top, then clockwise
		[0, 'lichaamsfuncties', 0, { x: 0, y: -r }],
		[1, 'mentaal', Math.PI / 3, { x: r * s60, y: -r / 2 }],
		[2, 'zingeving', (2 * Math.PI) / 3, { x: r * s60, y: r / 2 }],
		[3, 'kwaliteit', Math.PI, { x: 0, y: r }],
		[4, 'meedoen', (4 * Math.PI) / 3, { x: -r * s60, y: r / 2 }],
		[5, 'dagelijks', (5 * Math.PI) / 3, { x: -r * s60, y: -r / 2 }]
	] as const)('axis %i (%s) has angle %f', (index, id, angle, end) => {
		const axis = layout.axes[index];
		expect(axis?.id).toBe(id);
		expect(axis?.angle).toBeCloseTo(angle, 10);
		expect(axisAngle(index)).toBeCloseTo(angle, 10);
		expect(axis?.end.x).toBeCloseTo(end.x, 6);
		expect(axis?.end.y).toBeCloseTo(end.y, 6);
	});

	it('puts the centre at the origin of the viewBox coordinates', () => {
		expect(layout.centre).toEqual({ x: 0, y: 0 });
		const [minX, minY, w, h] = layout.viewBox.split(' ').map(Number);
		expect(minX).toBe(-195);
		expect(w).toBe(390);
		expect(minY).toBeLessThan(-r);
		expect((minY ?? 0) + (h ?? 0)).toBeGreaterThan(r);
	});

	it.each(RING_VALUES.map((value) => [value]))(
		'ring %i lies at value/10 of the radius',
		(value) => {
			const ring = layout.rings.find((x) => x.value === value);
			expect(ring?.radius).toBeCloseTo((value / 10) * r, 6);
			if (value === 0) {
				expect(ring?.d).toBe('');
			} else {
				const vertices = pathPoints(ring?.d ?? '');
				expect(vertices).toHaveLength(6);
				for (const v of vertices) expect(distance(v)).toBeCloseTo((value / 10) * r, 1);
			}
		}
	);
});

describe('radarShape', () => {
	const layout = radarLayout({ width: 390, labels: DUTCH });
	const r = layout.radius;

	it.each([
		[0, 0],
		[2.5, 0.25],
		[5, 0.5],
		[7.3, 0.73],
		[10, 1]
	])('draws score %f at %f of the radius on every axis', (score, share) => {
		const shape = radarShape(layout, ALL(score));
		expect(shape.points).toHaveLength(6);
		for (const point of shape.points) expect(distance(point)).toBeCloseTo(share * r, 6);
	});

	it('puts a 10 exactly on the end of its axis', () => {
		const shape = radarShape(layout, ALL(10));
		shape.points.forEach((point, i) => {
			expect(point.x).toBeCloseTo(layout.axes[i]?.end.x ?? NaN, 6);
			expect(point.y).toBeCloseTo(layout.axes[i]?.end.y ?? NaN, 6);
		});
	});

	it('closes the outline when every axis has a score', () => {
		const shape = radarShape(layout, scoresOf([6, 7, 5, 8, 4, 9]));
		expect(shape.isComplete).toBe(true);
		expect(shape.outline).toMatch(/^M.*Z$/);
		expect(subpathCount(shape.outline)).toBe(1);
		expect(shape.area).toBe(shape.outline);
	});

	it('keeps values outside 0–10 (a corrupt record) inside the web', () => {
		const shape = radarShape(layout, scoresOf([-3, 14, 5, 5, 5, 5]));
		expect(distance(shape.points[0] as Point)).toBeCloseTo(0, 6);
		expect(distance(shape.points[1] as Point)).toBeCloseTo(r, 6);
	});

	describe('an axis without a score is not a 0', () => {
		const withNull = radarShape(layout, scoresOf([6, null, 5, 8, 4, 9]));
		const withZero = radarShape(layout, scoresOf([6, 0, 5, 8, 4, 9]));

		it('draws no point for it', () => {
			expect(withNull.points.map((p) => p.id)).toEqual([
				'lichaamsfuncties',
				'zingeving',
				'kwaliteit',
				'meedoen',
				'dagelijks'
			]);
			expect(withZero.points).toHaveLength(6);
		});

		it('leaves a gap in the outline instead of going through the centre', () => {
			expect(withNull.isComplete).toBe(false);
			const outlinePoints = pathPoints(withNull.outline);
			expect(outlinePoints.some((p) => distance(p) < 1)).toBe(false);
			// One open piece from zingeving round to lichaamsfuncties: five points, four edges.
			expect(subpathCount(withNull.outline)).toBe(1);
			expect(withNull.outline).not.toContain('Z');
			expect(outlinePoints).toHaveLength(5);
			// A real 0 does pull the outline into the centre.
			expect(pathPoints(withZero.outline).some((p) => distance(p) < 1e-6)).toBe(true);
		});

		it('fills only the wedges between two answered neighbours', () => {
			// Six wedges minus the two that touch the empty axis.
			expect(subpathCount(withNull.area)).toBe(4);
		});

		it.each([
			['three scattered nulls', [5, null, 5, null, 5, null], 3, 0, 0],
			['three nulls side by side', [5, 6, 7, null, null, null], 3, 1, 2],
			['one score only', [null, null, 7, null, null, null], 1, 0, 0],
			['no scores at all', [null, null, null, null, null, null], 0, 0, 0]
		] as const)('%s', (_, values, points, outlinePieces, wedges) => {
			const shape = radarShape(layout, scoresOf(values));
			expect(shape.points).toHaveLength(points);
			expect(subpathCount(shape.outline)).toBe(outlinePieces);
			expect(shape.area === '' ? 0 : subpathCount(shape.area)).toBe(wedges);
		});
	});

	it('keeps every point of any scores within the outer ring (property)', () => {
		const score = fc.option(fc.double({ min: 0, max: 10, noNaN: true }), { nil: null });
		fc.assert(
			fc.property(
				fc.integer({ min: 200, max: 1600 }),
				fc.array(score, { minLength: 6, maxLength: 6 }),
				(width, values) => {
					const l = radarLayout({ width, labels: DUTCH });
					const shape = radarShape(l, scoresOf(values));
					const limit = l.radius + 1e-9;
					for (const p of shape.points) expect(distance(p)).toBeLessThanOrEqual(limit);
					// The drawn paths too (rounded to 2 decimals by d3).
					for (const p of pathPoints(shape.outline + shape.area)) {
						expect(distance(p)).toBeLessThanOrEqual(l.radius + 0.01);
					}
				}
			)
		);
	});
});

describe('labels', () => {
	const cases = [284, 320, 360, 390, 768, 1000, 1180].flatMap((width) =>
		[
			['nl', DUTCH],
			['en', ENGLISH],
			['ar', ARABIC]
		].map(([lang, labels]) => ({
			width,
			lang: lang as string,
			labels: labels as Record<DimensionId, string>
		}))
	);

	it.each(cases)('stay inside the viewBox at $width px ($lang)', ({ width, labels }) => {
		const layout = radarLayout({ width, labels });
		const [minX = 0, minY = 0, w = 0, h = 0] = layout.viewBox.split(' ').map(Number);
		for (const label of layout.labels) {
			expect(label.box.x).toBeGreaterThanOrEqual(minX);
			expect(label.box.y).toBeGreaterThanOrEqual(minY);
			expect(label.box.x + label.box.width).toBeLessThanOrEqual(minX + w);
			expect(label.box.y + label.box.height).toBeLessThanOrEqual(minY + h);
		}
	});

	it.each(cases)(
		'touch neither the web nor each other at $width px ($lang)',
		({ width, labels }) => {
			const layout = radarLayout({ width, labels });
			const web = webHexagon(layout);
			for (const label of layout.labels) {
				expect(convexOverlap(corners(label.box), web), label.id).toBe(false);
			}
			for (const a of layout.labels) {
				for (const b of layout.labels) {
					if (a !== b) expect(boxesOverlap(a.box, b.box), `${a.id} / ${b.id}`).toBe(false);
				}
			}
		}
	);

	it.each([
		// chart width, least radius: a 320 px phone leaves 284 px inside the page's padding
		[284, 60],
		[320, 75],
		[354, 95],
		[1000, 340]
	])('leaves a readable web at %i px (radius ≥ %i)', (width, radius) => {
		const layout = radarLayout({ width, labels: DUTCH });
		expect(layout.radius).toBeGreaterThanOrEqual(radius);
		expect(layout.fontSize).toBeGreaterThanOrEqual(14);
	});

	it.each([
		// id, anchor, baseline: top and bottom centred; the side labels grow away from the web,
		// above the upper axis ends and below the lower ones
		['lichaamsfuncties', 'middle', 'auto'],
		['mentaal', 'start', 'auto'],
		['zingeving', 'start', 'hanging'],
		['kwaliteit', 'middle', 'hanging'],
		['meedoen', 'end', 'hanging'],
		['dagelijks', 'end', 'auto']
	] as const)('anchors %s with %s / %s', (id, anchor, baseline) => {
		const label = radarLayout({ width: 390, labels: DUTCH }).labels.find((l) => l.id === id);
		expect(label?.anchor).toBe(anchor);
		expect(label?.baseline).toBe(baseline);
	});

	it('wraps long labels onto two lines on a phone and keeps their text', () => {
		const layout = radarLayout({ width: 320, labels: DUTCH });
		const lines = Object.fromEntries(layout.labels.map((l) => [l.id, l.lines.map((x) => x.text)]));
		expect(lines).toEqual({
			lichaamsfuncties: ['Lichaamsfuncties'],
			mentaal: ['Mentaal', 'welbevinden'],
			zingeving: ['Zingeving'],
			kwaliteit: ['Kwaliteit', 'van leven'],
			meedoen: ['Meedoen'],
			dagelijks: ['Dagelijks', 'functioneren']
		});
		const mentaal = layout.labels.find((l) => l.id === 'mentaal');
		expect(mentaal?.lines[1]?.y).toBeCloseTo((mentaal?.lines[0]?.y ?? 0) + layout.lineHeight, 6);
	});

	it('does not move the web when a label text changes length a little', () => {
		// The radius depends on the widest side label only, not on the focus or the scores.
		const a = radarLayout({ width: 390, labels: DUTCH });
		const b = radarLayout({ width: 390, labels: { ...DUTCH, lichaamsfuncties: 'Lichaam' } });
		expect(b.radius).toBe(a.radius);
	});
});

describe('radarFrame (a small web without labels)', () => {
	it('has the axes of the large web and rings at the values asked for', () => {
		const frame = radarFrame(20);
		expect(frame.axes.map((a) => a.id)).toEqual([...DIMENSION_IDS]);
		expect(frame.axes[0]?.end).toEqual({ x: 0, y: -20 });
		expect(frame.rings.map((r) => r.value)).toEqual([5, 10]);
		// The outer ring goes through the axis ends.
		const outer = pathPoints(frame.rings[1]?.d ?? '');
		expect(outer.every((p) => Math.abs(distance(p) - 20) < 0.01)).toBe(true);
		expect(frame.viewBox).toBe('-22 -22 44 44');
	});

	it('fits a shape from radarShape at the same radius', () => {
		const frame = radarFrame(20);
		const shape = radarShape(frame, scoresOf([10, 10, 10, 10, 10, 10]));
		shape.points.forEach((p, i) => {
			expect(p.x).toBeCloseTo(frame.axes[i]?.end.x ?? NaN, 5);
			expect(p.y).toBeCloseTo(frame.axes[i]?.end.y ?? NaN, 5);
		});
	});
});
