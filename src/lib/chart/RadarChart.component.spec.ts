import { render, screen, within } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DIMENSION_IDS, type DimensionId } from '$lib/domain/dimensions';
import type { DimensionScores } from '$lib/domain/scoring';
import type { ChartSeries } from './chart-series';
import RadarChart from './RadarChart.svelte';

const AXIS_LABELS: Record<DimensionId, string> = {
	lichaamsfuncties: 'Lichaamsfuncties',
	mentaal: 'Mentaal welbevinden',
	zingeving: 'Zingeving',
	kwaliteit: 'Kwaliteit van leven',
	meedoen: 'Meedoen',
	dagelijks: 'Dagelijks functioneren'
};

function scoresOf(values: readonly (number | null)[]): DimensionScores {
	return Object.fromEntries(
		DIMENSION_IDS.map((id, i) => [id, values[i] ?? null])
	) as DimensionScores;
}

const NOW: ChartSeries = {
	id: 'now',
	label: 'Vandaag, 3 maart 2025',
	scores: scoresOf([6, 7.5, 5, 8, 4, 9]),
	variant: 'current'
};

const BEFORE: ChartSeries = {
	id: 'before',
	label: 'Eerder, 12 november 2024',
	scores: scoresOf([5, 6, 4, 7, 3, 6]),
	variant: 'earlier'
};

// jsdom has no ResizeObserver, which `bind:clientWidth` uses; this one lets a test resize the box.
const resizeCallbacks: ResizeObserverCallback[] = [];
beforeAll(() => {
	vi.stubGlobal(
		'ResizeObserver',
		class {
			constructor(callback: ResizeObserverCallback) {
				resizeCallbacks.push(callback);
			}
			observe() {}
			unobserve() {}
			disconnect() {}
		}
	);
});

function renderChart(props: Partial<Parameters<typeof render<typeof RadarChart>>[1]> = {}) {
	return render(RadarChart, {
		series: [NOW],
		axisLabels: AXIS_LABELS,
		title: 'Je spinnenweb van vandaag',
		...props
	});
}

/** The text of each label as read: its lines joined by a space. */
function labelTexts(chart: HTMLElement): string[] {
	return Array.from(chart.querySelectorAll('text')).map((text) =>
		Array.from(text.querySelectorAll('tspan'))
			.map((line) => line.textContent)
			.join(' ')
	);
}

describe('RadarChart', () => {
	it('is one image named by its title', () => {
		renderChart();
		const chart = screen.getByRole('img', { name: 'Je spinnenweb van vandaag' });
		expect(chart.tagName.toLowerCase()).toBe('svg');
	});

	it('draws six axes and six labels with the given texts', () => {
		renderChart();
		const chart = screen.getByRole('img');
		expect(chart.querySelectorAll('[data-axis]')).toHaveLength(6);
		expect(labelTexts(chart)).toEqual(DIMENSION_IDS.map((id) => AXIS_LABELS[id]));
		// Each label is findable by its words, also when it wraps onto two lines.
		expect(within(chart).getByText('Zingeving')).toBeInTheDocument();
		expect(within(chart).getByText('welbevinden')).toBeInTheDocument();
	});

	it('draws a point for every score', () => {
		renderChart();
		expect(screen.getByRole('img').querySelectorAll('[data-point]')).toHaveLength(6);
	});

	it('draws no point for an empty dimension: a series with three nulls has three points', () => {
		renderChart({
			series: [{ ...NOW, scores: scoresOf([6, null, 5, null, 4, null]) }]
		});
		const points = screen.getByRole('img').querySelectorAll('[data-point]');
		expect(Array.from(points, (p) => p.getAttribute('data-point'))).toEqual([
			'lichaamsfuncties',
			'zingeving',
			'meedoen'
		]);
	});

	it('has no legend for a single web', () => {
		renderChart({ legendLabel: 'Legenda' });
		expect(screen.queryByRole('list')).not.toBeInTheDocument();
	});

	it('names both webs in a legend below the image when there are two', () => {
		renderChart({ series: [NOW, BEFORE], legendLabel: 'Legenda' });
		const legend = screen.getByRole('list', { name: 'Legenda' });
		const items = within(legend).getAllByRole('listitem');
		expect(items.map((item) => item.textContent?.trim())).toEqual([NOW.label, BEFORE.label]);
		// The legend is HTML after the svg, not part of the image.
		expect(screen.getByRole('img').contains(legend)).toBe(false);
		// The earlier web is drawn as an outline only.
		const earlier = screen.getByRole('img').querySelector('[data-series="earlier"]');
		expect(earlier?.querySelector('.area')).toBeNull();
		expect(earlier?.querySelector('.outline')).not.toBeNull();
	});

	it('draws three webs oldest first, the newest on top, each named with its line in the legend', () => {
		const OLDEST: ChartSeries = {
			id: 'oldest',
			label: '2 juni 2024',
			legend: '2 juni 2024, gestippelde lijn',
			scores: scoresOf([2, 3, 4, 5, 6, 7]),
			variant: 'earliest'
		};
		renderChart({ series: [NOW, BEFORE, OLDEST], legendLabel: 'Legenda' });
		const chart = screen.getByRole('img');
		const drawn = Array.from(chart.querySelectorAll('[data-series]')).map((g) =>
			g.getAttribute('data-series')
		);
		expect(drawn).toEqual(['earliest', 'earlier', 'current']);
		// Only the newest has a fill; the oldest is an outline with its six points.
		const oldest = chart.querySelector('[data-series="earliest"]');
		expect(oldest?.querySelector('.area')).toBeNull();
		expect(oldest?.querySelectorAll('.point')).toHaveLength(6);
		const legend = screen.getByRole('list', { name: 'Legenda' });
		expect(
			within(legend)
				.getAllByRole('listitem')
				.map((i) => i.textContent?.trim())
		).toEqual([NOW.label, BEFORE.label, '2 juni 2024, gestippelde lijn']);
		expect(legend.querySelector('.sample.earliest')).not.toBeNull();
	});

	it('emphasises the focus dimension', () => {
		renderChart({ focus: 'meedoen' });
		const chart = screen.getByRole('img');
		const label = within(chart).getByText('Meedoen').closest('text');
		expect(label).toHaveClass('focus');
		expect(chart.querySelector('[data-axis="meedoen"]')).toHaveClass('focus');
		expect(chart.querySelectorAll('.focus')).toHaveLength(2);
	});

	it('follows the width of its box', () => {
		const { container } = renderChart();
		const chart = screen.getByRole('img');
		// Before a measurement, the default width.
		expect(chart.getAttribute('viewBox')?.split(' ')[2]).toBe('360');

		const box = container.querySelector('div') as HTMLDivElement;
		Object.defineProperty(box, 'clientWidth', { configurable: true, value: 320 });
		for (const callback of resizeCallbacks) {
			callback([{ target: box } as unknown as ResizeObserverEntry], {} as ResizeObserver);
		}
		flushSync();
		const [minX, , width] = chart.getAttribute('viewBox')?.split(' ') ?? [];
		expect([minX, width]).toEqual(['-160', '320']);
	});
});
