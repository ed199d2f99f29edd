import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AgreementsState } from '$lib/state/agreements-state.svelte';
import { agreementRepo, clientRepo, conversationRepo } from '$lib/state/professional-repositories';
import AgreementList from './AgreementList.svelte';

let clientId: string;
let conversationId: string;

beforeEach(async () => {
	clientId = (await clientRepo().create('Fatima')).id;
	conversationId = (await conversationRepo().create(clientId)).id;
});

function sentences(): string[] {
	return screen
		.queryAllByRole('listitem')
		.map((item) => item.querySelector('.sentence')?.textContent ?? '');
}

async function stored() {
	return (await agreementRepo().listForClient(clientId)).agreements;
}

describe('AgreementList', { timeout: 30_000 }, () => {
	it('adds an agreement, words it as a sentence, edits it and removes it', async () => {
		const user = userEvent.setup();
		render(AgreementList, {
			agreements: new AgreementsState(clientId, conversationId),
			pseudonym: 'Fatima'
		});
		expect(screen.getByText('Nog geen afspraken. Een afspraak is niet verplicht.')).toBeVisible();

		await user.click(screen.getByRole('button', { name: 'Voeg een afspraak toe' }));
		const what = screen.getByRole('textbox', { name: 'Wat gebeurt er?' });
		await vi.waitFor(() => expect(what).toHaveFocus());
		await user.type(what, 'belt het buurthuis');
		await user.type(screen.getByLabelText('Vóór wanneer? (als je wilt)'), '2026-03-12');
		expect(sentences()).toEqual(['Fatima belt het buurthuis, vóór 12 maart 2026']);
		await user.click(screen.getByRole('button', { name: 'Klaar' }));
		expect(screen.queryByRole('textbox')).toBeNull();

		await user.click(screen.getByRole('button', { name: 'Voeg een afspraak toe' }));
		await user.type(screen.getByRole('textbox', { name: 'Wat gebeurt er?' }), 'zoekt de tijden op');
		await user.click(screen.getByRole('radio', { name: 'Iemand uit het netwerk' }));
		await user.type(screen.getByRole('textbox', { name: 'Naam (als je wilt)' }), 'Dochter Sara');
		await user.click(screen.getByRole('button', { name: 'Klaar' }));
		expect(sentences()).toEqual([
			'Fatima belt het buurthuis, vóór 12 maart 2026',
			'Dochter Sara zoekt de tijden op'
		]);

		// Edited later: the sentence follows.
		await user.click(
			screen.getByRole('button', { name: 'Wijzig deze afspraak: Dochter Sara zoekt de tijden op' })
		);
		await user.click(screen.getByRole('radio', { name: 'Ik, de professional' }));
		await user.clear(screen.getByRole('textbox', { name: 'Naam (als je wilt)' }));
		expect(sentences()[1]).toBe('De professional zoekt de tijden op');

		await vi.waitFor(async () =>
			expect((await stored()).map((a) => [a.what, a.who.kind, a.who.name, a.byWhen])).toEqual([
				['belt het buurthuis', 'person', '', '2026-03-12'],
				['zoekt de tijden op', 'professional', '', null]
			])
		);

		await user.click(
			screen.getByRole('button', {
				name: 'Verwijder deze afspraak: Fatima belt het buurthuis, vóór 12 maart 2026'
			})
		);
		expect(sentences()).toEqual(['De professional zoekt de tijden op']);
		expect((await stored()).map((a) => a.what)).toEqual(['zoekt de tijden op']);
	});

	it('keeps an agreement with a BSN on screen, says why, and stores none of it', async () => {
		const user = userEvent.setup();
		render(AgreementList, {
			agreements: new AgreementsState(clientId, conversationId),
			pseudonym: 'Fatima'
		});
		await user.click(screen.getByRole('button', { name: 'Voeg een afspraak toe' }));
		await user.type(
			screen.getByRole('textbox', { name: 'Wat gebeurt er?' }),
			'geeft 111222333 door'
		);
		expect(screen.getByText(/^Hier staat een nummer dat een BSN kan zijn/)).toBeVisible();
		await vi.waitFor(async () => expect(await stored()).toHaveLength(1));
		expect((await stored())[0]?.what).toBe('geeft 11122233');
	});
});
