import { expect, type Locator, type Page } from '@playwright/test';

export const DIMENSIONS = [
	'Lichaamsfuncties',
	'Mentaal welbevinden',
	'Zingeving',
	'Kwaliteit van leven',
	'Meedoen',
	'Dagelijks functioneren'
] as const;

export const ASPECTS_PER_DIMENSION = 7;

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

/** Answers by keyboard only: Tab to each slider and type or step to the value. */
export async function answerByKeyboard(
	page: Page,
	slider: Locator,
	value: number | 'liever-niet',
	preferNot: Locator
): Promise<void> {
	if (value === 'liever-niet') {
		await preferNot.focus();
		await page.keyboard.press('Enter');
		return;
	}
	await slider.focus();
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
	how: 'keyboard' | 'pointer'
): Promise<void> {
	const all = sliders(page);
	await expect(all).toHaveCount(ASPECTS_PER_DIMENSION);
	const preferNots = page.getByRole('button', { name: 'Liever niet' });
	for (const [i, value] of answers.entries()) {
		if (how === 'keyboard') await answerByKeyboard(page, all.nth(i), value, preferNots.nth(i));
		else await answerByPointer(all.nth(i), value, preferNots.nth(i));
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

/** Fills in all six parts, pressing "Volgende" after each, and waits for the result. */
export async function fillWholeWeb(page: Page, plan: Plan, how: 'keyboard' | 'pointer') {
	for (const [d, answers] of plan.entries()) {
		await expect(page.getByText(`Onderdeel ${d + 1} van 6`)).toBeVisible();
		await expect(page.getByRole('heading', { level: 1, name: DIMENSIONS[d] })).toBeVisible();
		await fillDimension(page, answers, how);
		const next = page.getByRole('button', { name: d === 5 ? 'Klaar, bekijk je web' : 'Volgende' });
		if (how === 'keyboard') {
			await next.focus();
			await page.keyboard.press('Enter');
		} else {
			await next.click();
		}
	}
	await expect(page.getByRole('heading', { level: 1, name: 'Jouw spinnenweb' })).toBeVisible();
}
