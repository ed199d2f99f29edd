import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConversationSession } from '$lib/state/conversation-session.svelte';
import { clientRepo, conversationRepo } from '$lib/state/professional-repositories';
import PhasePanel from './PhasePanel.svelte';

let conversationId: string;
let cleanups: (() => void)[] = [];

beforeEach(async () => {
	const client = await clientRepo().create('Fatima');
	conversationId = (await conversationRepo().create(client.id)).id;
});

afterEach(() => {
	for (const cleanup of cleanups) cleanup();
	cleanups = [];
});

async function renderPhase(phase: 'overzicht' | 'inzicht' | 'uitzicht') {
	const session = new ConversationSession(conversationId);
	const view = render(PhasePanel, { session, phase, name: 'Fatima' });
	cleanups.push(() => view.unmount());
	await screen.findByRole('heading', { level: 2 });
	return { session, view, user: userEvent.setup() };
}

function prompts(): string[] {
	const list = screen.getByRole('region', { name: 'Vragen die je kunt stellen' });
	return within(list)
		.queryAllByRole('listitem')
		.map((item) => item.querySelector('.text')?.textContent ?? '');
}

// Typing by user-event is slow on a busy machine.
describe('PhasePanel', { timeout: 20_000 }, () => {
	it('opens overzicht with what gives energy, and never points at a number', async () => {
		await renderPhase('overzicht');
		expect(prompts()[0]).toBe('Wat geeft je energie? Waar word je blij van?');
		expect(
			screen.getByRole('region', { name: 'Vragen die je kunt stellen' })
		).not.toHaveTextContent(/\d/);
	});

	it('puts a prompt away with one tap, keeps it away after a reload, and brings it back', async () => {
		const { user, view } = await renderPhase('overzicht');
		await user.click(
			screen.getByRole('button', {
				name: 'Verberg deze vraag: Hoe was het om de spinnenweb in te vullen?'
			})
		);
		expect(prompts()).toEqual([
			'Wat geeft je energie? Waar word je blij van?',
			'Wat valt je op als je naar je web kijkt?',
			'Wat is op dit moment belangrijk voor je?'
		]);
		// The other phases' prompts are their own.
		view.unmount();
		cleanups = [];
		await renderPhase('inzicht');
		expect(prompts()).toHaveLength(3);
		// A new screen reads the conversation as stored: the prompt stays away.
		cleanups.forEach((c) => c());
		cleanups = [];
		const again = await renderPhase('overzicht');
		await vi.waitFor(() => expect(prompts()).toHaveLength(3));
		await again.user.click(
			screen.getByRole('button', { name: 'Laat de verborgen vragen weer zien' })
		);
		expect(prompts()).toHaveLength(4);
	});

	it('keeps a note as typed, and a BSN in it on screen but not stored, with a warning', async () => {
		const { user } = await renderPhase('inzicht');
		const note = screen.getByRole('textbox', { name: 'Jouw notitie bij het inzicht' });
		await user.type(note, 'Wil meer rust');
		await vi.waitFor(async () => {
			const stored = await conversationRepo().lookup(conversationId);
			expect(stored.status === 'found' && stored.record.notes.inzicht).toBe('Wil meer rust');
		});
		await user.type(note, ', bsn 123 456 782');
		expect(note).toHaveValue('Wil meer rust, bsn 123 456 782');
		expect(note).toHaveAttribute('aria-invalid', 'true');
		expect(screen.getByText(/^Hier staat een nummer dat een BSN kan zijn/)).toBeVisible();
		const stored = await conversationRepo().lookup(conversationId);
		expect(stored.status === 'found' && stored.record.notes.inzicht).not.toContain('782');
	});

	it('records whose wish it is, with a gentle word when it is not the person’s own', async () => {
		const { user } = await renderPhase('inzicht');
		await user.click(screen.getByRole('radio', { name: 'Van iemand om de persoon heen' }));
		expect(
			screen.getByText(/Het werkt het best als de wens van de persoon zelf komt/)
		).toBeVisible();
		await user.click(screen.getByRole('radio', { name: 'Van de persoon zelf' }));
		expect(screen.queryByText(/Het werkt het best/)).toBeNull();
	});
});
