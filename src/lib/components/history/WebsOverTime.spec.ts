import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DIMENSION_IDS } from '$lib/domain/dimensions';
import type { DimensionScores } from '$lib/domain/scoring';
import type { WebEntry } from '$lib/domain/web-entry';
import WebsOverTimeHarness from './testing/WebsOverTimeHarness.svelte';

function scores(values: readonly (number | null)[]): DimensionScores {
	return Object.fromEntries(
		DIMENSION_IDS.map((id, i) => [id, values[i] ?? null])
	) as DimensionScores;
}

/** Noon UTC, so the day is the same in every time zone the tests run in. */
const day = (month: number, date: number) => Date.UTC(2026, month - 1, date, 12);

/** Newest first, as the history gives them; the March web is not finished. */
const ENTRIES: WebEntry[] = [
	{
		id: 'mar',
		date: day(3, 2),
		scores: scores([5, null, null, null, null, null]),
		isComplete: false
	},
	{ id: 'feb', date: day(2, 1), scores: scores([8, 7.5, 6, 5, 4, 9]), isComplete: true },
	{ id: 'jan', date: day(1, 5), scores: scores([6, 6.5, 5, null, 3, 8]), isComplete: true },
	{
		id: 'dec',
		date: Date.UTC(2025, 11, 1, 12),
		scores: scores([4, 5, 4, 4, 2, 7]),
		isComplete: true
	}
];

function renderView(entries = ENTRIES) {
	render(WebsOverTimeHarness, { entries });
	return userEvent.setup();
}

const list = () => screen.getByRole('list', { name: 'Al je webs' });
const compareBox = (name: RegExp) => within(list()).getByRole('checkbox', { name });

// jsdom names every element a role query looks at: on a busy 2-core machine the first render and
// its queries take seconds.
describe('WebsOverTime', { timeout: 20_000 }, () => {
	it('compares the newest finished web with the one before it, each named with its line', () => {
		renderView();
		const legend = screen.getByRole('list', { name: 'Legenda' });
		expect(
			within(legend)
				.getAllByRole('listitem')
				.map((li) => li.textContent?.trim())
		).toEqual(['1 feb 2026 (doorgetrokken lijn)', '5 jan 2026 (gestreepte lijn)']);
		const table = screen.getByRole('table', {
			name: 'Je cijfers per onderdeel in de gekozen webs'
		});
		expect(
			within(table)
				.getAllByRole('columnheader')
				.map((th) => th.textContent?.trim())
		).toEqual(['Onderdeel', '1 feb 2026', '5 jan 2026']);
		expect(within(table).getByRole('row', { name: /Meedoen/ })).toHaveTextContent('4,03,0');
		expect(compareBox(/1 feb 2026/)).toBeChecked();
		expect(compareBox(/2 mrt 2026/)).not.toBeChecked();
	});

	it('adds a third web as a dotted line, and lets no fourth in until one is taken away', async () => {
		const user = renderView();
		await user.click(compareBox(/1 dec 2025/));
		const chart = screen.getByRole('img', { name: /De gekozen webs over elkaar/ });
		expect(chart.querySelectorAll('[data-series]')).toHaveLength(3);
		expect(screen.getByRole('list', { name: 'Legenda' })).toHaveTextContent(
			'1 dec 2025 (gestippelde lijn)'
		);
		expect(screen.getByRole('status')).toHaveTextContent('Je vergelijkt nu drie webs');
		expect(compareBox(/2 mrt 2026/)).toBeDisabled();

		await user.click(compareBox(/1 feb 2026/));
		expect(screen.getByRole('status')).toHaveTextContent('');
		await user.click(compareBox(/2 mrt 2026/));
		// The newest chosen is solid, whatever the order of choosing.
		expect(screen.getByRole('list', { name: 'Legenda' })).toHaveTextContent(
			'2 mrt 2026 (doorgetrokken lijn)'
		);
		expect(screen.getByTestId('selected')).toHaveTextContent('jan,dec,mar');
	});

	it('says so when nothing is chosen, and draws no chart', async () => {
		const user = renderView();
		await user.click(compareBox(/1 feb 2026/));
		await user.click(compareBox(/5 jan 2026/));
		expect(screen.queryByRole('img')).not.toBeInTheDocument();
		expect(screen.getByText(/Je hebt nog geen web gekozen/)).toBeInTheDocument();
	});

	it('follows the finished webs in a line per dimension, with the same numbers in a table', async () => {
		const user = renderView();
		const trend = screen.getByRole('region', { name: 'Je cijfers door de tijd' });
		expect(trend).toHaveTextContent('Afgemaakte webs in deze lijnen: 3 (hoogstens 12).');
		const lines = within(trend).getAllByRole('listitem');
		expect(lines).toHaveLength(6);
		expect(lines[4]).toHaveTextContent('Meedoen');
		expect(lines[4]).toHaveTextContent('laatste web: 4,0');
		// Kwaliteit van leven has no score in January: a gap, so two points for three webs.
		const kwaliteit = trend.querySelector('[data-sparkline="kwaliteit"]');
		expect(kwaliteit?.querySelectorAll('circle')).toHaveLength(2);

		await user.click(within(trend).getByText('Bekijk deze cijfers in een tabel'));
		const table = within(trend).getByRole('table');
		const rows = within(table)
			.getAllByRole('row')
			.slice(1)
			.map((row) =>
				// A cell also shows its part's name on a phone, hidden from screen readers: the number is last.
				Array.from(row.children).map((cell) =>
					(cell.tagName === 'TH' ? cell : cell.lastElementChild)?.textContent?.trim()
				)
			);
		expect(rows).toEqual([
			['1 dec 2025', '4,0', '5,0', '4,0', '4,0', '2,0', '7,0'],
			['5 jan 2026', '6,0', '6,5', '5,0', 'niet ingevuld', '3,0', '8,0'],
			['1 feb 2026', '8,0', '7,5', '6,0', '5,0', '4,0', '9,0']
		]);
	});

	it('waits for two finished webs before drawing lines', () => {
		renderView(ENTRIES.slice(0, 2));
		const trend = screen.getByRole('region', { name: 'Je cijfers door de tijd' });
		expect(trend).toHaveTextContent('Als je twee webs hebt afgemaakt');
		expect(within(trend).queryByRole('list')).not.toBeInTheDocument();
	});

	it('lists every web with a small web, its date, whether it is finished and the page’s action', () => {
		renderView();
		const items = within(list()).getAllByRole('listitem');
		expect(items).toHaveLength(4);
		expect(items[0]).toHaveTextContent('Nog niet af');
		expect(items[1]).toHaveTextContent('Af');
		expect(within(items[1]!).getByRole('link', { name: 'Bekijk' })).toHaveAttribute(
			'href',
			'/resultaat?web=feb'
		);
		for (const item of items) expect(item.querySelector('svg.thumbnail')).not.toBeNull();
	});
});
