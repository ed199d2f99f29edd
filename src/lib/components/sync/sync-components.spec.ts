import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Summary } from '$lib/sync/protocol';
import SetAsideList from './SetAsideList.svelte';
import SummaryPreview from './SummaryPreview.svelte';

const SUMMARY: Summary = {
	uuid: '3d7c2a10-9b8e-4f6d-a5c4-b3a2918f7e6d',
	questionSetId: 'volwassenen-v1',
	day: '2026-11-23',
	scores: {
		lichaamsfuncties: 7.5,
		mentaal: 6,
		zingeving: null,
		kwaliteit: 8.1,
		meedoen: 5.4,
		dagelijks: 9
	},
	focus: 'meedoen',
	context: 'self'
};

describe('SummaryPreview', () => {
	it('shows every field that is sent, in words, and not the uuid', () => {
		render(SummaryPreview, { summary: SUMMARY });
		const list = screen.getByLabelText('Samenvatting van je laatste spinnenweb');
		expect(list).toHaveTextContent('23 november 2026');
		expect(list).toHaveTextContent(/Lichaamsfuncties\s*7,5/);
		expect(list).toHaveTextContent(/Zingeving\s*niet ingevuld/);
		expect(list).toHaveTextContent(/Waar je mee verder wilt\s*Meedoen/);
		expect(list).toHaveTextContent(/Ingevuld\s*door jezelf/);
		expect(list).not.toHaveTextContent('Postcodegebied');
		expect(list).not.toHaveTextContent(SUMMARY.uuid);
	});

	it('shows the area and age band when they go along', () => {
		render(SummaryPreview, { summary: { ...SUMMARY, area: '3581', ageBand: '80+' } });
		const list = screen.getByLabelText('Samenvatting van je laatste spinnenweb');
		expect(list).toHaveTextContent(/Postcodegebied\s*3581/);
		expect(list).toHaveTextContent(/Leeftijd\s*80 jaar of ouder/);
	});
});

describe('SetAsideList', () => {
	it('lists what the server refused, with its reason, and offers to try again', async () => {
		const onretry = vi.fn();
		render(SetAsideList, {
			items: [
				{
					uuid: SUMMARY.uuid,
					completedAt: Date.UTC(2026, 10, 23, 12),
					reason: 'invalid_body',
					at: 1
				}
			],
			onretry
		});
		expect(screen.getByRole('heading', { name: 'Niet verstuurd' })).toBeVisible();
		expect(screen.getByRole('listitem')).toHaveTextContent(
			'Spinnenweb van 23 november 2026 (reden: invalid_body)'
		);
		await userEvent.setup().click(screen.getByRole('button', { name: 'Probeer opnieuw' }));
		expect(onretry).toHaveBeenCalledOnce();
	});
});
