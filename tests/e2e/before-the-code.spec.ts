// What a person does on the start page before the app's code has arrived (a slow phone, a slow
// network) either works or is visibly not ready: it is never taken and then silently undone.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { holdAppCode } from './support/hold-code';
import { LOCALE_KEY } from './support/locales';
import { DIMENSIONS, sliders } from './support/web';

// Playwright cannot hold back what a service worker answers: these visits go to the network.
test.use({ serviceWorkers: 'block' });

// A held response still on its way when a test is done is of no interest any more.
test.afterEach(async ({ page }) => {
	await page.unrouteAll({ behavior: 'ignoreErrors' });
});

const messages = (locale: string) =>
	JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, string>;
const ARABIC = messages('ar');
const DUTCH = messages('nl');

/** The app has started on this page: the simple-mode switch takes taps once the app is there. */
async function expectAppRunning(page: Page): Promise<void> {
	await expect(page.getByRole('switch')).toBeEnabled();
}

/** A web with one answer, then back to the start page; returns its id. */
async function storeAWeb(page: Page): Promise<string> {
	await page.goto('/');
	await page.getByRole('button', { name: 'Begin een nieuwe spinnenweb' }).click();
	await expect(page.getByRole('heading', { level: 1, name: DIMENSIONS[0] })).toBeVisible();
	await sliders(page).first().focus();
	await page.keyboard.press('7');
	await expect(sliders(page).first()).toHaveAttribute('aria-valuenow', '7');
	await expect(page.getByText('Opgeslagen')).toBeVisible();
	return new URL(page.url()).searchParams.get('web') ?? '';
}

test('Arabic chosen before the code has come: the page ends in Arabic, right to left, also after a reload', async ({
	page
}) => {
	const hold = await holdAppCode(page);
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Hoe gaat het met je?' })).toBeVisible();
	await expect.poll(() => hold.waiting).toBeGreaterThan(0);
	await expect(page.getByRole('switch')).toBeDisabled();
	await expectNoAxeViolations(page, 'the start page before the code has come');

	// The languages are plain links: they work with the code still away.
	await page.getByRole('contentinfo').getByRole('link', { name: 'العربية' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.getByRole('heading', { level: 1, name: ARABIC.app_tagline })).toBeVisible();
	await expectNoAxeViolations(page, 'the Arabic start page before the code has come');

	// The code arrives and starts: nothing goes back to Dutch.
	hold.release();
	await expectAppRunning(page);
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.getByRole('heading', { level: 1, name: ARABIC.app_tagline })).toBeVisible();
	expect(await page.evaluate((key) => localStorage.getItem(key), LOCALE_KEY)).toBe('ar');

	await page.reload();
	await expectAppRunning(page);
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.getByRole('heading', { level: 1, name: ARABIC.app_tagline })).toBeVisible();

	// The start page's own address, without the choice in it: still Arabic, from the device.
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.getByRole('heading', { level: 1, name: ARABIC.app_tagline })).toBeVisible();
});

test('with no script at all, a language link brings the start page in that language', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false, locale: 'nl-NL' });
	const page = await context.newPage();
	await page.goto('/');
	await page.getByRole('contentinfo').getByRole('link', { name: 'Українська' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
	await expect(page.getByRole('heading', { level: 1, name: 'Як у тебе справи?' })).toBeVisible();
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'Як у тебе справи?' })).toBeVisible();
	await context.close();
});

test('Begin pressed before the code has come opens a new web, and the stored one stays whole', async ({
	page
}) => {
	const earlier = await storeAWeb(page);

	const hold = await holdAppCode(page);
	await page.goto('/');
	await expect.poll(() => hold.waiting).toBeGreaterThan(0);
	const begin = page.getByRole('button', { name: 'Begin een nieuwe spinnenweb' });
	await expect(begin).toBeEnabled();
	await begin.click();
	await page.waitForURL(/\/invullen\?nieuw=1/);
	hold.release();

	await expect(page.getByRole('heading', { level: 1, name: DIMENSIONS[0] })).toBeVisible();
	await page.waitForURL(/\/invullen\?web=/);
	const created = new URL(page.url()).searchParams.get('web');
	expect(created).not.toBe(earlier);
	await expect(sliders(page).first()).not.toHaveAttribute('aria-valuenow');

	// Back leads to the start page, which offers the new web; the earlier one is as it was.
	await page.goBack();
	await expect(page.getByRole('link', { name: DUTCH.home_resume })).toBeVisible();
	await page.goto(`/invullen?web=${earlier}`);
	await expect(sliders(page).first()).toHaveAttribute('aria-valuenow', '7');
	await page.goto('/geschiedenis');
	await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(2);
});

test('Begin pressed before the database has answered opens a new web', async ({ page }) => {
	const earlier = await storeAWeb(page);

	// The app runs; only the storage code (and so the database's answer) is still away.
	const hold = await holdAppCode(page, /DatabaseClosedError/);
	await page.goto('/');
	await expectAppRunning(page);
	await expect.poll(() => hold.waiting).toBeGreaterThan(0);
	await expect(page.locator('[data-resume]')).toHaveAttribute('data-resume', 'looking');
	await page.getByRole('button', { name: 'Begin een nieuwe spinnenweb' }).click();
	hold.release();

	await expect(page.getByRole('heading', { level: 1, name: DIMENSIONS[0] })).toBeVisible();
	await page.waitForURL(/\/invullen\?web=/);
	expect(new URL(page.url()).searchParams.get('web')).not.toBe(earlier);
	await page.goto(`/invullen?web=${earlier}`);
	await expect(sliders(page).first()).toHaveAttribute('aria-valuenow', '7');
});
