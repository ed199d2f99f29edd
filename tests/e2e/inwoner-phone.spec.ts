import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { expectVisibleFocus } from './support/locales';
import {
	DIMENSIONS,
	expectTableMatches,
	fillDimension,
	fillWholeWeb,
	sliders,
	startNewWeb,
	variedPlan
} from './support/web';

test('a resident fills in all six parts by keyboard and sees six matching scores', async ({
	page
}) => {
	const plan = variedPlan();
	await page.goto('/');
	await expectNoAxeViolations(page, 'start page');
	await page.keyboard.press('Tab'); // skip link
	await expect(page.getByRole('link', { name: 'Naar de inhoud' })).toBeFocused();
	await expectVisibleFocus(page, 'skip link');
	await page.getByRole('button', { name: 'Begin een nieuwe spinnenweb' }).focus();
	await expectVisibleFocus(page, 'start button');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: DIMENSIONS[0] })).toBeVisible();
	await expectNoAxeViolations(page, 'dimension screen');

	await fillWholeWeb(page, plan, 'keyboard-only');
	await expectTableMatches(page, plan);
	await expect(page.getByRole('img', { name: /Spinnenweb met je cijfers/ })).toBeVisible();
	await expectNoAxeViolations(page, 'result');
});

test('a resident fills in all six parts by tapping, and flags what to talk about', async ({
	page
}) => {
	const plan = variedPlan(5);
	await startNewWeb(page);
	await page.getByRole('button', { name: 'Hier wil ik over praten' }).nth(3).click();
	await fillWholeWeb(page, plan, 'pointer');
	await expectTableMatches(page, plan);

	const talk = page.getByRole('region', { name: 'Om over te praten' });
	await expect(talk.getByRole('listitem')).toHaveCount(1);
	await expect(talk).toContainText('Slapen');
});

test('nothing is pre-filled: a new slider shows "nog niet ingevuld" and no number', async ({
	page
}) => {
	await startNewWeb(page);
	const first = sliders(page).first();
	await expect(first).not.toHaveAttribute('aria-valuenow');
	await expect(first).toHaveAttribute('aria-valuetext', 'nog niet ingevuld');
	await page.getByRole('button', { name: 'Volgende' }).click();
	await page.getByRole('button', { name: 'Terug' }).click();
	await expect(sliders(page).first()).not.toHaveAttribute('aria-valuenow');
});

test('a reload halfway resumes at the same part and aspect, with every answer kept', async ({
	page
}) => {
	const plan = variedPlan(2);
	await startNewWeb(page);
	await fillDimension(page, plan[0]!, 'keyboard');
	await page.getByRole('button', { name: 'Volgende' }).click();
	await expect(page.getByRole('heading', { level: 1, name: DIMENSIONS[1] })).toBeVisible();
	await fillDimension(page, plan[1]!.slice(0, 4), 'keyboard');
	await expect(sliders(page).nth(3)).toBeFocused();
	// Once the screen says so, everything is stored: a reload right then loses nothing.
	await expect(page.getByText('Opgeslagen', { exact: true })).toBeVisible();

	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: DIMENSIONS[1] })).toBeVisible();
	await expect(sliders(page).nth(3)).toBeFocused();
	await expect(sliders(page).nth(3)).toBeInViewport();
	for (const [i, value] of plan[1]!.slice(0, 4).entries()) {
		await expect(sliders(page).nth(i)).toHaveAttribute('aria-valuenow', String(value));
	}
	await expect(sliders(page).nth(4)).not.toHaveAttribute('aria-valuenow');

	// From the start page, "verder waar je was" lands at the same place.
	await page.goto('/');
	await page.getByRole('link', { name: 'Verder waar je was' }).click();
	await expect(page.getByRole('heading', { level: 1, name: DIMENSIONS[1] })).toBeVisible();
	await expect(sliders(page).nth(3)).toBeFocused();

	// Going back keeps the first part's answers.
	await page.getByRole('button', { name: 'Terug' }).click();
	await expect(page.getByRole('heading', { level: 1, name: DIMENSIONS[0] })).toBeVisible();
	for (const [i, value] of plan[0]!.entries()) {
		await expect(sliders(page).nth(i)).toHaveAttribute('aria-valuenow', String(value));
	}
});

test('history lists earlier webs, opens one, and two webs compare in one chart', async ({
	page
}) => {
	const earlierPlan = variedPlan(1);
	const laterPlan = variedPlan(4);
	await startNewWeb(page);
	await fillWholeWeb(page, earlierPlan, 'keyboard');
	await page.goto('/');
	await page.getByRole('button', { name: 'Begin een nieuwe spinnenweb' }).click();
	await fillWholeWeb(page, laterPlan, 'keyboard');

	await page.getByRole('link', { name: 'Eerdere webs' }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: 'Eerdere webs' })).toBeVisible();
	const items = page.getByRole('list', { name: 'Al je webs' }).getByRole('listitem');
	await expect(items).toHaveCount(2);
	await expect(items.first()).toContainText('Af');
	await expectNoAxeViolations(page, 'history');

	// The older web is the second in the list (newest first).
	await items
		.nth(1)
		.getByRole('link', { name: /Bekijk/ })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Jouw spinnenweb' })).toBeVisible();
	await expectTableMatches(page, earlierPlan);

	// Open the newest and compare it with the older one.
	await page.goBack();
	await items
		.first()
		.getByRole('link', { name: /Bekijk/ })
		.click();
	await expectTableMatches(page, laterPlan);
	const compare = page.getByLabel('Vergelijk met een eerdere keer');
	const earlierOption = compare.locator('option').nth(1);
	await compare.selectOption((await earlierOption.getAttribute('value'))!);

	const legend = page.getByRole('list', { name: 'Legenda' });
	await expect(legend.getByRole('listitem')).toHaveCount(2);
	await expect(legend).toContainText('Nu');
	await expect(legend).toContainText('Eerder');
	await expectTableMatches(page, laterPlan, earlierPlan);
	await expect(page.locator('svg[role="img"] .series')).toHaveCount(2);
	// Beside two columns of numbers, the longest one-word name still reads as one word: on the
	// phone, and on a tablet, where the table shares the width with the chart.
	const name = page
		.getByRole('rowheader', { name: 'Lichaamsfuncties' })
		.getByText('Lichaamsfuncties');
	for (const width of [390, 1180]) {
		await page.setViewportSize({ width, height: 820 });
		const lines = await name.evaluate((el) => {
			const text = document.createRange();
			text.selectNodeContents(el.firstChild!);
			return text.getClientRects().length;
		});
		expect(lines, `${width} px`).toBe(1);
	}
	await page.setViewportSize({ width: 390, height: 844 });
	await expectNoAxeViolations(page, 'comparison');
});
