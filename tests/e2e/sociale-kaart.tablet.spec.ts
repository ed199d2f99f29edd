// The sociale kaart on a tablet (1180 × 820), on the professional side: import the example list and
// a list with three bad rows, see those rows by line, search and filter, choose between a stored
// voorziening and a changed one from a file, add one by hand, export, and all of it offline.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectNoAxeViolations } from './support/axe';
import { EXAMPLE, importFile, KAART, THREE_BAD, THREE_BAD_ROWS } from './support/sociale-kaart';
import { waitForServiceWorkerControl } from './support/service-worker';

test('import the example list and a list with three bad rows, find, export, all offline', async ({
	page,
	context
}) => {
	test.slow();
	await page.goto(KAART);
	await waitForServiceWorkerControl(page);
	await context.setOffline(true);

	await page.reload();
	await expect(page.getByText('Er staan nog geen voorzieningen op de kaart.')).toBeVisible();
	await expectNoAxeViolations(page, 'empty sociale kaart');

	// The example list: 30 new voorzieningen, nothing wrong.
	await importFile(page, EXAMPLE);
	await expect(page.getByText('Nieuw op de kaart: 30')).toBeVisible();
	await expect(page.getByText('Regels die we niet kunnen gebruiken: 0')).toBeVisible();
	await expectNoAxeViolations(page, 'import report of the example list');
	await page.getByRole('button', { name: 'Importeren', exact: true }).click();
	await expect(page.getByText('Klaar. Toegevoegd: 30. Vervangen: 0.')).toBeVisible();
	await expectNoAxeViolations(page, 'import done');

	// The same file again changes nothing.
	await page.getByRole('button', { name: 'Nog een bestand kiezen' }).click();
	await page.getByLabel('Bestand met voorzieningen').setInputFiles(EXAMPLE);
	await expect(page.getByText('Staat er al precies zo op: 30')).toBeVisible();
	await expect(page.getByText('Er is niets nieuws om te importeren.')).toBeVisible();

	// Three bad rows, listed by line with their reasons; the two good rows can go.
	await page.getByRole('button', { name: 'Nog een bestand kiezen' }).click();
	await page.getByLabel('Bestand met voorzieningen').setInputFiles(THREE_BAD);
	await expect(page.getByText('Nieuw op de kaart: 2')).toBeVisible();
	const bad = page.getByRole('list', { name: 'Regels die we niet kunnen gebruiken: 3' });
	await expect(bad.locator(':scope > li')).toHaveText(THREE_BAD_ROWS);
	await expectNoAxeViolations(page, 'import report with three bad rows');
	await page.getByRole('button', { name: 'Importeren', exact: true }).click();
	await expect(page.getByText('Klaar. Toegevoegd: 2. Vervangen: 0.')).toBeVisible();

	// Find: by word inside a compound, by dimension, and the details. The professional's start
	// screen leads there.
	await page.goto('/gesprekken');
	await page.getByRole('main').getByRole('link', { name: 'Sociale kaart' }).click();
	await expect(page).toHaveURL(new RegExp(`${KAART}$`));
	await expect(page.getByText('Gevonden: 31')).toBeVisible(); // 32 stored, one not active
	await expectNoAxeViolations(page, 'sociale kaart list');
	await page.getByLabel('Zoek op naam of woord').fill('cafe');
	await expect(page.getByRole('link', { name: /caf/i })).toHaveText(['Repair Café', 'Taalcafé']);
	await page.getByLabel('Zoek op naam of woord').fill('');
	await page.getByRole('button', { name: 'Zin en doel' }).click();
	await page.getByLabel('Zoek op naam of woord').fill('rouw');
	await expect(page.getByRole('link', { name: 'Rouwgroep' })).toBeVisible();
	await expect(page.getByText('Gevonden: 1')).toBeVisible();
	await expectNoAxeViolations(page, 'search with a dimension filter');
	await page.getByRole('link', { name: 'Rouwgroep' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Rouwgroep' })).toBeVisible();
	await expect(page.getByRole('link', { name: '0570 700 109' })).toHaveAttribute(
		'href',
		'tel:0570700109'
	);
	await expectNoAxeViolations(page, 'voorziening details');

	// Export: the CSV reads back as the same list.
	await page.goto(KAART);
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'CSV (Excel)' }).click();
	const csv = readFileSync((await (await download).path())!, 'utf8');
	expect(csv.startsWith('\uFEFFid;naam;')).toBe(true);
	expect(csv.split('\r\n').filter((line) => line.startsWith('SK-0'))).toHaveLength(32);
	const hsdsDownload = page.waitForEvent('download');
	await page.getByRole('button', { name: 'HSDS (Open Referral)' }).click();
	const hsds = JSON.parse(readFileSync((await (await hsdsDownload).path())!, 'utf8')) as {
		total_items: number;
	};
	expect(hsds.total_items).toBe(32);
});

test('a changed voorziening in a file is shown beside the stored one, and the person chooses', async ({
	page
}) => {
	await importFile(page, EXAMPLE);
	await page.getByRole('button', { name: 'Importeren', exact: true }).click();
	await expect(page.getByText('Toegevoegd: 30')).toBeVisible();

	const changed = readFileSync(EXAMPLE, 'utf8')
		.replace('0570 700 104;taalcafe@', '0570 700 999;taalcafe@')
		.replace(
			'Welzijn Brinkveen;Mentaal welbevinden|Dagelijks functioneren',
			'Welzijn Brinkveen;Mentaal welbevinden'
		);
	await page.getByRole('button', { name: 'Nog een bestand kiezen' }).click();
	await page.getByLabel('Bestand met voorzieningen').setInputFiles({
		name: 'kaart-nieuw.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(changed)
	});
	await expect(page.getByText('Staat er al op, maar anders: 2.')).toBeVisible();
	const taalcafe = page.getByRole('group', { name: /Taalcafé: welke wil je houden\?/ });
	await expect(taalcafe.getByRole('row', { name: /Telefoon/ })).toHaveText(
		/0570 700 104\s*0570 700 999/
	);
	await expectNoAxeViolations(page, 'a match shown side by side');
	// Nothing is overwritten without a choice: keeping both changes nothing.
	await expect(page.getByText('Er is niets nieuws om te importeren.')).toBeVisible();
	await taalcafe.getByLabel('Neem die uit het bestand').check();
	await page.getByRole('button', { name: 'Importeren', exact: true }).click();
	await expect(page.getByText('Toegevoegd: 0. Vervangen: 1.')).toBeVisible();

	await page.goto(KAART);
	await page.getByRole('link', { name: 'Taalcafé' }).click();
	await expect(page.getByRole('link', { name: '0570 700 999' })).toBeVisible();
	await page.goto(KAART);
	// The one left as it was still serves both its dimensions.
	const mantelzorg = page.getByRole('listitem').filter({ hasText: 'Mantelzorgsteunpunt' });
	await expect(mantelzorg.getByRole('listitem')).toHaveText(
		['Gevoel en denken', 'Dagelijks leven'],
		{ useInnerText: true }
	);
});

test('files that are not a list are refused with a clear message, and nothing changes', async ({
	page
}) => {
	await importFile(page, EXAMPLE);
	await page.getByRole('button', { name: 'Importeren', exact: true }).click();
	await expect(page.getByText('Toegevoegd: 30')).toBeVisible();

	await page.getByRole('button', { name: 'Nog een bestand kiezen' }).click();
	for (const [name, buffer, message] of [
		['leeg.csv', Buffer.alloc(0), 'In dit bestand staan geen voorzieningen.'],
		[
			'lijst.xlsx',
			Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0]),
			'Dit bestand kunnen we niet lezen.'
		],
		['groot.csv', Buffer.alloc(5 * 1024 * 1024 + 1, 0x61), 'Dit bestand is groter dan 5 MB.']
	] as const) {
		await page
			.getByLabel('Bestand met voorzieningen')
			.setInputFiles({ name, mimeType: 'text/csv', buffer });
		await expect(page.getByRole('alert')).toContainText(message);
		await expect(page.getByRole('alert')).toContainText('Er is niets veranderd op de kaart.');
	}
	await expectNoAxeViolations(page, 'a refused file');
	await page.goto(KAART);
	await expect(page.getByText('Gevonden: 29')).toBeVisible();
});

test('add a voorziening by hand: bad fields are explained, a good one is stored', async ({
	page
}) => {
	await page.goto(`${KAART}/bewerken`);
	await page.getByLabel('Naam').fill('Kookcafé Oost');
	await page.getByLabel('Postcode').fill('741');
	await page.getByLabel('Website').fill('javascript:alert(1)');
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'Nog niet alles klopt. Kijk bij de velden met een uitleg.'
	);
	await expect(page.getByText('Schrijf de postcode als 1234 AB.')).toBeVisible();
	await expect(page.getByText('Een webadres begint met https:// of http://.')).toBeVisible();
	await expect(page.getByText('Kies minstens één onderdeel')).toBeVisible();
	await expectNoAxeViolations(page, 'form with problems');

	await page.getByLabel('Postcode').fill('7413ab');
	await page.getByLabel('Website').fill('https://kookcafe-oost.example');
	await page.getByRole('checkbox', { name: 'Meedoen' }).check();
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Kookcafé Oost' })).toBeVisible();
	await expect(page.getByText('7413 AB')).toBeVisible();
	await page.goto(KAART);
	await expect(page.getByRole('link', { name: 'Kookcafé Oost' })).toBeVisible();
});
