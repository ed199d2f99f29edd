// The same screens at tablet size (1180 × 820, the web beside the questions and numbers): axe in
// simple mode and right to left, and no sideways scrolling.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import {
	scoreFirstDimensionByKeyboard,
	startWebInAnyLanguage,
	useDeviceChoices
} from './support/locales';

async function expectNoSidewaysScroll(page: Page, where: string) {
	const { scroll, client } = await page.evaluate(() => ({
		scroll: document.documentElement.scrollWidth,
		client: document.documentElement.clientWidth
	}));
	expect(scroll, `${where}: no sideways scrolling`).toBeLessThanOrEqual(client);
}

test('Arabic on a tablet: question screen with the live web, and the result, right to left', async ({
	page
}) => {
	await useDeviceChoices(page, { locale: 'ar', simpleMode: false });
	const webId = await startWebInAnyLanguage(page);
	await scoreFirstDimensionByKeyboard(page);
	await expect(page.getByRole('complementary')).toBeVisible();
	await expectNoAxeViolations(page, 'question screen with the live web (ar, tablet)');
	await expectNoSidewaysScroll(page, 'question screen (ar, tablet)');

	await page.goto(`/resultaat?web=${webId}`);
	await expect(page.getByRole('table')).toBeVisible();
	await expectNoAxeViolations(page, 'result (ar, tablet)');
	await expectNoSidewaysScroll(page, 'result (ar, tablet)');
});

test('simple mode on a tablet, in Eenvoudig Nederlands', async ({ page }) => {
	await useDeviceChoices(page, { locale: 'nl-x-simple' });
	await startWebInAnyLanguage(page);
	await expect(page.locator('svg[data-icon]')).toBeVisible();
	await expectNoAxeViolations(page, 'simple part screen (tablet)');
	await page.getByRole('button', { name: 'Begin met de vragen' }).click();
	await page.getByRole('radio', { name: '5 van 10' }).check();
	await expectNoAxeViolations(page, 'simple question screen (tablet)');
	await expectNoSidewaysScroll(page, 'simple question screen (tablet)');
});
