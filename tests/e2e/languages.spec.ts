import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import {
	LOCALES,
	LOCALE_KEY,
	RIGHT_TO_LEFT,
	scoreFirstDimensionByKeyboard,
	startWebInAnyLanguage,
	useDeviceChoices
} from './support/locales';

/** Each language in its own words, as the switcher must show it. */
const OWN_NAMES: Readonly<Record<string, string>> = {
	nl: 'Nederlands',
	'nl-x-simple': 'Eenvoudig Nederlands',
	en: 'English',
	ar: 'العربية',
	tr: 'Türkçe',
	pl: 'Polski',
	uk: 'Українська'
};

for (const locale of LOCALES) {
	test(`${locale}: start, a question screen and the result read in ${locale} with no axe violations`, async ({
		page
	}) => {
		await useDeviceChoices(page, { locale, simpleMode: false });
		const dir = RIGHT_TO_LEFT.has(locale) ? 'rtl' : 'ltr';

		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('lang', locale);
		await expect(page.locator('html')).toHaveAttribute('dir', dir);
		await expectNoAxeViolations(page, `start page (${locale})`);

		const webId = await startWebInAnyLanguage(page);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await scoreFirstDimensionByKeyboard(page);
		await expectNoAxeViolations(page, `question screen (${locale})`);

		await page.goto(`/resultaat?web=${webId}`);
		await expect(page.getByRole('table')).toBeVisible();
		await expect(page.getByRole('img').first()).toBeVisible();
		await expectNoAxeViolations(page, `result (${locale})`);
	});
}

test('the switcher names every language in its own words, marked with its language', async ({
	page
}) => {
	await page.goto('/');
	const select = page.getByRole('contentinfo').getByRole('combobox', { name: 'Taal' });
	const options = select.locator('option');
	await expect(options).toHaveCount(LOCALES.length);
	for (const [i, locale] of LOCALES.entries()) {
		await expect(options.nth(i)).toHaveAttribute('value', locale);
		await expect(options.nth(i)).toHaveAttribute('lang', locale);
		expect(OWN_NAMES[locale], `an own name for ${locale} in this test`).toBeDefined();
		await expect(options.nth(i)).toHaveText(OWN_NAMES[locale]!);
	}
});

test('a chosen language is remembered on the device, also after a reload', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
	await page.getByRole('combobox', { name: 'Taal' }).selectOption('ar');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	expect(await page.evaluate((key) => localStorage.getItem(key), LOCALE_KEY)).toBe('ar');

	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await page.getByRole('combobox').selectOption('en');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('How are you doing?');
});

test.describe('with a Turkish browser and no choice made yet', () => {
	test.use({ locale: 'tr-TR' });

	test("the app's first guess is the browser's language", async ({ page }) => {
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'tr');
		await expect(page.getByRole('combobox')).toHaveValue('tr');
	});
});

test.describe('right to left (Arabic)', () => {
	test.beforeEach(async ({ page }) => {
		await useDeviceChoices(page, { locale: 'ar', simpleMode: false });
	});

	test('the slider grows to the left: the left arrow steps up, a tap near the left end is high', async ({
		page
	}) => {
		await startWebInAnyLanguage(page);
		const slider = page.getByRole('slider').first();
		await slider.focus();
		await page.keyboard.press('Home');
		await page.keyboard.press('ArrowLeft');
		await page.keyboard.press('ArrowLeft');
		await expect(slider).toHaveAttribute('aria-valuenow', '2');
		await page.keyboard.press('ArrowRight');
		await expect(slider).toHaveAttribute('aria-valuenow', '1');

		const second = page.getByRole('slider').nth(1);
		const scale = await second.locator('.scale').boundingBox();
		const track = await second.boundingBox();
		if (!scale || !track) throw new Error('slider not visible');
		await second.click({ position: { x: scale.x - track.x + scale.width * 0.1, y: 24 } });
		await expect(second).toHaveAttribute('aria-valuenow', '9');
	});

	test('the page is laid out from the right: pictogram at the right edge, title beside it', async ({
		page
	}) => {
		await startWebInAnyLanguage(page);
		const heading = page.getByRole('heading', { level: 1 });
		const icon = page.locator('svg[data-icon]').first();
		const main = page.getByRole('main');
		const [headingBox, iconBox, mainBox] = [
			await heading.boundingBox(),
			await icon.boundingBox(),
			await main.boundingBox()
		];
		if (!headingBox || !iconBox || !mainBox) throw new Error('not visible');
		// Within the main column's padding (1rem) of its right edge, the title to its left.
		expect(mainBox.x + mainBox.width - (iconBox.x + iconBox.width)).toBeLessThan(24);
		expect(headingBox.x + headingBox.width).toBeLessThanOrEqual(iconBox.x + 1);
		await expect(page.locator('.progress-bar').first()).toHaveCSS(
			'background-image',
			/to left|270deg/
		);
	});
});
