import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import HoldButton from './HoldButton.svelte';

const props = {
	label: 'Terug naar het gesprek',
	hint: 'Houd de knop 2 tellen ingedrukt.',
	holdingText: 'Blijf vasthouden…',
	releasedText: 'Te kort.',
	holdMs: 1500
};

beforeEach(() => {
	vi.useFakeTimers();
});

afterEach(() => {
	vi.useRealTimers();
});

function renderButton() {
	const onconfirm = vi.fn();
	render(HoldButton, { ...props, onconfirm });
	return { onconfirm, button: screen.getByRole('button', { name: props.label }) };
}

describe('HoldButton', () => {
	it('does nothing on a tap or a click', async () => {
		const { onconfirm, button } = renderButton();
		await fireEvent.click(button);
		await fireEvent.pointerDown(button, { button: 0, pointerId: 1 });
		await vi.advanceTimersByTimeAsync(400);
		await fireEvent.pointerUp(button, { pointerId: 1 });
		await vi.advanceTimersByTimeAsync(3000);
		expect(onconfirm).not.toHaveBeenCalled();
		expect(screen.getByRole('status')).toHaveTextContent('Te kort.');
	});

	it('acts after 1.5 s held, not before, and says to keep holding meanwhile', async () => {
		const { onconfirm, button } = renderButton();
		expect(button).toHaveAccessibleDescription(props.hint);
		await fireEvent.pointerDown(button, { button: 0, pointerId: 1 });
		expect(screen.getByRole('status')).toHaveTextContent('Blijf vasthouden…');
		await vi.advanceTimersByTimeAsync(1499);
		expect(onconfirm).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(1);
		expect(onconfirm).toHaveBeenCalledOnce();
	});

	it('works by keyboard: Enter or Space held, with the key’s own repeats ignored', async () => {
		const { onconfirm, button } = renderButton();
		for (const key of ['Enter', ' ']) {
			onconfirm.mockClear();
			await fireEvent.keyDown(button, { key });
			await vi.advanceTimersByTimeAsync(1000);
			// A held key repeats: that must not start the count again.
			await fireEvent.keyDown(button, { key, repeat: true });
			await vi.advanceTimersByTimeAsync(500);
			expect(onconfirm, key).toHaveBeenCalledOnce();
			await fireEvent.keyUp(button, { key });
		}
		await fireEvent.keyDown(button, { key: 'Enter' });
		await vi.advanceTimersByTimeAsync(800);
		await fireEvent.keyUp(button, { key: 'Enter' });
		await vi.advanceTimersByTimeAsync(2000);
		expect(onconfirm).toHaveBeenCalledTimes(1);
	});
});
