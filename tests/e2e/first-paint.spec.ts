// On a slow phone the app's code takes seconds to arrive. The server draws the start page in the
// phone's language, so every phone shows it before any of that code has run; a device whose
// stored choice is another language waits for the app rather than showing the wrong one first.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { LOCALES, RIGHT_TO_LEFT, useDeviceChoices } from './support/locales';

/** The app's code never arrives: what the phone shows while it is still on its way. */
async function withoutAppCode(page: Page): Promise<void> {
	await page.route('**/_app/**/*.js', (route) => route.abort());
}

function message(locale: string, key: string): string {
	const messages = JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<
		string,
		string
	>;
	const text = messages[key];
	if (text === undefined) throw new Error(`no ${key} in messages/${locale}.json`);
	return text;
}

for (const locale of LOCALES) {
	test.describe(`a phone in ${locale}`, () => {
		test.use({ locale });

		test('shows the start page in its language before the app code runs, Begin ready', async ({
			page
		}) => {
			await withoutAppCode(page);
			await page.goto('/');
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			await expect(page.locator('html')).toHaveAttribute(
				'dir',
				RIGHT_TO_LEFT.has(locale) ? 'rtl' : 'ltr'
			);
			await expect(
				page.getByRole('heading', { level: 1, name: message(locale, 'app_tagline') })
			).toBeVisible();
			// Begin is a form the browser follows by itself: ready before the app's code is.
			await expect(page.getByRole('button', { name: message(locale, 'home_start') })).toBeEnabled();
			// The simple-mode switch needs the app: visibly not ready yet.
			await expect(page.getByRole('switch')).toBeDisabled();
		});
	});
}

test.describe('a Dutch phone where Ukrainian was chosen before', () => {
	test.beforeEach(async ({ page }) => {
		await useDeviceChoices(page, { locale: 'uk' });
	});

	test('shows no Dutch before the app code runs: the page waits for it', async ({ page }) => {
		await withoutAppCode(page);
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
		await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
	});

	test('sees the start page in Ukrainian once the app runs', async ({ page }) => {
		await page.goto('/');
		await expect(
			page.getByRole('heading', { level: 1, name: message('uk', 'app_tagline') })
		).toBeVisible();
		await expect(page.locator('html')).not.toHaveAttribute('data-waiting');
	});
});
