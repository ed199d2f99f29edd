import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { expectNoAxeViolations } from './support/axe';
import { seedWebs } from './support/seed';
import { fillDimension, startNewWeb, variedPlan } from './support/web';

const MARCH = Date.UTC(2026, 2, 3, 10, 0);
const MAY = Date.UTC(2026, 4, 12, 15, 30);

/** The list of webs on the history page. */
function historyItems(page: Page) {
	// The list of webs itself: the page also lists parts of the comparison and the trend.
	return page.getByRole('list', { name: 'Al je webs' }).getByRole('listitem');
}

async function openSettings(page: Page) {
	await page.goto('/instellingen');
	await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible();
}

/** Makes a backup on the settings page and returns the downloaded file's path. */
async function makeBackup(page: Page, path: string): Promise<string> {
	await openSettings(page);
	const backup = page.getByRole('region', { name: 'Back-up' });
	const download = page.waitForEvent('download');
	await backup.getByRole('button', { name: 'Back-up maken' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^spinnenweb-backup-\d{4}-\d{2}-\d{2}\.json$/);
	await file.saveAs(path);
	await expect(backup.getByRole('status').first()).toContainText('Je back-up is klaar');
	return path;
}

async function chooseBackup(
	page: Page,
	file: string | { name: string; mimeType: string; buffer: Buffer }
) {
	await page
		.getByRole('region', { name: 'Back-up' })
		.getByLabel('Kies een back-up')
		.setInputFiles(file);
}

test('a backup made on one phone restores on a fresh one, with the same webs; twice changes nothing', async ({
	page,
	browser
}, testInfo) => {
	await startNewWeb(page);
	await fillDimension(page, variedPlan()[0]!, 'keyboard');
	await expect(page.getByText('Opgeslagen', { exact: true })).toBeVisible();
	await seedWebs(page, [
		{
			id: '0b9a3c1e-5d2f-4a6b-8c7d-9e0f1a2b3c4d',
			createdAt: MARCH,
			score: 6,
			wish: 'Vaker wandelen met mijn zus'
		},
		{ id: '6f1d2e3c-4b5a-4978-a6b5-c4d3e2f1a0b9', createdAt: MAY, score: 8 }
	]);
	await page.goto('/geschiedenis');
	await expect(historyItems(page)).toHaveCount(3);
	const before = await historyItems(page).allInnerTexts();

	const path = await makeBackup(page, testInfo.outputPath('backup.json'));
	const text = readFileSync(path, 'utf8');
	const json = JSON.parse(text) as {
		format: string;
		content: Record<string, { records: unknown[] }>;
	};
	expect(json.format).toBe('spinnenweb-backup');
	expect(json.content.webs?.records).toHaveLength(3);
	expect(text).toContain('Vaker wandelen met mijn zus');

	// Another phone: a fresh browser profile.
	const fresh = await browser.newContext({ ...testInfo.project.use, locale: 'nl-NL' });
	const other = await fresh.newPage();
	await openSettings(other);
	await chooseBackup(other, path);
	const backup = other.getByRole('region', { name: 'Back-up' });
	await expect(backup.getByRole('status').last()).toContainText('De back-up is teruggezet.');
	await expect(backup).toContainText(
		'Webs: nieuw 3, bijgewerkt 0, al hetzelfde 0, hier nieuwer en bewaard 0.'
	);
	await expect(backup).toContainText('Je antwoorden bij het nadenken: nieuw 1');
	await expectNoAxeViolations(other, 'settings after a restore');

	await other.goto('/geschiedenis');
	await expect(historyItems(other)).toHaveCount(3);
	expect(await historyItems(other).allInnerTexts()).toEqual(before);
	// The web from March shows its scores.
	await other.getByRole('link', { name: /Bekijk: 3 mrt 2026/ }).click();
	await expect(other.getByRole('table').getByRole('row', { name: /Zingeving/ })).toContainText(
		'6,0'
	);

	// The same file again: nothing changes, and the person is told so.
	await openSettings(other);
	await chooseBackup(other, path);
	await expect(other.getByRole('region', { name: 'Back-up' })).toContainText(
		'Er is niets veranderd. Alles uit deze back-up stond al op dit apparaat.'
	);
	await other.goto('/geschiedenis');
	await expect(historyItems(other)).toHaveCount(3);
	await fresh.close();
});

test('a web changed on both phones since the backup is shown side by side, and the choice is kept', async ({
	page,
	browser
}, testInfo) => {
	const id = '0b9a3c1e-5d2f-4a6b-8c7d-9e0f1a2b3c4d';
	// A first visit to the start page makes no database; the history screen opens it.
	await page.goto('/geschiedenis');
	await seedWebs(page, [{ id, createdAt: MARCH, score: 5 }]);
	const first = await makeBackup(page, testInfo.outputPath('first.json'));

	const fresh = await browser.newContext({ ...testInfo.project.use, locale: 'nl-NL' });
	const tablet = await fresh.newPage();
	await openSettings(tablet);
	await chooseBackup(tablet, first);
	await expect(tablet.getByRole('region', { name: 'Back-up' })).toContainText('Webs: nieuw 1');

	// Both change the same web afterwards: each a different answer.
	async function changeFirstAnswer(on: Page, keyToPress: string) {
		await on.goto(`/invullen?web=${id}&deel=1`);
		const slider = on.getByRole('slider').first();
		await slider.focus();
		await on.keyboard.press(keyToPress);
		await expect(on.getByText('Opgeslagen', { exact: true })).toBeVisible();
	}
	await changeFirstAnswer(tablet, '9');
	await changeFirstAnswer(page, '1');
	const fromTablet = await makeBackup(tablet, testInfo.outputPath('tablet.json'));

	await openSettings(page);
	await chooseBackup(page, fromTablet);
	await expect(page.getByRole('heading', { name: 'Kies wat je wilt houden' })).toBeFocused();
	const conflict = page.getByRole('group', { name: 'Web van 3 maart 2026' });
	const mine = conflict.getByRole('radio', { name: 'Op dit apparaat' });
	const theirs = conflict.getByRole('radio', { name: 'In de back-up' });
	await expect(mine).toBeChecked();
	// Side by side: the two versions share a row on a phone too.
	// (Measured together: the page may still be scrolling to the heading.)
	const tops = await conflict
		.getByRole('radio')
		.evaluateAll((radios) => radios.map((r) => r.getBoundingClientRect().top));
	expect(tops).toHaveLength(2);
	expect(Math.abs(tops[0]! - tops[1]!)).toBeLessThan(5);
	await expect(conflict).toContainText('Lichaamsfuncties');
	await expectNoAxeViolations(page, 'restore conflict');

	await theirs.check();
	await page.getByRole('button', { name: 'Terugzetten met deze keuzes' }).click();
	await expect(page.getByRole('region', { name: 'Back-up' })).toContainText(
		'Webs: nieuw 0, bijgewerkt 1'
	);
	await page.goto(`/invullen?web=${id}&deel=1`);
	await expect(page.getByRole('slider').first()).toHaveAttribute('aria-valuenow', '9');

	// The same file again asks nothing.
	await openSettings(page);
	await chooseBackup(page, fromTablet);
	await expect(page.getByRole('region', { name: 'Back-up' })).toContainText(
		'Er is niets veranderd.'
	);
	await fresh.close();
});

test('a file that is not a backup, is too new or was changed is refused in plain words, and nothing changes', async ({
	page
}, testInfo) => {
	// A first visit to the start page makes no database; the history screen opens it.
	await page.goto('/geschiedenis');
	await seedWebs(page, [
		{ id: '0b9a3c1e-5d2f-4a6b-8c7d-9e0f1a2b3c4d', createdAt: MARCH, score: 5 }
	]);
	const good = JSON.parse(
		readFileSync(await makeBackup(page, testInfo.outputPath('good.json')), 'utf8')
	) as {
		version: number;
		content: { webs: { records: { answers: Record<string, number> }[] } };
	};
	const backup = page.getByRole('region', { name: 'Back-up' });
	const alert = backup.getByRole('alert');

	await chooseBackup(page, {
		name: 'foto.jpg',
		mimeType: 'image/jpeg',
		buffer: Buffer.from([0xff, 0xd8, 0xff])
	});
	await expect(alert).toContainText('Dit bestand kunnen we niet lezen.');
	await expect(alert).toContainText('Er is niets veranderd op dit apparaat.');
	await expectNoAxeViolations(page, 'restore refused');

	const newer = testInfo.outputPath('newer.json');
	writeFileSync(newer, JSON.stringify({ ...good, version: 2 }));
	await chooseBackup(page, newer);
	await expect(alert).toContainText('Deze back-up komt uit een nieuwere versie van Spinnenweb.');

	const changed = structuredClone(good);
	changed.content.webs.records[0]!.answers['mentaal.vrolijk'] = 10;
	const edited = testInfo.outputPath('edited.json');
	writeFileSync(edited, JSON.stringify(changed));
	await chooseBackup(page, edited);
	await expect(alert).toContainText('Deze back-up is veranderd of beschadigd');

	await page.goto('/geschiedenis');
	await expect(historyItems(page)).toHaveCount(1);
});

test('erasing everything asks for a word first, then says it is done, and nothing is left', async ({
	page
}) => {
	// A first visit to the start page makes no database; the history screen opens it.
	await page.goto('/geschiedenis');
	await seedWebs(page, [
		{ id: '0b9a3c1e-5d2f-4a6b-8c7d-9e0f1a2b3c4d', createdAt: MARCH, score: 5, wish: 'Rust' }
	]);
	await openSettings(page);
	const erase = page.getByRole('region', { name: 'Alles wissen' });
	await expect(erase).toContainText('Dit kun je niet ongedaan maken.');

	await erase.getByRole('button', { name: 'Alles wissen' }).click();
	await expect(erase).toContainText('Typ eerst het woord WISSEN.');
	await expect(erase.getByLabel(/Typ WISSEN/)).toHaveAttribute('aria-invalid', 'true');
	await page.goto('/geschiedenis');
	await expect(historyItems(page)).toHaveCount(1);

	await openSettings(page);
	await erase.getByLabel(/Typ WISSEN/).fill('wissen');
	await erase.getByRole('button', { name: 'Alles wissen' }).click();
	await expect(erase.getByRole('status')).toHaveText(
		'Alles is gewist. Spinnenweb bewaart niets meer op dit apparaat.'
	);
	await expectNoAxeViolations(page, 'erase done');
	await erase.getByRole('link', { name: 'Naar het begin' }).click();
	await page.goto('/geschiedenis');
	await expect(page.getByText('Je hebt nog geen spinnenweb ingevuld.')).toBeVisible();
});
