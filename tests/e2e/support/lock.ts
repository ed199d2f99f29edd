import { expect, type Page } from '@playwright/test';

/** A passcode as the lock screen advises: a short sentence, well past the six characters. */
export const PASSCODE = 'zeven blauwe bergen';

/** The lock's part of the settings screen. */
export function lockPanel(page: Page) {
	return page.getByRole('region', { name: 'Slot met een code' });
}

/** Sets a passcode on the settings screen (already open) and waits until every record is sealed. */
export async function setPasscode(page: Page, passcode: string): Promise<void> {
	const panel = lockPanel(page);
	await panel.getByLabel('Nieuwe code').fill(passcode);
	await panel.getByLabel('Typ de code nog een keer').fill(passcode);
	await panel.getByRole('button', { name: 'Zet op slot' }).click();
}

/** Waits for the settings screen to say the lock is on (PBKDF2 is slow on a busy machine). */
export async function expectLockOn(page: Page): Promise<void> {
	await expect(lockPanel(page).getByRole('status')).toHaveText(
		'De app staat op slot met een code. Je gegevens zijn versleuteld bewaard.',
		{ timeout: 20_000 }
	);
}

/** One try at the lock screen. */
export async function unlock(page: Page, passcode: string): Promise<void> {
	await page.getByLabel('Code', { exact: true }).fill(passcode);
	await page.getByRole('button', { name: 'Open de app' }).click();
}

export const lockHeading = (page: Page) =>
	page.getByRole('heading', { level: 1, name: 'De app is op slot' });
