// A web the person filled in on their own phone reaches the professional's tablet as a file: the
// phone's share screen saves it, the conversation takes it over. A file that is not one says why
// and changes nothing. Both run on this one browser, as the two devices would.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { addPerson } from './support/gesprek';
import { storeRecords, webRecord } from './support/seed-webs';

const PHONE_WEB = webRecord({
	id: '7b1e2c4a-5d6f-4a8b-9c0d-1e2f3a4b5c6d',
	createdAt: Date.UTC(2026, 2, 3, 9),
	perDimension: [6, 5, 4, 7, 8, 3]
});
const PERSONAL_NOTE = 'Mijn buurvrouw helpt me met de boodschappen';

async function storedCounts(page: Page): Promise<{ webs: number; conversations: number }> {
	return page.evaluate(
		() =>
			new Promise<{ webs: number; conversations: number }>((resolve, reject) => {
				const open = indexedDB.open('spinnenweb');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction(['webs', 'conversations'], 'readonly');
					const webs = tx.objectStore('webs').count();
					const conversations = tx.objectStore('conversations').getAll();
					tx.oncomplete = () => {
						// Only conversations with a web count: a new one has none yet.
						const withWeb = (conversations.result as { webId: unknown }[]).filter(
							(c) => c.webId !== null
						).length;
						resolve({ webs: webs.result, conversations: withWeb });
						db.close();
					};
				};
			})
	);
}

test('a web from the phone comes in through its file; a file that is not one changes nothing', async ({
	page
}, testInfo) => {
	// The phone: a finished web with a note, sent with the notes ticked in.
	// The history has opened the database (and found it empty) once it says so.
	await page.goto('/geschiedenis');
	await expect(page.getByText('Je hebt nog geen spinnenweb ingevuld.')).toBeVisible();
	await storeRecords(
		page,
		[PHONE_WEB],
		[
			{
				webId: PHONE_WEB.id,
				createdAt: PHONE_WEB.updatedAt,
				updatedAt: PHONE_WEB.updatedAt,
				focus: null,
				notes: { energy: PERSONAL_NOTE },
				stepDate: null,
				reminderDismissedAt: null
			}
		]
	);
	await page.goto(`/delen?web=${PHONE_WEB.id}`);
	const share = page.getByRole('region', { name: 'Stuur je web naar je hulpverlener' });
	await share.getByRole('checkbox', { name: /Stuur ook mee wat je hebt opgeschreven/ }).check();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		share.getByRole('button', { name: 'Bewaar het bestand' }).click()
	]);
	const webFile = testInfo.outputPath(download.suggestedFilename());
	await download.saveAs(webFile);
	expect(await readFile(webFile, 'utf8')).toContain(PERSONAL_NOTE);

	// The tablet: a new conversation, and first a file that is not a web.
	await page.goto('/gesprekken');
	await addPerson(page, 'Sam');
	await page.getByRole('button', { name: 'Begin een nieuw gesprek' }).click();
	const choose = page.getByLabel('Web van de telefoon overnemen');
	await choose.setInputFiles({
		name: 'boodschappen.txt',
		mimeType: 'text/plain',
		buffer: Buffer.from('melk, brood, koffie')
	});
	await expect(page.getByRole('alert').filter({ hasText: 'Dit bestand' })).toHaveText(
		'Dit bestand kunnen we niet lezen. Kies het bestand uit Spinnenweb: de naam begint met ‘spinnenweb-web-’. Er is niets veranderd op dit apparaat.'
	);
	await expect(page.getByRole('button', { name: 'Samen invullen' })).toBeVisible();
	expect(await storedCounts(page)).toEqual({ webs: 1, conversations: 0 });
	await expectNoAxeViolations(page, 'conversation, a file that is not a web');

	// A web file of ours, but cut short on the way.
	const text = await readFile(webFile, 'utf8');
	await choose.setInputFiles({
		name: 'spinnenweb-web-2026-03-03.json',
		mimeType: 'application/json',
		buffer: Buffer.from(text.replace(/"answers":\[[^\]]*\]/, '"answers":[1,2]'))
	});
	await expect(page.getByRole('alert').filter({ hasText: 'beschadigd' })).toContainText(
		'Er is niets veranderd op dit apparaat.'
	);
	expect(await storedCounts(page)).toEqual({ webs: 1, conversations: 0 });

	// The file the phone saved: the conversation's web, complete, with the phone's numbers.
	await choose.setInputFiles(webFile);
	await expect(page.getByText('Het web is ingevuld.')).toBeVisible();
	await expect(page.getByRole('alert').filter({ hasText: 'Dit bestand' })).toHaveCount(0);
	expect(await storedCounts(page)).toEqual({ webs: 2, conversations: 1 });
	const table = page.getByRole('table');
	await expect(table.getByRole('row', { name: /Zingeving/ })).toContainText('4,0');
	await expect(table.getByRole('row', { name: /Meedoen/ })).toContainText('8,0');
	// The person's own note stays theirs: it is not in the professional's conversation.
	expect(await page.content()).not.toContain(PERSONAL_NOTE);
	await expectNoAxeViolations(page, 'conversation, web taken over from the phone');

	// It is Sam's web: on their page, and not in the phone side's own history.
	await page.getByRole('link', { name: 'Sam', exact: true }).click();
	const webs = page.getByRole('region', { name: 'Webs over tijd' });
	await expect(webs.getByRole('link', { name: /^Gesprek van / })).toHaveCount(1);
	await page.goto('/geschiedenis');
	await expect(page.getByRole('list', { name: 'Al je webs' }).getByRole('listitem')).toHaveCount(1);
});
