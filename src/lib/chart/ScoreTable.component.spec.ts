import { render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DIMENSION_IDS, type DimensionId } from '$lib/domain/dimensions';
import type { DimensionScores } from '$lib/domain/scoring';
import type { ChartSeries } from './chart-series';
import ScoreTable from './ScoreTable.svelte';

const ROW_LABELS: Record<DimensionId, string> = {
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
	label: 'Vandaag',
	scores: scoresOf([6, 7.5, null, 8.25, 0, 10]),
	variant: 'current'
};

const BEFORE: ChartSeries = {
	id: 'before',
	label: '12 november 2024',
	scores: scoresOf([5, 6.1, 4, null, 3, 6]),
	variant: 'earlier'
};

function renderTable(props: Partial<Parameters<typeof render<typeof ScoreTable>>[1]> = {}) {
	return render(ScoreTable, {
		series: [NOW],
		rowLabels: ROW_LABELS,
		caption: 'Je scores per onderdeel',
		emptyText: 'nog leeg',
		locale: 'nl',
		dimensionHeader: 'Onderdeel',
		...props
	});
}

/** Each body row as read: its header, then its cells. */
function rowsAsText(table: HTMLElement): string[][] {
	return within(table)
		.getAllByRole('row')
		.slice(1)
		.map((row) =>
			[within(row).getByRole('rowheader'), ...within(row).queryAllByRole('cell')].map(
				(cell) => cell.textContent?.trim() ?? ''
			)
		);
}

describe('ScoreTable', () => {
	it('is a table named by its caption, with a header row', () => {
		renderTable();
		const table = screen.getByRole('table', { name: 'Je scores per onderdeel' });
		expect(
			within(table)
				.getAllByRole('columnheader')
				.map((h) => h.textContent)
		).toEqual(['Onderdeel', 'Vandaag']);
	});

	it('shows one row per dimension with the score to one decimal, in Dutch', () => {
		renderTable();
		const table = screen.getByRole('table');
		expect(within(table).getAllByRole('rowheader')).toHaveLength(6);
		expect(rowsAsText(table)).toEqual([
			['Lichaamsfuncties', '6,0'],
			['Mentaal welbevinden', '7,5'],
			['Zingeving', 'nog leeg'],
			['Kwaliteit van leven', '8,3'],
			['Meedoen', '0,0'],
			['Dagelijks functioneren', '10,0']
		]);
	});

	it('formats numbers for the given locale', () => {
		renderTable({ locale: 'en' });
		expect(within(screen.getByRole('table')).getByText('7.5')).toBeInTheDocument();
	});

	it('gives each web its own column', () => {
		renderTable({ series: [NOW, BEFORE] });
		const table = screen.getByRole('table');
		expect(
			within(table)
				.getAllByRole('columnheader')
				.map((h) => h.textContent)
		).toEqual(['Onderdeel', 'Vandaag', '12 november 2024']);
		expect(rowsAsText(table)[3]).toEqual(['Kwaliteit van leven', '8,3', 'nog leeg']);
	});

	it('says in words which dimension is the focus', () => {
		renderTable({ focus: 'meedoen', focusText: 'hier wil je aan werken' });
		const header = screen.getByRole('rowheader', { name: /Meedoen/ });
		expect(header).toHaveTextContent('Meedoen hier wil je aan werken');
		expect(screen.getAllByText('hier wil je aan werken')).toHaveLength(1);
	});

	describe('on a narrow page', () => {
		afterEach(() => {
			vi.restoreAllMocks();
		});

		it('is no region and no tab stop while it fits', () => {
			renderTable();
			expect(screen.queryByRole('region')).not.toBeInTheDocument();
		});

		it('becomes a named region with a tab stop only when it overflows', () => {
			vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockReturnValue(480);
			vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(284);
			renderTable({ series: [NOW, BEFORE] });
			const region = screen.getByRole('region', { name: 'Je scores per onderdeel' });
			expect(region).toHaveAttribute('tabindex', '0');
			expect(within(region).getByRole('table')).toBeInTheDocument();
		});
	});
});
