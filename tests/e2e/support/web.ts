import { expect, type Locator, type Page } from '@playwright/test';
import { expectVisibleFocus } from './locales';

export const DIMENSIONS = [
	'Lichaamsfuncties',
	'Mentaal welbevinden',
	'Zingeving',
	'Kwaliteit van leven',
	'Meedoen',
	'Dagelijks functioneren'
] as const;

export const ASPECTS_PER_DIMENSION = 7;

/** `keyboard-only`: the whole test so far used no pointer, so focus must be visible throughout. */
export type How = 'keyboard' | 'keyboard-only' | 'pointer';

/** A chosen answer per aspect: a score 0–10 or "liever niet". */
export type Plan = readonly (readonly (number | 'liever-niet')[])[];

/** A plan with varied scores, one "liever niet" in Zingeving. */
export function variedPlan(seed = 0): Plan {
	return DIMENSIONS.map((_, d) =>
		Array.from({ length: ASPECTS_PER_DIMENSION }, (_, a) =>
			d === 2 && a === 4 ? ('liever-niet' as const) : (d * 3 + a * 2 + seed) % 11
		)
	);
}

/** The mean of a dimension's scores with one decimal, as a Dutch reader sees it: "6,3". */
export function expectedScoreText(answers: readonly (number | 'liever-niet')[]): string {
	const scores = answers.filter((a): a is number => typeof a === 'number');
	const mean = Math.round((scores.reduce((s, x) => s + x, 0) / scores.length) * 10) / 10;
	return mean.toFixed(1).replace('.', ',');
}

export async function startNewWeb(page: Page): Promise<void> {
	await page.goto('/');
	await page.getByRole('button', { name: 'Begin een nieuwe spinnenweb' }).click();
	await expect(page.getByRole('heading', { level: 1, name: DIMENSIONS[0] })).toBeVisible();
}

export function sliders(page: Page): Locator {
	return page.getByRole('slider');
}

/**
 * Answers by keyboard: focus each slider and step to the value. `isKeyboardOnly` when nothing in
 * the test used the pointer: then the browser must show where focus is (checked). After a tap it
 * rightly does not (`:focus-visible`), so mixed tests skip the check.
 */
export async function answerByKeyboard(
	page: Page,
	slider: Locator,
	value: number | 'liever-niet',
	preferNot: Locator,
	isKeyboardOnly = false
): Promise<void> {
	if (value === 'liever-niet') {
		await preferNot.focus();
		if (isKeyboardOnly) await expectVisibleFocus(page, '"liever niet"');
		await page.keyboard.press('Enter');
		return;
	}
	await slider.focus();
	if (isKeyboardOnly) await expectVisibleFocus(page, 'slider');
	await page.keyboard.press('Home');
	for (let i = 0; i < value; i++) await page.keyboard.press('ArrowRight');
	await expect(slider).toHaveAttribute('aria-valuenow', String(value));
}

/** Answers by pointer: a tap on the scale where the value lies. */
export async function answerByPointer(
	slider: Locator,
	value: number | 'liever-niet',
	preferNot: Locator
): Promise<void> {
	if (value === 'liever-niet') {
		await preferNot.click();
		return;
	}
	await slider.scrollIntoViewIfNeeded();
	const scale = slider.locator('.scale');
	const box = await scale.boundingBox();
	if (!box) throw new Error('slider scale is not visible');
	await slider.click({
		position: {
			x: box.x - ((await slider.boundingBox())?.x ?? 0) + (box.width * value) / 10,
			y: box.height / 2
		}
	});
	await expect(slider).toHaveAttribute('aria-valuenow', String(value));
}

export async function fillDimension(
	page: Page,
	answers: readonly (number | 'liever-niet')[],
	how: How
): Promise<void> {
	const all = sliders(page);
	await expect(all).toHaveCount(ASPECTS_PER_DIMENSION);
	const preferNots = page.getByRole('button', { name: 'Liever niet' });
	for (const [i, value] of answers.entries()) {
		if (how !== 'pointer') {
			await answerByKeyboard(page, all.nth(i), value, preferNots.nth(i), how === 'keyboard-only');
		} else await answerByPointer(all.nth(i), value, preferNots.nth(i));
	}
}

/** Reads the score table: dimension name to the text of each series column. */
export async function readScoreTable(page: Page): Promise<Record<string, string[]>> {
	const rows = page.getByRole('table').getByRole('row');
	await expect(rows).toHaveCount(1 + DIMENSIONS.length);
	const result: Record<string, string[]> = {};
	for (const row of await rows.all()) {
		const header = row.getByRole('rowheader');
		if ((await header.count()) === 0) continue;
		const name = (await header.innerText()).trim();
		result[name] = (await row.getByRole('cell').allInnerTexts()).map((t) => t.trim());
	}
	return result;
}

/** Fills in all six parts from the first one and lands on the result. */
export async function fillWholeWeb(page: Page, plan: Plan, how: How) {
	for (const [d, answers] of plan.entries()) {
		await expect(page.getByText(`Onderdeel ${d + 1} van 6`)).toBeVisible();
		await expect(page.getByRole('heading', { level: 1, name: DIMENSIONS[d] })).toBeVisible();
		await fillDimension(page, answers, how);
		const next = page.getByRole('button', { name: d === 5 ? 'Klaar, bekijk je web' : 'Volgende' });
		if (how !== 'pointer') {
			await next.focus();
			if (how === 'keyboard-only') await expectVisibleFocus(page, 'next button');
			await page.keyboard.press('Enter');
		} else {
			await next.click();
		}
	}
	await expect(page.getByRole('heading', { level: 1, name: 'Jouw spinnenweb' })).toBeVisible();
}

/** The table shows, per dimension in web order, one column per plan (the current web first). */
export async function expectTableMatches(page: Page, ...plans: Plan[]) {
	const expected = Object.fromEntries(
		DIMENSIONS.map((name, d) => [name, plans.map((plan) => expectedScoreText(plan[d]!))])
	);
	await expect.poll(() => readScoreTable(page)).toEqual(expected);
	expect(Object.keys(await readScoreTable(page))).toEqual([...DIMENSIONS]);
}
