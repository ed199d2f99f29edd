import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

/** The reflection and PDF texts of a locale, as its translators wrote them. */
function reflectionTexts(locale: string): Record<string, string> {
	return JSON.parse(readFileSync(`messages/reflection/${locale}.json`, 'utf8')) as Record<
		string,
		string
	>;
}

/**
 * A PDF's text as poppler reads it back. Arabic lies on the page as joined letter forms, right to
 * left; poppler gives it in reading order, wrapped in direction marks. NFKC turns the joined forms
 * back into plain letters, so every language compares with its message files.
 */
function pdfPlainText(path: string): string {
	const text = execFileSync('/usr/bin/pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
	return text.replace(/[\u202a-\u202e]/g, '').normalize('NFKC');
}

for (const locale of LOCALES) {
	test(`${locale}: start, a question screen, the result, the reflection and the PDF read in ${locale} with no axe violations`, async ({
		page
	}, testInfo) => {
		test.setTimeout(120_000);
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

		for (const step of [1, 2, 3]) {
			await page.goto(`/reflectie?web=${webId}&stap=${step}`);
			await expect(page.getByRole('textbox').first()).toBeVisible();
			await expectNoAxeViolations(page, `reflection step ${step} (${locale})`);
		}

		const texts = reflectionTexts(locale);
		await page.goto(`/delen?web=${webId}`);
		await expect(
			page.getByRole('heading', { level: 1, name: texts.pdf_share_title })
		).toBeVisible();
		await expectNoAxeViolations(page, `share screen (${locale})`);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: texts.pdf_download_button }).click()
		]);
		const path = testInfo.outputPath(`${locale}.pdf`);
		await download.saveAs(path);
		const text = pdfPlainText(path);
		for (const key of ['pdf_title', 'pdf_dimension_header', 'pdf_empty']) {
			expect(texts[key], `${key} in messages/reflection/${locale}.json`).toBeDefined();
			expect(text, `${key} in the ${locale} PDF`).toContain(texts[key]!.normalize('NFKC'));
		}
	});
}

test('the language links name every language in its own words, marked with its language', async ({
	page
}) => {
	await page.goto('/');
	const links = page
		.getByRole('contentinfo')
		.getByRole('navigation', { name: 'Taal' })
		.getByRole('link');
	await expect(links).toHaveCount(LOCALES.length);
	for (const [i, locale] of LOCALES.entries()) {
		await expect(links.nth(i)).toHaveAttribute('lang', locale);
		await expect(links.nth(i)).toHaveAttribute('hreflang', locale);
		expect(OWN_NAMES[locale], `an own name for ${locale} in this test`).toBeDefined();
		await expect(links.nth(i)).toHaveText(OWN_NAMES[locale]!);
	}
	// The page's own language is marked as the current one.
	await expect(links.and(page.locator('[aria-current="true"]'))).toHaveText('Nederlands');
});

test('a chosen language is remembered on the device, also after a reload', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
	await page.getByRole('link', { name: 'العربية' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	expect(await page.evaluate((key) => localStorage.getItem(key), LOCALE_KEY)).toBe('ar');

	await page.goto('/geschiedenis');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	// Chosen on another page: that page comes back in the new language.
	await page.getByRole('link', { name: 'English' }).click();
	await expect(page).toHaveURL(/\/geschiedenis\?lang=en$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('How are you doing?');
});

test.describe('with a Turkish browser and no choice made yet', () => {
	test.use({ locale: 'tr-TR' });

	test("the app's first guess is the browser's language", async ({ page }) => {
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'tr');
		await expect(page.getByRole('link', { name: 'Türkçe' })).toHaveAttribute(
			'aria-current',
			'true'
		);
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
