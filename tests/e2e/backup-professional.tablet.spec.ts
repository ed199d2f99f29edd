// The tablet's backup ("Back-up van deze tablet"): made in one browser, restored into a fresh one,
// and the same people, conversations, webs, agreements and sociale kaart are on its screens.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectNoAxeViolations } from './support/axe';
import { webRecord } from './support/seed-webs';

const MARCH = Date.UTC(2026, 2, 3, 10, 0);
const FATIMA = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const CONVERSATION = '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a';
const WEB = webRecord({
	id: '3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6a7b',
	createdAt: MARCH,
	perDimension: [6, 5, 4, 7, 8, 3]
});

const TABLES = {
	clients: [
		{ id: FATIMA, pseudonym: 'Fatima', createdAt: MARCH, updatedAt: MARCH, handOverLocale: null }
	],
	conversations: [
		{
			id: CONVERSATION,
			clientId: FATIMA,
			webId: WEB.id,
			createdAt: MARCH,
			updatedAt: MARCH + 1000,
			notes: { overzicht: 'Ze slaapt slecht sinds de verhuizing' },
			wish: 'Weer samen met de buren koken',
			wishOwner: 'person',
			firstStep: 'Vraagt de buurvrouw om koffie',
			dismissedPrompts: [],
			followUpDate: null,
			webFilledBy: ['together']
		}
	],
	agreements: [
		{
			id: '4f5a6b7c-8d9e-4f0a-9b1c-2d3e4f5a6b7c',
			clientId: FATIMA,
			conversationId: CONVERSATION,
			createdAt: MARCH,
			updatedAt: MARCH,
			what: 'belt het buurthuis',
			who: { kind: 'person', name: '' },
			byWhen: null,
			status: 'open',
			history: []
		}
	],
	webs: [{ ...WEB, clientId: FATIMA }],
	voorzieningen: [
		{
			id: 'buurthuis-de-brink',
			name: 'Buurthuis De Brink',
			description: 'Koffie, samen eten en een luisterend oor.',
			organisation: 'Welzijn Oost',
			dimensions: ['meedoen'],
			targetGroup: '',
			ageFrom: null,
			ageTo: null,
			costs: '',
			signUp: '',
			phone: '',
			email: '',
			website: '',
			street: '',
			postcode: '',
			place: 'Deventer',
			neighbourhood: '',
			openingHours: '',
			status: 'active',
			lastChecked: null,
			createdAt: MARCH,
			updatedAt: MARCH
		}
	]
};

/** Stores records straight into the app's tables, as months of use would leave them. */
async function storeTables(page: Page, tables: Record<string, readonly object[]>): Promise<void> {
	await page.evaluate(
		(all) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('spinnenweb');
				open.onerror = () => reject(new Error('cannot open the database'));
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction(Object.keys(all), 'readwrite');
					for (const [name, records] of Object.entries(all)) {
						for (const record of records) tx.objectStore(name).put(record);
					}
					tx.oncomplete = () => {
						db.close();
						resolve();
					};
					tx.onerror = () => reject(new Error('cannot write'));
				};
			}),
		tables
	);
}

async function openBackup(page: Page) {
	await page.goto('/gesprekken');
	await page.getByRole('link', { name: 'Back-up van deze tablet' }).click();
	const region = page.getByRole('region', { name: 'Back-up van deze tablet' });
	await expect(region).toBeVisible();
	return region;
}

/** What the professional sees of Fatima: her page, and her conversation with its web. */
async function whatIsShown(page: Page) {
	await page.goto('/gesprekken');
	await page.getByRole('link', { name: /^Fatima/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Fatima' })).toBeVisible();
	await expect(page.getByText('belt het buurthuis')).toBeVisible();
	await expect(
		page
			.getByRole('main')
			.getByRole('table')
			.getByRole('row', { name: /Zingeving/ })
	).toContainText('4,0');
	const person = await page.getByRole('main').innerText();
	await page
		.getByRole('link', { name: /^Gesprek van / })
		.first()
		.click();
	// The person's page has a table of her webs too: read the conversation's own, once it is open.
	await expect(page).toHaveURL(/\/gesprekken\/gesprek\?/);
	const table = page.getByRole('region', { name: 'Het web van Fatima' }).getByRole('table');
	await expect(table.getByRole('row', { name: /Zingeving/ })).toContainText('4,0');
	const web = await table.innerText();
	await page.goto('/gesprekken/sociale-kaart');
	await expect(page.getByText('Buurthuis De Brink')).toBeVisible();
	return { person, web };
}

test('a tablet’s backup restores into a fresh tablet with the same people, conversations, webs and kaart', async ({
	page,
	browser
}, testInfo) => {
	// The people list opens the database; then months of work are there.
	await page.goto('/gesprekken');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await storeTables(page, TABLES);
	const before = await whatIsShown(page);

	const region = await openBackup(page);
	await expectNoAxeViolations(page, 'tablet backup');
	const download = page.waitForEvent('download');
	await region.getByRole('button', { name: 'Back-up maken' }).click();
	const path = testInfo.outputPath('tablet-backup.json');
	await (await download).saveAs(path);
	await expect(region.getByRole('status').first()).toContainText(
		'In de back-up: mensen 1, gesprekken 1, webs 1.'
	);
	const json = JSON.parse(readFileSync(path, 'utf8')) as {
		scope: string;
		content: Record<string, { records: unknown[] }>;
	};
	expect(json.scope).toBe('professional');
	expect(Object.keys(json.content)).toEqual([
		'clients',
		'conversations',
		'agreements',
		'webs',
		'reflections',
		'voorzieningen',
		'settings'
	]);

	// Another tablet: a fresh browser profile.
	const fresh = await browser.newContext({ ...testInfo.project.use, locale: 'nl-NL' });
	const other = await fresh.newPage();
	const otherRegion = await openBackup(other);
	await otherRegion.getByLabel('Kies een back-up').setInputFiles(path);
	await expect(otherRegion.getByRole('status').last()).toContainText('De back-up is teruggezet.');
	await expect(otherRegion).toContainText('Mensen: nieuw 1');
	await expect(otherRegion).toContainText('Gesprekken: nieuw 1');
	await expect(otherRegion).toContainText('Afspraken: nieuw 1');
	await expect(otherRegion).toContainText('Sociale kaart: nieuw 1');
	await expectNoAxeViolations(other, 'tablet after a restore');
	expect(await whatIsShown(other)).toEqual(before);

	// The personal side's backup on the same tablet holds none of it.
	await other.goto('/instellingen');
	const personal = other.getByRole('region', { name: 'Back-up' });
	const personalDownload = other.waitForEvent('download');
	await personal.getByRole('button', { name: 'Back-up maken' }).click();
	const personalText = readFileSync((await (await personalDownload).path()) ?? '', 'utf8');
	expect(personalText).not.toContain('Fatima');
	expect(personalText).not.toContain(WEB.id);
	expect(personalText).not.toContain('Buurthuis');
	await fresh.close();
});

test('a conversation changed on both tablets since the backup is shown side by side', async ({
	page,
	browser
}, testInfo) => {
	await page.goto('/gesprekken');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await storeTables(page, TABLES);
	let region = await openBackup(page);
	let download = page.waitForEvent('download');
	await region.getByRole('button', { name: 'Back-up maken' }).click();
	const first = testInfo.outputPath('first.json');
	await (await download).saveAs(first);

	const fresh = await browser.newContext({ ...testInfo.project.use, locale: 'nl-NL' });
	const other = await fresh.newPage();
	const otherRegion = await openBackup(other);
	await otherRegion.getByLabel('Kies een back-up').setInputFiles(first);
	await expect(otherRegion).toContainText('Gesprekken: nieuw 1');

	// Both change the wish afterwards, each in their own words.
	const [conversation] = TABLES.conversations;
	await storeTables(page, {
		conversations: [{ ...conversation, wish: 'Weer fietsen', updatedAt: MARCH + 5000 }]
	});
	await storeTables(other, {
		conversations: [{ ...conversation, wish: 'Vaker wandelen', updatedAt: MARCH + 6000 }]
	});
	region = await openBackup(page);
	download = page.waitForEvent('download');
	await region.getByRole('button', { name: 'Back-up maken' }).click();
	const second = testInfo.outputPath('second.json');
	await (await download).saveAs(second);

	const again = await openBackup(other);
	await again.getByLabel('Kies een back-up').setInputFiles(second);
	await expect(other.getByRole('heading', { name: 'Kies wat je wilt houden' })).toBeFocused();
	const conflict = other.getByRole('group', { name: 'Gesprek van 3 maart 2026' });
	// Both wishes side by side, in the professional's words.
	await expect(conflict.getByRole('radio', { name: 'Op dit apparaat' })).toBeChecked();
	await expect(conflict).toContainText('Vaker wandelen');
	await expect(conflict).toContainText('Weer fietsen');
	await expectNoAxeViolations(other, 'restore conflict for a conversation');
	await conflict.getByRole('radio', { name: 'In de back-up' }).check();
	await other.getByRole('button', { name: 'Terugzetten met deze keuzes' }).click();
	await expect(again.getByRole('status').last()).toContainText('De back-up is teruggezet.');
	await other.goto(`/gesprekken/gesprek?id=${CONVERSATION}&stap=inzicht`);
	await expect(other.getByLabel('De wens van de persoon, in eigen woorden')).toHaveValue(
		'Weer fietsen'
	);
	await fresh.close();
});
