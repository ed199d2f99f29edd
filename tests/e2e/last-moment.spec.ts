import { expect, test, type Page } from '@playwright/test';
import { ASPECTS_PER_DIMENSION, DIMENSIONS, sliders, startNewWeb } from './support/web';

// A change made a moment before a reload is stored exactly as the person left it: never lost,
// never a value from halfway through (storage/README.md, "The last moment"). Every reload here
// follows the last key press or tap at once, with no wait for "opgeslagen".

const ROUNDS = 20;

test.describe.configure({ timeout: 180_000 });

/** The web being filled in, from the address: the reflection screen is opened for it below. */
function webIdOf(page: Page): string {
	const id = new URL(page.url()).searchParams.get('web');
	if (!id) throw new Error(`no web in ${page.url()}`);
	return id;
}

async function reloadOnFirstPart(page: Page): Promise<void> {
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: DIMENSIONS[0] })).toBeVisible();
	await expect(sliders(page)).toHaveCount(ASPECTS_PER_DIMENSION);
}

test('seven sliders set by keyboard, then an immediate reload, 20 times: nothing lost or wrong', async ({
	page
}) => {
	await startNewWeb(page);
	const lost: string[] = [];
	const wrong: string[] = [];
	for (let round = 0; round < ROUNDS; round++) {
		// A different value for every slider in every round, so a kept older value shows as wrong.
		const values = Array.from(
			{ length: ASPECTS_PER_DIMENSION },
			(_, i) => (round * 3 + i + 1) % 11
		);
		for (const [i, value] of values.entries()) {
			await sliders(page).nth(i).focus();
			await page.keyboard.press('Home');
			for (let step = 0; step < value; step++) await page.keyboard.press('ArrowRight');
		}
		await reloadOnFirstPart(page);
		for (const [i, value] of values.entries()) {
			const stored = await sliders(page).nth(i).getAttribute('aria-valuenow');
			if (stored === null) lost.push(`round ${round + 1}, slider ${i + 1}`);
			else if (stored !== String(value)) {
				wrong.push(`round ${round + 1}, slider ${i + 1}: ${stored} instead of ${value}`);
			}
		}
	}
	expect({ lost, wrong }).toEqual({ lost: [], wrong: [] });
});

test('"liever niet" and "hier wil ik over praten", each followed by an immediate reload, 20 times', async ({
	page
}) => {
	await startNewWeb(page);
	const mistakes: string[] = [];
	for (let round = 0; round < ROUNDS; round++) {
		const aspect = round % ASPECTS_PER_DIMENSION;
		// Each aspect's toggles flip on its first visit, off on its next, and so on.
		const isOn = Math.floor(round / ASPECTS_PER_DIMENSION) % 2 === 0;
		for (const name of ['Liever niet', 'Hier wil ik over praten']) {
			const toggle = page.getByRole('button', { name }).nth(aspect);
			await expect(toggle).toHaveAttribute('aria-pressed', String(!isOn));
			await toggle.click();
			await reloadOnFirstPart(page);
			const state = await page
				.getByRole('button', { name })
				.nth(aspect)
				.getAttribute('aria-pressed');
			if (state !== String(isOn)) mistakes.push(`round ${round + 1}, ${name}: ${state}`);
		}
	}
	expect(mistakes).toEqual([]);
});

test('text typed into a reflection question, then an immediate reload, 20 times: all of it kept', async ({
	page
}) => {
	await startNewWeb(page);
	const webId = webIdOf(page);
	await page.goto(`/reflectie?web=${webId}`);
	const field = page.getByLabel('Wat geeft je energie of plezier?');
	const mistakes: string[] = [];
	for (let round = 0; round < ROUNDS; round++) {
		const text = `Ronde ${round + 1}: fietsen met mijn kleinzoon, daarna koffie`;
		await field.fill('');
		await field.pressSequentially(text);
		await page.reload();
		await expect(field).toBeVisible();
		const stored = await field.inputValue();
		if (stored !== text) mistakes.push(`round ${round + 1}: "${stored}"`);
	}
	expect(mistakes).toEqual([]);
});

test('a slider set by keyboard, then the tab closed at once, 10 times: the new tab has the value', async ({
	context
}) => {
	let page = await context.newPage();
	await startNewWeb(page);
	const address = page.url();
	const mistakes: string[] = [];
	for (let round = 0; round < 10; round++) {
		const value = (round * 4 + 3) % 11;
		await sliders(page).first().focus();
		await page.keyboard.press('Home');
		for (let step = 0; step < value; step++) await page.keyboard.press('ArrowRight');
		await page.close();
		page = await context.newPage();
		await page.goto(address);
		await expect(sliders(page)).toHaveCount(ASPECTS_PER_DIMENSION);
		const stored = await sliders(page).first().getAttribute('aria-valuenow');
		if (stored !== String(value))
			mistakes.push(`round ${round + 1}: ${stored} instead of ${value}`);
	}
	expect(mistakes).toEqual([]);
});
