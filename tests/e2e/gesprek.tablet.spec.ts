// Het andere gesprek on a team's tablet, on its side (1180 × 820) and upright (820 × 1180): a
// person added under a pseudonym, a conversation with half the web filled in together and half by
// the person alone in Arabic, notes in the three phases, two agreements, and a follow-up that
// reviews them, with the person's page showing both webs. All of it offline, axe on every state.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import {
	addPerson,
	dayFromToday,
	dutchDay,
	fillDimensions,
	holdToLeave,
	meanText
} from './support/gesprek';
import { text } from './support/messages';
import { waitForServiceWorkerControl } from './support/service-worker';

test.describe.configure({ timeout: 300_000 });

const ar = (key: string, params?: Record<string, string>) => text('ar', key, params);

const NOTES = {
	overzicht: 'Zingt graag, het koor geeft energie',
	inzicht: 'Dochter denkt mee, wens is van Fatima',
	uitzicht: 'Rustig aan, eerst bellen'
};
const WISH = 'Weer zingen in het koor';
const STEP = 'Het koor opbellen';
const FIRST_AGREEMENT = 'belt de dirigent van het koor';
const SECOND_AGREEMENT = 'zoekt de tijden van de repetities op';

async function expectNoSidewaysScroll(page: Page, where: string) {
	const { scroll, client } = await page.evaluate(() => ({
		scroll: document.documentElement.scrollWidth,
		client: document.documentElement.clientWidth
	}));
	expect(scroll, `${where}: no sideways scrolling`).toBeLessThanOrEqual(client);
}

/** Checks axe and the width at once: every state of the journey gets both. */
async function check(page: Page, where: string) {
	await expectNoAxeViolations(page, where);
	await expectNoSidewaysScroll(page, where);
}

async function goToStep(page: Page, name: string) {
	const link = page
		.getByRole('navigation', { name: 'Stappen van het gesprek' })
		.getByRole('link', { name, exact: true });
	await link.click();
	await expect(link).toHaveAttribute('aria-current', 'step');
}

/** What the professional wrote: none of it may be in the page while the person holds the tablet. */
const PRIVATE_TEXTS = [...Object.values(NOTES), WISH, STEP, FIRST_AGREEMENT, SECOND_AGREEMENT];

async function expectNothingPrivate(page: Page, where: string) {
	const html = await page.content();
	for (const secret of PRIVATE_TEXTS) expect(html, `${where}: "${secret}"`).not.toContain(secret);
	await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeHidden();
}

test('a conversation, hand-over in Arabic and a follow-up, all offline', async ({
	page,
	context
}) => {
	await page.goto('/gesprekken');
	await waitForServiceWorkerControl(page);
	await context.setOffline(true);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'Gesprekken' })).toBeVisible();
	await expect(page.getByText('Je hebt nog niemand toegevoegd.')).toBeVisible();
	await check(page, 'people, empty');

	await test.step('a person under a pseudonym, never a BSN', async () => {
		const name = page.getByRole('textbox', { name: 'Schuilnaam of voorletters' });
		await name.fill('Fatima 123 456 782');
		await page.getByRole('button', { name: 'Voeg toe' }).click();
		await expect(page.getByText(/^Hier staat een nummer dat een BSN kan zijn/)).toBeVisible();
		await expect(name).toHaveValue('Fatima 123 456 782');
		await check(page, 'people, BSN refused');
		await page.reload();
		await expect(page.getByText('Je hebt nog niemand toegevoegd.')).toBeVisible();
		await addPerson(page, 'Fatima');
		await check(page, 'a new person');
	});

	await test.step('half the web together, in Dutch', async () => {
		await page.getByRole('button', { name: 'Begin een nieuw gesprek' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Gesprek met Fatima' })).toBeVisible();
		await check(page, 'conversation, no web yet');
		await page.getByRole('button', { name: 'Samen invullen' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Lichaamsfuncties' })).toBeVisible();
		await check(page, 'filling in together');
		await fillDimensions(page, 0, 3, 0);
		await expect(
			page.getByRole('heading', { level: 1, name: 'Kwaliteit van leven' })
		).toBeVisible();
		await goToStep(page, 'Spinnenweb');
		await expect(page.getByText('Ingevuld: 21 van 42 vragen')).toBeVisible();
		await check(page, 'conversation, half a web');
	});

	await test.step('the other half by Fatima alone, in Arabic, with the tablet in her hands', async () => {
		await page.getByRole('button', { name: 'Geef de tablet aan Fatima' }).click();
		const dialog = page.getByRole('dialog', { name: 'De tablet aan Fatima geven' });
		await expect(dialog).toBeVisible();
		await dialog.getByLabel('Taal voor Fatima').selectOption('ar');
		await check(page, 'hand-over dialog');
		await dialog.getByRole('button', { name: 'Geef de tablet', exact: true }).click();

		const welcome = page.getByRole('heading', { level: 1, name: ar('gesprek_hand_over_welcome') });
		await expect(welcome).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		await expect(page.locator('html')).toHaveAttribute('data-hand-over', '');
		await check(page, 'hand-over welcome (ar)');

		// A reload stays in hand-over mode, in her language.
		await page.reload();
		await expect(welcome).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('data-hand-over', '');
		await page.getByRole('link', { name: ar('gesprek_hand_over_resume') }).click();
		await fillDimensions(page, 3, 4, 0, 'ar');
		await check(page, 'filling in, hand-over (ar)');
		await fillDimensions(page, 4, 6, 0, 'ar');
		await expect(
			page.getByRole('heading', { level: 1, name: ar('gesprek_hand_over_done') })
		).toBeVisible();
		await check(page, 'hand-over done (ar)');

		// A tap is not enough to leave.
		await page.getByRole('button', { name: 'Terug naar het gesprek' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Te kort.' })).toBeAttached();
		await expect(
			page.getByRole('heading', { level: 1, name: ar('gesprek_hand_over_done') })
		).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('lang', 'ar');

		await holdToLeave(page, () =>
			expect(page.getByRole('heading', { level: 1, name: 'Gesprek met Fatima' })).toBeVisible()
		);
		// The professional's side speaks Dutch throughout: the screen, the frame, the page.
		await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
		await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
		await expect(page.locator('html')).not.toHaveAttribute('data-hand-over');
		await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toContainText('Eerdere webs');
		await expect(
			page.getByRole('navigation', { name: 'Taal', exact: true }).locator('a[aria-current="true"]')
		).toHaveText('Nederlands');
	});

	await test.step('notes in all three phases, the wish, the first step and two agreements', async () => {
		await expect(page.getByRole('heading', { level: 2, name: 'Overzicht' })).toBeVisible();
		const table = page.getByRole('table');
		for (const [d, name] of ['Lichaamsfuncties', 'Zingeving', 'Dagelijks functioneren'].entries()) {
			await expect(table.getByRole('row', { name: new RegExp(name) })).toContainText(
				meanText([0, 2, 5][d] ?? 0, 0)
			);
		}
		await page
			.getByRole('button', {
				name: 'Verberg deze vraag: Hoe was het om de spinnenweb in te vullen?'
			})
			.click();
		await expect(page.getByText('Hoe was het om de spinnenweb in te vullen?')).toHaveCount(0);
		await page
			.getByRole('textbox', { name: 'Jouw notitie bij het overzicht' })
			.fill(NOTES.overzicht);
		await check(page, 'overzicht');

		await page.getByRole('button', { name: 'Volgende' }).click();
		await expect(page.getByRole('heading', { level: 2, name: 'Inzicht' })).toBeVisible();
		await page
			.getByRole('textbox', { name: 'De wens van de persoon, in eigen woorden' })
			.fill(WISH);
		await page.getByRole('radio', { name: 'Van iemand om de persoon heen' }).check();
		await expect(
			page.getByText(/Het werkt het best als de wens van de persoon zelf komt/)
		).toBeVisible();
		await page.getByRole('radio', { name: 'Van de persoon zelf' }).check();
		await page.getByRole('textbox', { name: 'Jouw notitie bij het inzicht' }).fill(NOTES.inzicht);
		await check(page, 'inzicht');

		await page.getByRole('button', { name: 'Volgende' }).click();
		await expect(page.getByRole('heading', { level: 2, name: 'Uitzicht' })).toBeVisible();
		await page.getByRole('textbox', { name: 'De eerste kleine stap' }).fill(STEP);
		await page.getByRole('button', { name: 'Voeg een afspraak toe' }).click();
		await page.getByRole('textbox', { name: 'Wat gebeurt er?' }).fill(FIRST_AGREEMENT);
		await page.getByLabel('Vóór wanneer? (als je wilt)').fill('2026-03-12');
		await check(page, 'uitzicht, writing an agreement');
		await page.getByRole('button', { name: 'Klaar', exact: true }).click();
		await page.getByRole('button', { name: 'Voeg een afspraak toe' }).click();
		await page.getByRole('textbox', { name: 'Wat gebeurt er?' }).fill(SECOND_AGREEMENT);
		await page.getByRole('radio', { name: 'Ik, de professional' }).check();
		await page.getByRole('textbox', { name: 'Naam (als je wilt)' }).fill('Marieke');
		await page.getByRole('button', { name: 'Klaar', exact: true }).click();
		await expect(page.getByText(`Fatima ${FIRST_AGREEMENT}, vóór 12 maart 2026`)).toBeVisible();
		await expect(page.getByText(`Marieke ${SECOND_AGREEMENT}`, { exact: true })).toBeVisible();
		// Looking back was due yesterday: Fatima will be at the top of the list.
		await page.getByLabel('Wanneer kijken jullie samen hoe het ging?').fill(dayFromToday(-1));
		await page.getByRole('textbox', { name: 'Jouw notitie bij het uitzicht' }).fill(NOTES.uitzicht);
		await check(page, 'uitzicht');

		// Everything is kept: a fresh load shows all of it.
		await page.reload();
		await expect(page.getByRole('textbox', { name: 'Jouw notitie bij het uitzicht' })).toHaveValue(
			NOTES.uitzicht
		);
		await expect(page.getByRole('textbox', { name: 'De eerste kleine stap' })).toHaveValue(STEP);
		await expect(page.getByText(`Fatima ${FIRST_AGREEMENT}, vóór 12 maart 2026`)).toBeVisible();
	});

	await test.step('handed over again to look: none of the notes is in the page', async () => {
		await page.getByRole('button', { name: 'Geef de tablet aan Fatima' }).click();
		const dialog = page.getByRole('dialog', { name: 'De tablet aan Fatima geven' });
		// Her language from last time.
		await expect(dialog.getByLabel('Taal voor Fatima')).toHaveValue('ar');
		await dialog.getByRole('button', { name: 'Geef de tablet', exact: true }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: ar('gesprek_hand_over_welcome') })
		).toBeVisible();
		await expectNothingPrivate(page, 'hand-over welcome');
		await page.getByRole('link', { name: ar('gesprek_hand_over_look') }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: ar('gesprek_hand_over_done') })
		).toBeVisible();
		await expectNothingPrivate(page, 'hand-over, her web');
		// The browser's back button does not lead out of it either, not even to the conversation's
		// own address from before.
		await page.goBack();
		await page.goBack();
		await expect(page).toHaveURL(/\/gesprekken\/gesprek\?/);
		await expect(
			page.getByRole('heading', { level: 1, name: ar('gesprek_hand_over_welcome') })
		).toBeVisible();
		await expectNothingPrivate(page, 'hand-over after going back');

		// Leaving by keyboard: Enter held.
		await page.getByRole('button', { name: 'Terug naar het gesprek' }).focus();
		await page.keyboard.down('Enter');
		await expect(page.getByRole('heading', { level: 1, name: 'Gesprek met Fatima' })).toBeVisible();
		await page.keyboard.up('Enter');
		await expect(page.getByRole('textbox', { name: 'Jouw notitie bij het overzicht' })).toHaveValue(
			NOTES.overzicht
		);
	});

	await test.step('the person’s page and the people list, Fatima due first', async () => {
		await goToStep(page, 'Uitzicht');
		await page.getByRole('button', { name: 'Klaar met het gesprek' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Fatima' })).toBeVisible();
		await expect(page.getByText(`Terugkijken op ${dutchDay(dayFromToday(-1))}`)).toBeVisible();
		const agreements = page.getByRole('region', { name: 'Alle afspraken' });
		await expect(agreements.getByRole('listitem')).toHaveCount(2);
		await expect(agreements.getByRole('listitem').first()).toContainText('Nog open');
		await check(page, 'person, after one conversation');

		await page.getByRole('link', { name: 'Naar alle mensen' }).click();
		await addPerson(page, 'Ali');
		await page.getByRole('link', { name: 'Naar alle mensen' }).click();
		const due = page.getByRole('region', { name: 'Tijd om terug te kijken' });
		await expect(due.getByRole('link')).toHaveCount(1);
		await expect(due.getByRole('link')).toContainText('Fatima');
		await expect(page.getByRole('region', { name: 'Alle mensen' }).getByRole('link')).toContainText(
			'Ali'
		);
		// Due first: Fatima's row comes before Ali's, though Ali was added later.
		await expect(page.getByRole('link', { name: /Fatima|Ali/ }).first()).toContainText('Fatima');
		await check(page, 'people, one due');
	});

	await test.step('the follow-up opens with both agreements, each with its status to set', async () => {
		await page.getByRole('link', { name: /Fatima/ }).click();
		await page.getByRole('button', { name: 'Begin een nieuw gesprek' }).click();
		await expect(
			page.getByRole('heading', { level: 2, name: 'Hoe ging het met de afspraken?' })
		).toBeVisible();
		const first = page.getByRole('listitem').filter({ hasText: FIRST_AGREEMENT });
		const second = page.getByRole('listitem').filter({ hasText: SECOND_AGREEMENT });
		await expect(first.getByRole('radio', { name: 'Nog open', exact: true })).toBeChecked();
		await first.getByRole('radio', { name: 'Gedaan', exact: true }).check();
		await second.getByRole('radio', { name: 'Deels gedaan', exact: true }).check();
		await check(page, 'follow-up review');
		await page.reload();
		await expect(first.getByRole('radio', { name: 'Gedaan', exact: true })).toBeChecked();
		await expect(second.getByRole('radio', { name: 'Deels gedaan', exact: true })).toBeChecked();

		await goToStep(page, 'Spinnenweb');
		await page.getByRole('button', { name: 'Samen invullen' }).click();
		await fillDimensions(page, 0, 6, 4);
		await expect(page.getByRole('heading', { level: 2, name: 'Overzicht' })).toBeVisible();
		// The earlier web beside this one, dashed, with both columns of numbers.
		await expect(
			page.getByText(/^De gestreepte lijn is het web uit het gesprek van/)
		).toBeVisible();
		await expect(page.locator('[data-series="earlier"]')).toHaveCount(1);
		await expect(page.getByRole('table').getByRole('columnheader')).toHaveCount(3);
		await check(page, 'follow-up overzicht, two webs');
	});

	await test.step('the person’s page shows both webs over time and every outcome', async () => {
		await page.getByRole('link', { name: 'Fatima', exact: true }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Fatima' })).toBeVisible();
		const webs = page.getByRole('region', { name: 'Webs over tijd' });
		// Both webs over one another, the newest solid and the first dashed, with their numbers.
		const legend = webs.getByRole('list', { name: 'Legenda' }).getByRole('listitem');
		await expect(legend).toHaveCount(2);
		await expect(legend.nth(1)).toContainText('(gestreepte lijn)');
		await expect(webs.locator('svg[role="img"] [data-series]')).toHaveCount(2);
		const overlay = webs.getByRole('table', {
			name: 'Je cijfers per onderdeel in de gekozen webs'
		});
		const row = overlay.getByRole('row', { name: /Zingeving/ });
		// A cell may carry the web's name above its number; the number ends it.
		await expect(row.getByRole('cell')).toHaveText([
			new RegExp(`${meanText(2, 4)}$`),
			new RegExp(`${meanText(2, 0)}$`)
		]);
		// The trend: a line per dimension through both webs, and the same numbers in a table.
		const trend = webs.getByRole('region', { name: 'Je cijfers door de tijd' });
		await expect(trend).toContainText('Afgemaakte webs in deze lijnen: 2 (hoogstens 12).');
		await expect(trend.getByRole('listitem')).toHaveCount(6);
		await expect(trend.getByRole('listitem').nth(2)).toContainText(
			`laatste web: ${meanText(2, 4)}`
		);
		await trend.getByText('Bekijk deze cijfers in een tabel').click();
		await expect(trend.getByRole('table').getByRole('row')).toHaveCount(3);
		// Each web leads back to its own conversation.
		await expect(webs.getByRole('link', { name: /^Gesprek van / })).toHaveCount(2);
		const agreements = page.getByRole('region', { name: 'Alle afspraken' });
		await expect(
			agreements.getByRole('listitem').filter({ hasText: FIRST_AGREEMENT })
		).toContainText('Gedaan, sinds');
		await expect(
			agreements.getByRole('listitem').filter({ hasText: SECOND_AGREEMENT })
		).toContainText('Deels gedaan, sinds');
		await expect(
			page.getByRole('region', { name: 'Gesprekken' }).getByRole('listitem')
		).toHaveCount(2);
		await check(page, 'person, two conversations');
		// A newer conversation without a day: no longer due.
		await page.getByRole('link', { name: 'Naar alle mensen' }).click();
		await expect(page.getByRole('region', { name: 'Tijd om terug te kijken' })).toHaveCount(0);
	});

	await context.setOffline(false);
});

test('a note and an agreement typed, then an immediate reload, 10 times: all of it kept', async ({
	page
}) => {
	await page.goto('/gesprekken');
	await addPerson(page, 'F.');
	await page.getByRole('button', { name: 'Begin een nieuw gesprek' }).click();
	await goToStep(page, 'Uitzicht');
	await page.getByRole('button', { name: 'Voeg een afspraak toe' }).click();
	await page.getByRole('button', { name: 'Klaar', exact: true }).click();
	const note = page.getByRole('textbox', { name: 'Jouw notitie bij het uitzicht' });
	const mistakes: string[] = [];
	for (let round = 0; round < 10; round++) {
		const text = `Ronde ${round + 1}: samen naar de markt, daarna koffie`;
		await note.fill('');
		await note.pressSequentially(text);
		await page.reload();
		await expect(note).toBeVisible();
		const stored = await note.inputValue();
		if (stored !== text) mistakes.push(`note, round ${round + 1}: "${stored}"`);

		// An agreement's words, typed and reloaded at once.
		await page.getByRole('button', { name: /^Wijzig deze afspraak/ }).click();
		const what = page.getByRole('textbox', { name: 'Wat gebeurt er?' });
		const words = `belt het buurthuis (${round + 1})`;
		await what.fill('');
		await what.pressSequentially(words);
		await page.reload();
		const edit = page.getByRole('button', { name: /^Wijzig deze afspraak/ });
		await expect(edit).toBeVisible();
		const label = await edit.getAttribute('aria-label');
		if (label !== `Wijzig deze afspraak: F. ${words}`) {
			mistakes.push(`agreement, round ${round + 1}: "${label}"`);
		}
	}
	expect(mistakes).toEqual([]);
});

test('deleting a person says what goes, and takes all of it', async ({ page }) => {
	await page.goto('/gesprekken');
	await addPerson(page, 'Ali');
	await page.getByRole('button', { name: 'Begin een nieuw gesprek' }).click();
	await page.getByRole('button', { name: 'Samen invullen' }).click();
	await fillDimensions(page, 0, 1, 1);
	await page.getByRole('link', { name: 'Ali', exact: true }).click();
	await page.getByRole('button', { name: 'Verwijder Ali' }).click();
	const dialog = page.getByRole('dialog', { name: 'Ali verwijderen?' });
	await expect(dialog).toContainText('Gesprekken: 1. Webs: 1. Afspraken: 0.');
	await check(page, 'delete confirmation');
	await dialog.getByRole('button', { name: 'Nee, laat staan' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Ali' })).toBeVisible();

	await page.getByRole('button', { name: 'Verwijder Ali' }).click();
	await dialog.getByRole('button', { name: 'Ja, verwijder alles' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Gesprekken' })).toBeVisible();
	await expect(page.getByText('Je hebt nog niemand toegevoegd.')).toBeVisible();
	const left = await page.evaluate(
		() =>
			new Promise<number[]>((resolve, reject) => {
				const open = indexedDB.open('spinnenweb');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const names = ['clients', 'conversations', 'agreements', 'webs'];
					const tx = db.transaction(names, 'readonly');
					const counts = names.map((name) => tx.objectStore(name).count());
					tx.oncomplete = () => {
						resolve(counts.map((c) => c.result));
						db.close();
					};
				};
			})
	);
	expect(left).toEqual([0, 0, 0, 0]);
});
