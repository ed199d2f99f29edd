// On a slow phone the app's code takes seconds to arrive. The start page is in the HTML itself,
// so a Dutch phone shows it before any of that code has run; a phone in another language waits
// for the app rather than showing Dutch first.
import { expect, test, type Page } from '@playwright/test';

/** The app's code never arrives: what the phone shows while it is still on its way. */
async function withoutAppCode(page: Page): Promise<void> {
	await page.route('**/_app/**/*.js', (route) => route.abort());
}

test.describe('a Dutch phone', () => {
	test('shows the start page and its privacy promise before the app code runs', async ({
		page
	}) => {
		await withoutAppCode(page);
		await page.goto('/');
		await expect(
			page.getByRole('heading', { level: 1, name: 'Hoe gaat het met je?' })
		).toBeVisible();
		await expect(page.getByText('Alles blijft op je eigen telefoon.')).toBeVisible();
		// Nothing to press yet: starting needs the app.
		await expect(page.getByRole('button', { name: 'Begin een nieuwe spinnenweb' })).toBeDisabled();
	});
});

test.describe('a phone in English', () => {
	test.use({ locale: 'en-US' });

	test('shows no Dutch before the app code runs: the page waits for it', async ({ page }) => {
		await withoutAppCode(page);
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
	});

	test('sees the start page in English once the app runs', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1, name: 'How are you doing?' })).toBeVisible();
		await expect(page.locator('html')).not.toHaveAttribute('data-waiting');
	});
});
