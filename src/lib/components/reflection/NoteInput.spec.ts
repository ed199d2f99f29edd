import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import NoteInput from './NoteInput.svelte';

describe('NoteInput', () => {
	it('is a labelled text box with its hint, holding the stored text', () => {
		render(NoteInput, {
			id: 'note-step',
			label: 'Wat is een eerste kleine stap?',
			hint: 'Een voorbeeld.',
			initial: 'Wandelen',
			onchange: () => undefined
		});
		const box = screen.getByRole('textbox', { name: 'Wat is een eerste kleine stap?' });
		expect(box).toHaveValue('Wandelen');
		expect(box).toHaveAccessibleDescription('Een voorbeeld.');
	});

	it('hands on every keystroke, spaces included', async () => {
		const onchange = vi.fn<(text: string) => void>();
		render(NoteInput, { id: 'note-help', label: 'Wie helpt?', initial: '', onchange });
		await userEvent.type(screen.getByRole('textbox'), 'Ans ');
		expect(onchange.mock.calls.map(([text]) => text)).toEqual(['A', 'An', 'Ans', 'Ans ']);
	});
});
