import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ADULT_V1 } from '$lib/domain/question-set';
import type { Focus } from '$lib/domain/reflection';
import FocusPicker from './FocusPicker.svelte';

function renderPicker(initial: Focus | null = null) {
	const onchange = vi.fn<(focus: Focus | null) => void>();
	render(FocusPicker, { set: ADULT_V1, initial, onchange });
	return { onchange, user: userEvent.setup() };
}

describe('FocusPicker', () => {
	it('chooses nothing for the person and lists the parts in the order of the web', () => {
		renderPicker();
		expect(screen.getByRole('radio', { name: 'Nu nog niets kiezen' })).toBeChecked();
		expect(screen.getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual([
			'',
			'lichaamsfuncties',
			'mentaal',
			'zingeving',
			'kwaliteit',
			'meedoen',
			'dagelijks'
		]);
		// No scores next to the choices: nothing points at the lowest.
		expect(
			screen.getByRole('group', { name: 'Waar wil je aandacht aan geven?' })
		).not.toHaveTextContent(/\d/);
		expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
	});

	it('gives a dimension, then one of its aspects, then nothing again', async () => {
		const { onchange, user } = renderPicker();
		await user.click(screen.getByRole('radio', { name: 'Meedoen' }));
		expect(onchange).toHaveBeenLastCalledWith({ kind: 'dimension', dimensionId: 'meedoen' });

		const aspect = screen.getByRole('combobox', { name: 'Gaat het om één vraag uit Meedoen?' });
		await user.selectOptions(aspect, 'Steun van anderen');
		expect(onchange).toHaveBeenLastCalledWith({
			kind: 'aspect',
			dimensionId: 'meedoen',
			aspectKey: 'meedoen.steun'
		});

		await user.click(screen.getByRole('radio', { name: 'Nu nog niets kiezen' }));
		expect(onchange).toHaveBeenLastCalledWith(null);
		expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
	});

	it('shows a stored aspect focus as chosen', () => {
		renderPicker({ kind: 'aspect', dimensionId: 'zingeving', aspectKey: 'zingeving.levenslust' });
		expect(screen.getByRole('radio', { name: 'Zingeving' })).toBeChecked();
		expect(screen.getByRole('combobox')).toHaveDisplayValue('Zin in het leven');
	});
});
