// The lock in the app itself: with 1,000 webs stored and sealed, the time from pressing "Open de
// app" on the lock screen until the history's list shows, median of 5 (each after a reload, as
// a person meets it). Includes the lazily loaded crypto code, PBKDF2 at 600,000 iterations, the
// unwrap and opening the list's first page of sealed webs.
import { PHONE } from './browser.js';
import { seedWebs } from './history.js';
import { timeUntil } from './in-page.js';
import { median } from './stats.js';

const PASSCODE = 'een lange zin als code';

export async function measureAppUnlock(browser, url, count = 1000, runs = 5) {
	const context = await browser.newContext(PHONE);
	const page = await context.newPage();
	await page.goto(`${url}/geschiedenis`);
	await page.getByText('Je hebt nog geen spinnenweb ingevuld.').waitFor();
	await seedWebs(page, count);

	await page.goto(`${url}/instellingen`);
	const panel = page.getByRole('region', { name: 'Slot met een code' });
	await panel.getByLabel('Nieuwe code').fill(PASSCODE);
	await panel.getByLabel('Typ de code nog een keer').fill(PASSCODE);
	const sealStart = performance.now();
	await panel.getByRole('button', { name: 'Zet op slot' }).click();
	await panel
		.getByRole('status')
		.getByText('De app staat op slot met een code.')
		.waitFor({ timeout: 600_000 });
	const sealMs = performance.now() - sealStart;

	const times = [];
	for (let run = 0; run < runs; run++) {
		await page.goto(`${url}/geschiedenis`);
		await page.locator('#unlock-passcode').fill(PASSCODE);
		times.push(
			await timeUntil(page, '.webs li', () =>
				page.getByRole('button', { name: 'Open de app' }).click()
			)
		);
	}
	await context.close();
	return { unlockMs: median(times), sealMs };
}
