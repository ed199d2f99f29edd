// "Eerdere webs" as webs over time (overlay of up to three, a line per part with its table, a small
// web per entry), and the web file the share screen sends to a professional's tablet.
import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { parseWebTransfer } from '../../src/lib/domain/web-transfer';
import { expectNoAxeViolations } from './support/axe';
import { expectFits } from './support/fits';
import { storeRecords, webRecord, type SeedWeb } from './support/seed-webs';
import { DIMENSIONS, readScoreTable } from './support/web';

const at = (year: number, month: number, day: number) =>
	new Date(year, month - 1, day, 10).getTime();
const FINISHED = 600_000;

/** Newest first: an unfinished web, then three finished ones two months apart. */
const WEBS: SeedWeb[] = [
	{
		id: '44444444-4444-4444-8444-444444444444',
		createdAt: at(2026, 2, 10),
		perDimension: [8, null, null, null, null, null],
		isUnfinished: true
	},
	{
		id: '33333333-3333-4333-8333-333333333333',
		createdAt: at(2026, 1, 10),
		perDimension: [7, 6, 6, 'liever-niet', 5, 9]
	},
	{
		id: '22222222-2222-4222-8222-222222222222',
		createdAt: at(2025, 11, 10),
		perDimension: [7, 5, 6, 5, 4, 8]
	},
	{
		id: '11111111-1111-4111-8111-111111111111',
		createdAt: at(2025, 9, 10),
		perDimension: [6, 5, 7, 4, 3, 8]
	}
];

const day = (ms: number) => new Intl.DateTimeFormat('nl', { dateStyle: 'medium' }).format(ms);
const dayAndTime = (ms: number) =>
	new Intl.DateTimeFormat('nl', { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
/** A finished web is dated by when it was finished. */
const dateOf = (web: SeedWeb) => web.createdAt + (web.isUnfinished ? 0 : FINISHED);
const number = (value: number | 'liever-niet' | null) =>
	typeof value === 'number' ? value.toFixed(1).replace('.', ',') : 'niet ingevuld';

async function openHistory(page: Page): Promise<void> {
	await page.goto('/geschiedenis');
	await expect(page.getByText('Je hebt nog geen spinnenweb ingevuld.')).toBeVisible();
	await storeRecords(page, WEBS.map(webRecord));
	await page.reload();
}

const webList = (page: Page) => page.getByRole('list', { name: 'Al je webs' });
const legend = (page: Page) => page.getByRole('list', { name: 'Legenda' });
const compareBox = (page: Page, web: SeedWeb) =>
	webList(page).getByRole('checkbox', { name: `Vergelijken: ${dayAndTime(dateOf(web))}` });

/** The number in each cell: on a phone a cell also shows its part's name above the number. */
async function numbersOf(row: Locator): Promise<string[]> {
	return (await row.getByRole('cell').allInnerTexts()).map((t) => t.trim().split('\n').at(-1)!);
}

test('earlier webs: two compared at first, a third chosen, lines and a table with the same numbers', async ({
	page
}) => {
	await openHistory(page);
	const [unfinished, january, november, september] = WEBS as [SeedWeb, SeedWeb, SeedWeb, SeedWeb];

	// Every web, newest first, each with a small web and what it is.
	const items = webList(page).getByRole('listitem');
	await expect(items).toHaveCount(4);
	await expect(items.nth(0)).toContainText('Nog niet af');
	await expect(items.nth(0)).toContainText('7 van 42 vragen');
	await expect(items.nth(0).getByRole('link', { name: /^Verder/ })).toBeVisible();
	for (const i of [1, 2, 3]) {
		await expect(items.nth(i)).toContainText('Af');
		await expect(items.nth(i).getByRole('link', { name: /^Bekijk/ })).toBeVisible();
	}
	await expect(webList(page).locator('svg.thumbnail')).toHaveCount(4);

	// At first: the newest finished web, solid, over the one before it, dashed.
	await expect(legend(page).getByRole('listitem')).toHaveText([
		`${day(dateOf(january))} (doorgetrokken lijn)`,
		`${day(dateOf(november))} (gestreepte lijn)`
	]);
	await expect(compareBox(page, january)).toBeChecked();
	await expect(compareBox(page, november)).toBeChecked();
	await expect(compareBox(page, unfinished)).not.toBeChecked();
	const overlay = page.getByRole('table', { name: 'Je cijfers per onderdeel in de gekozen webs' });
	const meedoen = overlay.getByRole('row', { name: /Meedoen/ });
	expect(await numbersOf(meedoen)).toEqual(['5,0', '4,0']);
	await expectNoAxeViolations(page, 'history with two webs compared');

	// A third, oldest: dotted. Then the comparison is full until one is taken away.
	await compareBox(page, september).check();
	await expect(legend(page).getByRole('listitem')).toHaveCount(3);
	await expect(legend(page).getByRole('listitem').nth(2)).toHaveText(
		`${day(dateOf(september))} (gestippelde lijn)`
	);
	await expect(page.locator('svg[role="img"] [data-series]')).toHaveCount(3);
	expect(await numbersOf(meedoen)).toEqual(['5,0', '4,0', '3,0']);
	await expect(
		page.getByRole('status').filter({ hasText: 'Je vergelijkt nu drie webs' })
	).toBeVisible();
	await expect(compareBox(page, unfinished)).toBeDisabled();
	await compareBox(page, november).uncheck();
	await expect(compareBox(page, unfinished)).toBeEnabled();
	await expect(legend(page).getByRole('listitem')).toHaveText([
		`${day(dateOf(january))} (doorgetrokken lijn)`,
		`${day(dateOf(september))} (gestreepte lijn)`
	]);

	// The lines follow the three finished webs; the table has their numbers, oldest first.
	const trend = page.getByRole('region', { name: 'Je cijfers door de tijd' });
	await expect(trend).toContainText('Afgemaakte webs in deze lijnen: 3 (hoogstens 12).');
	await expect(trend.getByRole('listitem')).toHaveCount(6);
	await expect(trend.getByRole('listitem').nth(4)).toContainText('Meedoen');
	await expect(trend.getByRole('listitem').nth(4)).toContainText('laatste web: 5,0');
	await trend.getByText('Bekijk deze cijfers in een tabel').click();
	const table = trend.getByRole('table', { name: /van je oudste tot je nieuwste/ });
	const rows = table.getByRole('row');
	await expect(rows).toHaveCount(4);
	for (const [i, web] of [september, november, january].entries()) {
		const row = rows.nth(i + 1);
		await expect(row.getByRole('rowheader')).toHaveText(day(dateOf(web)));
		expect(await numbersOf(row), day(dateOf(web))).toEqual(web.perDimension.map(number));
	}
	await expectNoAxeViolations(page, 'history with three compared and the trend table open');

	// Opening a web still works, and an unfinished one is continued.
	await items
		.nth(2)
		.getByRole('link', { name: /^Bekijk/ })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Jouw spinnenweb' })).toBeVisible();
	const result = await readScoreTable(page);
	expect(DIMENSIONS.map((name) => result[name]?.[0])).toEqual(november.perDimension.map(number));
	await page.goBack();
	await webList(page)
		.getByRole('listitem')
		.first()
		.getByRole('link', { name: /^Verder/ })
		.click();
	await expect(page).toHaveURL(/\/invullen\?web=44444444/);
});

for (const { what, width, fontSize } of [
	// As a phone's own text-size setting does it (see a11y.spec.ts): the root font size doubles.
	{ what: '200 % text', width: 390, fontSize: '225%' },
	{ what: '320 px', width: 320, fontSize: null }
]) {
	test(`earlier webs with three compared and the table open fit at ${what}`, async ({ page }) => {
		await page.setViewportSize({ width, height: 844 });
		if (fontSize) {
			await page.addInitScript((size) => {
				document.addEventListener('DOMContentLoaded', () => {
					const style = document.createElement('style');
					style.textContent = `html { font-size: ${size} !important; }`;
					document.head.append(style);
				});
			}, fontSize);
		}
		await openHistory(page);
		await compareBox(page, WEBS[3]!).check();
		await expect(legend(page).getByRole('listitem')).toHaveCount(3);
		const trend = page.getByRole('region', { name: 'Je cijfers door de tijd' });
		await trend.getByText('Bekijk deze cijfers in een tabel').click();
		await expect(trend.getByRole('table').getByRole('row')).toHaveCount(4);
		await expectFits(page, `history at ${what}`, `history-${width}`);
	});
}

test('the share screen sends the web as a file the tablet reads, notes only when ticked in', async ({
	page
}, testInfo) => {
	const web = webRecord({
		id: '55555555-5555-4555-8555-555555555555',
		createdAt: at(2026, 3, 3),
		perDimension: [7, 'liever-niet', 6, 5, 8, 4],
		talkAbout: ['meedoen.steun', 'lichaamsfuncties.slapen']
	});
	const note = 'Vaker samen koken <b>met</b> mijn buurvrouw';
	await page.goto('/geschiedenis');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await storeRecords(
		page,
		[web],
		[
			{
				webId: web.id,
				createdAt: web.updatedAt,
				updatedAt: web.updatedAt,
				focus: { kind: 'dimension', dimensionId: 'meedoen' },
				notes: { wish: note },
				stepDate: null,
				reminderDismissedAt: null
			}
		]
	);
	await page.goto(`/delen?web=${web.id}`);

	const section = page.getByRole('region', { name: 'Stuur je web naar je hulpverlener' });
	await expect(section).toContainText('Wat je hebt opgeschreven gaat niet mee');
	const notes = section.getByRole('checkbox', { name: /Stuur ook mee wat je hebt opgeschreven/ });
	await expect(notes).not.toBeChecked();
	await expectNoAxeViolations(page, 'share screen with the web file');

	async function download(): Promise<string> {
		const [file] = await Promise.all([
			page.waitForEvent('download'),
			section.getByRole('button', { name: 'Bewaar het bestand' }).click()
		]);
		expect(file.suggestedFilename()).toBe('spinnenweb-web-2026-03-03.json');
		const path = testInfo.outputPath(`${Date.now()}-${file.suggestedFilename()}`);
		await file.saveAs(path);
		return readFile(path, 'utf8');
	}

	// The web only, by default: every answer, "liever niet" and the flags, none of the notes.
	const webOnly = await download();
	await expect(section.getByRole('status')).toHaveText(
		'Het bestand is klaar: spinnenweb-web-2026-03-03.json'
	);
	expect(webOnly).not.toContain('buurvrouw');
	const parsed = parseWebTransfer(webOnly);
	expect(parsed.ok).toBe(true);
	if (!parsed.ok) return;
	expect(parsed.web).toMatchObject({
		id: web.id,
		questionSetId: 'volwassenen-v1',
		createdAt: web.createdAt,
		completedAt: web.completedAt,
		answers: web.answers,
		reflection: null
	});
	expect(parsed.web.talkAbout).toEqual(web.talkAbout);

	// With the notes ticked in, they travel too, as the plain text they were.
	await notes.check();
	const withNotes = parseWebTransfer(await download());
	expect(withNotes.ok && withNotes.web.reflection).toEqual({
		focus: { kind: 'dimension', dimensionId: 'meedoen' },
		notes: { wish: note },
		stepDate: null
	});
});
