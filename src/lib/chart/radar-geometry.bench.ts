import { bench, describe } from 'vitest';
import type { DimensionId } from '$lib/domain/dimensions';
import type { DimensionScores } from '$lib/domain/scoring';
import { radarLayout, radarShape } from './radar-geometry';

const LABELS: Record<DimensionId, string> = {
	lichaamsfuncties: 'Lichaamsfuncties',
	mentaal: 'Mentaal welbevinden',
	zingeving: 'Zingeving',
	kwaliteit: 'Kwaliteit van leven',
	meedoen: 'Meedoen',
	dagelijks: 'Dagelijks functioneren'
};

const SCORES: DimensionScores = {
	lichaamsfuncties: 6.4,
	mentaal: 7.1,
	zingeving: 5.9,
	kwaliteit: 8.2,
	meedoen: 4.3,
	dagelijks: 9
};

const WITH_GAP: DimensionScores = { ...SCORES, zingeving: null };

let sink = 0;

describe('radar geometry at 390 px', () => {
	// What a first render or a resize costs: rings, axes, labels and one series path.
	bench('full computation (layout + one series)', () => {
		const layout = radarLayout({ width: 390, labels: LABELS });
		const shape = radarShape(layout, SCORES);
		sink += shape.outline.length + layout.labels.length;
	});

	// What a slider move costs: the layout is derived once and kept.
	const layout = radarLayout({ width: 390, labels: LABELS });
	bench('series only (slider move)', () => {
		sink += radarShape(layout, SCORES).outline.length;
	});

	bench('series only, with an empty dimension', () => {
		sink += radarShape(layout, WITH_GAP).area.length;
	});
});

// Keeps the results observable so no work is optimised away.
export { sink };
