// Script-like text typed, imported and restored stays text: nothing in it runs, every screen shows
// it as written, and the PDF holds it as written. The page keeps a flag the payload would set and
// a dialog listener, both checked at the end of each part.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { storeRecords, webRecord } from './support/seed-webs';

test.describe.configure({ timeout: 120_000 });

/** A script, a broken image with a handler, a javascript: link and a right-to-left override. */
const PAYLOAD =
	'<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2,alert(2)"> ' +
	'<a href="javascript:window.__pwned=3">link</a> \u202Etxet';
/** A pseudonym holds at most 40 characters. */
const SHORT = '<img src=x onerror=alert(1)>\u202Eab';
const WEB = webRecord({
	id: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d',
	createdAt: Date.UTC(2026, 2, 3, 10),
	perDimension: [6, 5, 4, 7, 8, 3]
});

declare global {
	interface Window {
		__pwned?: number;
	}
}

/** Listens for dialogs from the start; returns what they said. */
function watch(page: Page): string[] {
	const dialogs: string[] = [];
	page.on('dialog', (dialog) => {
		dialogs.push(dialog.message());
		void dialog.dismiss();
	});
	return dialogs;
}

async function expectNothingRan(page: Page, dialogs: readonly string[]) {
	expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
	expect(dialogs).toEqual([]);
	// Nothing of the payload became an element.
	await expect(page.locator('img[src="x"], a[href^="javascript:"]')).toHaveCount(0);
}

function csvField(text: string): string {
	return `"${text.replaceAll('"', '""')}"`;
}

test('script-like text in the personal side’s notes stays text on screen and in the PDF', async ({
	page
}, testInfo) => {
	const dialogs = watch(page);
	await page.goto('/geschiedenis');
	await expect(page.getByText('Je hebt nog geen spinnenweb ingevuld.')).toBeVisible();
	await storeRecords(page, [WEB]);

	await page.goto(`/reflectie?web=${WEB.id}`);
	await page.getByLabel('Wat valt je op als je naar je web kijkt?').fill(PAYLOAD);
	await page.getByRole('button', { name: 'Volgende' }).click();
	await page.getByLabel('Is er iets dat je graag anders wilt?').fill(PAYLOAD);
	await page.getByRole('button', { name: 'Volgende' }).click();
	await page.getByLabel('Wat is een eerste kleine stap?').fill(PAYLOAD);
	await page.getByLabel('Wie of wat kan je daarbij helpen?').fill(PAYLOAD);
	await expect(page.getByText('Opgeslagen', { exact: true })).toBeVisible();
	await page.reload();
	await expect(page.getByLabel('Wat is een eerste kleine stap?')).toHaveValue(PAYLOAD);
	await page.getByRole('button', { name: 'Klaar, terug naar je web' }).click();
	const summary = page.getByRole('region', { name: 'Je eerste stap' });
	await expect(summary).toContainText(PAYLOAD);
	await expectNothingRan(page, dialogs);

	await page.goto(`/delen?web=${WEB.id}`);
	await expect(page.getByRole('heading', { level: 1, name: 'Je web delen' })).toBeVisible();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download' }).click()
	]);
	const path = testInfo.outputPath('share.pdf');
	await download.saveAs(path);
	const text = execFileSync('/usr/bin/pdftotext', ['-raw', path, '-'], { encoding: 'utf8' });
	const flat = text.replace(/\s+/g, ' ');
	expect(flat).toContain('<script>window.__pwned=1</script>');
	expect(flat).toContain('onerror="window.__pwned=2,alert(2)">');
	expect(flat).toContain('<a href="javascript:window.__pwned=3">link</a>');
	// The scores are still in it: the text broke nothing around it.
	expect(flat).toContain('Zingeving');
	await expectNothingRan(page, dialogs);
});

test('script-like text on the professional side, from the kaart’s CSV and from a backup, stays text', async ({
	page,
	browser
}, testInfo) => {
	const dialogs = watch(page);

	// A person, a conversation's notes, wish, first step and an agreement.
	await page.goto('/gesprekken');
	await page.getByRole('textbox', { name: 'Schuilnaam of voorletters' }).fill(SHORT);
	await page.getByRole('button', { name: 'Voeg toe' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(SHORT);
	await page.getByRole('button', { name: 'Begin een nieuw gesprek' }).click();
	await expect(page).toHaveURL(/gesprek\?id=/);
	const id = new URL(page.url()).searchParams.get('id')!;
	await page.goto(`/gesprekken/gesprek?id=${id}&stap=overzicht`);
	await page.getByRole('textbox', { name: 'Jouw notitie bij het overzicht' }).fill(PAYLOAD);
	await page.getByRole('button', { name: 'Volgende' }).click();
	await page
		.getByRole('textbox', { name: 'De wens van de persoon, in eigen woorden' })
		.fill(PAYLOAD);
	await page.getByRole('button', { name: 'Volgende' }).click();
	await page.getByRole('textbox', { name: 'De eerste kleine stap' }).fill(PAYLOAD);
	await page.getByRole('button', { name: 'Voeg een afspraak toe' }).click();
	await page.getByRole('textbox', { name: 'Wat gebeurt er?' }).fill(PAYLOAD);
	await page.getByRole('button', { name: 'Klaar', exact: true }).click();
	await expect(page.getByText(`${SHORT} ${PAYLOAD}`, { exact: true })).toBeVisible();
	await expectNothingRan(page, dialogs);

	// The sociale kaart: typed in its form, and imported from a CSV file.
	await page.goto('/gesprekken/sociale-kaart/bewerken');
	await page.getByLabel('Naam').fill(`${PAYLOAD} (getypt)`);
	await page.getByLabel('Korte beschrijving').fill(PAYLOAD);
	await page.getByRole('checkbox', { name: 'Meedoen' }).check();
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${PAYLOAD} (getypt)`);
	const header = readFileSync(
		new URL('../fixtures/sociale-kaart-voorbeeld.csv', import.meta.url),
		'utf8'
	).split(/\r?\n/)[0]!;
	const row = [
		csvField(`${PAYLOAD} (csv)`),
		csvField(PAYLOAD),
		'',
		'Meedoen',
		...Array.from({ length: 16 }, () => '')
	].join(';');
	await page.goto('/gesprekken/sociale-kaart/importeren');
	await page.getByLabel('Bestand met voorzieningen').setInputFiles({
		name: 'kaart.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(`${header}\n${row}\n`)
	});
	await expect(page.getByText('Nieuw op de kaart: 1')).toBeVisible();
	await page.getByRole('button', { name: 'Importeren', exact: true }).click();
	await expect(page.getByText('Klaar. Toegevoegd: 1. Vervangen: 0.')).toBeVisible();
	await page.goto('/gesprekken/sociale-kaart');
	await expect(page.getByRole('link', { name: `${PAYLOAD} (csv)` })).toBeVisible();
	await expect(page.getByRole('link', { name: `${PAYLOAD} (getypt)` })).toBeVisible();
	await expectNothingRan(page, dialogs);

	// All of it in the tablet's backup, restored into a fresh tablet.
	await page.goto('/gesprekken/back-up');
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Back-up maken' }).click();
	const path = testInfo.outputPath('backup.json');
	await (await download).saveAs(path);
	expect(readFileSync(path, 'utf8')).toContain('<script>window.__pwned=1</script>');

	const fresh = await browser.newContext({ ...testInfo.project.use, locale: 'nl-NL' });
	const other = await fresh.newPage();
	const otherDialogs = watch(other);
	await other.goto('/gesprekken/back-up');
	await other.getByLabel('Kies een back-up').setInputFiles(path);
	await expect(other.getByRole('status').last()).toContainText('De back-up is teruggezet.');
	await other.goto('/gesprekken');
	await expect(other.getByRole('link').getByText(SHORT, { exact: true })).toBeVisible();
	await other.goto(`/gesprekken/gesprek?id=${id}&stap=uitzicht`);
	await expect(other.getByRole('textbox', { name: 'De eerste kleine stap' })).toHaveValue(PAYLOAD);
	await expect(other.getByText(`${SHORT} ${PAYLOAD}`, { exact: true })).toBeVisible();
	await other.goto(`/gesprekken/gesprek?id=${id}&stap=overzicht`);
	await expect(other.getByRole('textbox', { name: 'Jouw notitie bij het overzicht' })).toHaveValue(
		PAYLOAD
	);
	await other.goto('/gesprekken/sociale-kaart');
	await expect(other.getByRole('link', { name: `${PAYLOAD} (csv)` })).toBeVisible();
	await expectNothingRan(other, otherDialogs);
	await fresh.close();
});
