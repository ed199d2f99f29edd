// The warm handover on a tablet (1180 × 820): the sociale kaart imported, a voorziening suggested
// in the uitzicht phase and linked to an agreement, the handover PDF that waits for the person's
// consent and leaves out what was not chosen, and the web as a FHIR file that validates; all of
// it offline, as a tablet in a neighbourhood centre may be.
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fhirErrors } from '../../src/lib/fhir/testing/fhir-validator';
import { expectNoAxeViolations } from './support/axe';
import { addPerson, dayFromToday, dutchDay, fillDimensions } from './support/gesprek';
import { waitForServiceWorkerControl } from './support/service-worker';
import { EXAMPLE, importFile, THREE_BAD, THREE_BAD_ROWS } from './support/sociale-kaart';

const SECRET_NOTE = 'Alleen voor mij: slaapt slecht sinds de verhuizing';

async function goToStep(page: Page, name: string) {
	const link = page
		.getByRole('navigation', { name: 'Stappen van het gesprek' })
		.getByRole('link', { name, exact: true });
	await link.click();
	await expect(link).toHaveAttribute('aria-current', 'step');
}

test('a suggested voorziening on an agreement, a consented handover PDF and a FHIR file', async ({
	page,
	context
}, testInfo) => {
	test.slow();
	await page.goto('/gesprekken');
	await waitForServiceWorkerControl(page);
	await context.setOffline(true);

	await test.step('the example list and the three bad rows, listed by line', async () => {
		await importFile(page, EXAMPLE);
		await page.getByRole('button', { name: 'Importeren', exact: true }).click();
		await expect(page.getByText('Klaar. Toegevoegd: 30. Vervangen: 0.')).toBeVisible();
		await page.getByRole('button', { name: 'Nog een bestand kiezen' }).click();
		await page.getByLabel('Bestand met voorzieningen').setInputFiles(THREE_BAD);
		const bad = page.getByRole('list', { name: 'Regels die we niet kunnen gebruiken: 3' });
		await expect(bad.locator(':scope > li')).toHaveText(THREE_BAD_ROWS);
		await expectNoAxeViolations(page, 'import report with three bad rows');
	});

	await test.step('a web, with one aspect of Meedoen to talk about', async () => {
		await page.goto('/gesprekken');
		await addPerson(page, 'Fatima');
		await page.getByRole('button', { name: 'Begin een nieuw gesprek' }).click();
		await page.getByRole('button', { name: 'Samen invullen' }).click();
		await fillDimensions(page, 0, 4, 1);
		await page
			.getByRole('button', { name: /Hier wil ik over praten/ })
			.first()
			.click();
		await fillDimensions(page, 4, 6, 1);
		await goToStep(page, 'Overzicht');
		await page.getByRole('textbox', { name: 'Jouw notitie bij het overzicht' }).fill(SECRET_NOTE);
		await goToStep(page, 'Inzicht');
		await page
			.getByRole('textbox', { name: 'De wens van de persoon, in eigen woorden' })
			.fill('Weer meedoen in de buurt');
	});

	await test.step('uitzicht suggests what serves Meedoen first; one becomes an agreement', async () => {
		await goToStep(page, 'Uitzicht');
		const suggestions = page.getByRole('region', { name: 'Voorzieningen in de buurt' });
		await expect(suggestions.getByText('Eerst wat helpt bij: Meedoen.')).toBeVisible();
		await expect(suggestions.getByRole('button', { name: 'Meedoen', exact: true })).toHaveAttribute(
			'aria-pressed',
			'true'
		);
		// Every one of the first group serves Meedoen; the rest of the kaart follows below.
		const first = suggestions.getByRole('list').first().locator(':scope > li');
		await expect(first).toHaveCount(6);
		for (const item of await first.all()) await expect(item).toContainText('Meedoen');
		await expect(first.filter({ hasText: 'Buurthuis De Brink' })).toHaveCount(1);
		await suggestions.getByRole('searchbox', { name: 'Zoek in de sociale kaart' }).fill('geld');
		await expect(
			suggestions.getByRole('heading', { name: 'Meer op de sociale kaart' })
		).toBeVisible();
		await suggestions.getByRole('searchbox', { name: 'Zoek in de sociale kaart' }).fill('');
		await expectNoAxeViolations(page, 'uitzicht suggestions');

		await suggestions
			.getByRole('button', { name: 'Koppel Buurthuis De Brink aan een nieuwe afspraak' })
			.click();
		await expect(page.getByRole('textbox', { name: 'Wat gebeurt er?' })).toBeFocused();
		await page.keyboard.type('verwacht Fatima bij de koffieochtend');
		await page.getByRole('button', { name: 'Klaar', exact: true }).click();
		const agreements = page.getByRole('region', { name: 'Afspraken' });
		await expect(
			agreements.getByText('Buurthuis De Brink verwacht Fatima bij de koffieochtend')
		).toBeVisible();
		await expect(agreements.getByRole('link', { name: '0570 700 101' })).toHaveAttribute(
			'href',
			'tel:0570700101'
		);
		await expectNoAxeViolations(page, 'an agreement with its voorziening');
	});

	await test.step('the handover PDF waits for consent, then holds what was chosen only', async () => {
		await page.getByRole('link', { name: 'Warme overdracht' }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: 'Warme overdracht voor Fatima' })
		).toBeVisible();
		const make = page.getByRole('button', { name: 'Maak de PDF' });
		await page.getByRole('textbox', { name: /^Voor wie is het/ }).fill('Wijkteam Oost');
		await page
			.getByRole('textbox', { name: 'Waarom deze overdracht?' })
			.fill('Hulp bij geldzaken.');
		await page.getByRole('textbox', { name: 'Jouw naam' }).fill('Anna de Vries');
		await expect(
			page.getByRole('checkbox', { name: 'De aantekeningen van het gesprek' })
		).not.toBeChecked();
		await expect(make).toBeDisabled();
		await expect(make).toHaveAccessibleDescription(
			'De PDF kan pas als Fatima toestemming gaf. Vink dat hierboven aan.'
		);
		await expectNoAxeViolations(page, 'handover form before consent');

		await page
			.getByRole('checkbox', { name: 'De persoon gaf toestemming voor deze overdracht' })
			.check();
		await expect(make).toBeEnabled();
		await expectNoAxeViolations(page, 'handover form with consent');
		const [download] = await Promise.all([page.waitForEvent('download'), make.click()]);
		const day = dayFromToday(0);
		expect(download.suggestedFilename()).toBe(`warme-overdracht-${day}.pdf`);
		await expect(page.getByText(/^De PDF is klaar: warme-overdracht-/)).toBeVisible();
		const path = testInfo.outputPath(download.suggestedFilename());
		await download.saveAs(path);
		const text = execFileSync('/usr/bin/pdftotext', [path, '-'], { encoding: 'utf8' }).replace(
			/\s+/g,
			' '
		);
		expect(text).toContain(
			`Toestemming van Fatima gegeven op ${dutchDay(day)}, vastgelegd door Anna de Vries`
		);
		expect(text).toContain('Buurthuis De Brink');
		expect(text).toContain('0570 700 101');
		expect(text).toContain('Weer meedoen in de buurt');
		expect(text).not.toContain('verhuizing');
		await expectNoAxeViolations(page, 'handover made');

		// The consent is kept with the conversation, and the name on this device.
		await page.reload();
		await expect(
			page.getByText(/: aan Wijkteam Oost, vastgelegd door Anna de Vries$/)
		).toBeVisible();
		await expect(page.getByRole('textbox', { name: 'Jouw naam' })).toHaveValue('Anna de Vries');
	});

	await test.step('the web as FHIR, valid against the FHIR R4 schema', async () => {
		await page.getByRole('link', { name: 'Terug naar het gesprek' }).click();
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Bewaar als FHIR-bestand' }).click()
		]);
		const bundle = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
			resourceType: string;
			entry: { resource: { resourceType: 'Questionnaire' | 'QuestionnaireResponse' } }[];
		};
		expect(fhirErrors('Bundle', bundle)).toEqual([]);
		expect(bundle.entry.map((e) => e.resource.resourceType).sort()).toEqual([
			'Questionnaire',
			'QuestionnaireResponse'
		]);
		for (const { resource } of bundle.entry) {
			expect(fhirErrors(resource.resourceType, resource)).toEqual([]);
		}
		expect(JSON.stringify(bundle)).not.toContain('Fatima');
	});
});
