import { expect, test } from '@playwright/test';

test('the start page shows its heading', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('h1')).toBeVisible();
});
