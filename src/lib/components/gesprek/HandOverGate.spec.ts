import { render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLocale } from '$lib/paraglide/runtime.js';
import { HandOverMode, type ModeStorage } from '$lib/state/hand-over.svelte';
import { webRepo } from '$lib/state/repositories';
import HandOverGateHarness from './testing/HandOverGateHarness.svelte';

const NOTE = 'Zorgen over de huur, niet met de dochter bespreken';

function memoryStorage(): ModeStorage {
	const data = new Map<string, string>();
	return {
		getItem: (key) => data.get(key) ?? null,
		setItem: (key, value) => void data.set(key, value),
		removeItem: (key) => void data.delete(key)
	};
}

let mode: HandOverMode;

beforeEach(() => {
	mode = new HandOverMode(memoryStorage());
});

afterEach(() => {
	if (mode.isActive) mode.leave();
	void setLocale('nl', { reload: false });
});

describe('HandOverGate', () => {
	it('shows the professional’s screen, notes and all, while the tablet is theirs', () => {
		render(HandOverGateHarness, { mode, note: NOTE });
		expect(screen.getByRole('heading', { level: 1, name: 'Gesprek met Fatima' })).toBeVisible();
		expect(screen.getByLabelText('Jouw notitie bij het overzicht')).toHaveValue(NOTE);
	});

	it('draws none of it in hand-over mode: only the person’s web, in their language', async () => {
		const web = await webRepo().create('en');
		mode.enter({
			conversationId: '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
			clientId: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a',
			webId: web.id,
			locale: 'en',
			isSimple: false
		});
		render(HandOverGateHarness, { mode, note: NOTE });

		expect(
			await screen.findByRole('heading', { level: 1, name: 'This is your spider web' })
		).toBeVisible();
		expect(document.body).not.toHaveTextContent(NOTE);
		expect(document.body).not.toHaveTextContent('Gesprek met Fatima');
		expect(screen.queryByRole('textbox')).toBeNull();
		// The way back speaks the professional's language, and says it must be held.
		const back = screen.getByRole('button', { name: 'Terug naar het gesprek' });
		expect(back).toHaveAccessibleDescription(
			'Voor de professional: houd de knop 2 tellen ingedrukt.'
		);
		expect(back.closest('[lang]')).toHaveAttribute('lang', 'nl');
	});
});
