import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import ScoreSlider from './ScoreSlider.svelte';
import DimensionScoreHarness from './testing/DimensionScoreHarness.svelte';

function renderSlider(value: number | null, isDisabled = false) {
	const onchange = vi.fn<(value: number) => void>();
	const view = render(ScoreSlider, {
		value,
		labelledBy: 'q',
		minLabel: 'helemaal niet',
		maxLabel: 'helemaal wel',
		isDisabled,
		onchange
	});
	return { ...view, onchange, slider: screen.getByRole('slider') };
}

describe('ScoreSlider', () => {
	it('starts without a value: no number, "nog niet ingevuld"', () => {
		const { slider } = renderSlider(null);
		expect(slider).not.toHaveAttribute('aria-valuenow');
		expect(slider).toHaveAttribute('aria-valuetext', 'nog niet ingevuld');
		expect(screen.getByText('nog niet ingevuld')).toBeInTheDocument();
	});

	it.each([
		{ start: null, key: '{ArrowRight}', expected: 5 },
		{ start: 6, key: '{ArrowRight}', expected: 7 },
		{ start: 6, key: '{ArrowLeft}', expected: 5 },
		{ start: 6, key: '{ArrowUp}', expected: 7 },
		{ start: 3, key: '{Home}', expected: 0 },
		{ start: 3, key: '{End}', expected: 10 },
		{ start: 3, key: '{PageUp}', expected: 5 },
		{ start: null, key: '8', expected: 8 }
	])('from $start, $key chooses $expected', async ({ start, key, expected }) => {
		const { slider, onchange } = renderSlider(start);
		slider.focus();
		await userEvent.keyboard(key);
		expect(onchange).toHaveBeenCalledWith(expected);
	});

	it('does not go past 10 or below 0', async () => {
		const high = renderSlider(10);
		high.slider.focus();
		await userEvent.keyboard('{ArrowRight}');
		expect(high.onchange).not.toHaveBeenCalled();
		high.unmount();

		const low = renderSlider(0);
		low.slider.focus();
		await userEvent.keyboard('{ArrowLeft}');
		expect(low.onchange).not.toHaveBeenCalled();
	});

	it('says the end label in words at 0 and 10', () => {
		expect(renderSlider(10).slider).toHaveAttribute('aria-valuetext', '10 van 10, helemaal wel');
	});

	it('ignores keys while "liever niet" is chosen', async () => {
		const { slider, onchange } = renderSlider(null, true);
		await fireEvent.keyDown(slider, { key: 'ArrowRight' });
		expect(onchange).not.toHaveBeenCalled();
		expect(slider).toHaveAttribute('aria-disabled', 'true');
	});
});

describe('a dimension of sliders', () => {
	it('updates the dimension score as sliders change, and "liever niet" does not count', async () => {
		render(DimensionScoreHarness);
		const score = screen.getByTestId('score');
		expect(score).toHaveTextContent('leeg');

		const sliders = screen.getAllByRole('slider');
		expect(sliders).toHaveLength(7);

		sliders[0]!.focus();
		await userEvent.keyboard('{End}');
		expect(score).toHaveTextContent('10');

		sliders[1]!.focus();
		await userEvent.keyboard('5');
		expect(score).toHaveTextContent('7.5');
		expect(sliders[1]).toHaveAttribute('aria-valuenow', '5');

		await userEvent.click(screen.getAllByRole('button', { name: 'Liever niet' })[2]!);
		expect(score).toHaveTextContent('7.5');

		await userEvent.click(screen.getAllByRole('button', { name: 'Liever niet' })[0]!);
		expect(score).toHaveTextContent('5');
	});

	it('flags an aspect to talk about with a toggle that says so', async () => {
		render(DimensionScoreHarness);
		const toggle = screen.getAllByRole('button', { name: 'Hier wil ik over praten' })[3]!;
		expect(toggle).toHaveAttribute('aria-pressed', 'false');
		await userEvent.click(toggle);
		expect(toggle).toHaveAttribute('aria-pressed', 'true');
	});
});
