import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { expectVisibleFocus, SIMPLE_MODE_KEY, useDeviceChoices } from './support/locales';
import { DIMENSIONS, readScoreTable } from './support/web';

const ASPECTS = 7;

/** Chooses a score on the large 0–10 choice by keyboard: focus the group, arrows to the number. */
async function chooseByKeyboard(page: Page, score: number): Promise<void> {
	const radios = page.getByRole('radio');
	await expect(radios).toHaveCount(11);
	const checked = page.getByRole('radio', { checked: true });
	if ((await checked.count()) === 0) {
		// Nothing chosen yet: Tab lands on the first option; Space chooses it.
		await radios.first().focus();
		await page.keyboard.press('Space');
	} else {
		await checked.focus();
	}
	await expectVisibleFocus(page, 'score choice');
	await page.keyboard.press('Home');
	for (let i = 0; i < score; i++) await page.keyboard.press('ArrowRight');
	await expect(radios.nth(score)).toBeChecked();
}

async function pressButton(page: Page, name: string | RegExp): Promise<void> {
	const button = page.getByRole('button', { name, exact: typeof name === 'string' });
	await button.focus();
	await expectVisibleFocus(page, String(name));
	await page.keyboard.press('Enter');
}

test('simple mode by keyboard: one question per screen, one score for a whole part, and the web shows both', async ({
	page
}) => {
	// 36 screens by keyboard, each choice stored as it is made.
	test.setTimeout(150_000);
	await page.goto('/');
	const toggle = page.getByRole('switch', { name: 'Eenvoudig invullen' });
	await expect(toggle).toHaveAttribute('aria-checked', 'false');
	await toggle.focus();
	await page.keyboard.press('Space');
	await expect(toggle).toHaveAttribute('aria-checked', 'true');
	expect(await page.evaluate((key) => localStorage.getItem(key), SIMPLE_MODE_KEY)).toBe('on');
	await expectNoAxeViolations(page, 'start page, simple mode on');

	await pressButton(page, 'Begin een nieuwe spinnenweb');
	const plans: number[][] = [];
	for (const [d, name] of DIMENSIONS.entries()) {
		// The part's own screen: its pictogram and name, and the choice of one score for all of it.
		await expect(page.getByRole('heading', { level: 1, name })).toBeFocused();
		await expect(page.locator('svg[data-icon]')).toBeVisible();
		await expect(page.getByText(`Onderdeel ${d + 1} van 6`)).toBeVisible();
		if (d === 0) await expectNoAxeViolations(page, 'simple mode, part screen');

		if (d === 3) {
			await pressButton(page, 'Ik geef één cijfer voor dit hele onderdeel');
			await expect(
				page.getByRole('heading', { level: 1, name: 'Welk cijfer geef je dit hele onderdeel?' })
			).toBeFocused();
			await chooseByKeyboard(page, 8);
			await expectNoAxeViolations(page, 'simple mode, whole part');
			plans.push([8]);
			await pressButton(page, 'Volgende');
			continue;
		}

		await pressButton(page, 'Begin met de vragen');
		const plan: number[] = [];
		for (let a = 0; a < ASPECTS; a++) {
			await expect(page.getByText(`Vraag ${a + 1} van ${ASPECTS}`)).toBeVisible();
			await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
			const score = (d * 3 + a * 2) % 11;
			await chooseByKeyboard(page, score);
			plan.push(score);
			if (d === 0 && a === 0) {
				await expect(page.getByRole('radiogroup', { name: /gezond bent/ })).toBeVisible();
				await expect(page.getByRole('radio', { name: '0 van 10, helemaal niet' })).toBeVisible();
				await expectNoAxeViolations(page, 'simple mode, question screen');
			}
			await pressButton(page, d === 5 && a === ASPECTS - 1 ? 'Klaar, bekijk je web' : 'Volgende');
		}
		plans.push(plan);
	}

	await expect(page.getByRole('heading', { level: 1, name: 'Jouw spinnenweb' })).toBeVisible();
	const mean = (xs: number[]) =>
		(Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 10) / 10)
			.toFixed(1)
			.replace('.', ',');
	await expect
		.poll(() => readScoreTable(page))
		.toEqual(Object.fromEntries(DIMENSIONS.map((name, d) => [name, [mean(plans[d]!)]])));
	await expectNoAxeViolations(page, 'result after simple mode');
});

test('simple mode: a whole-part score can be taken back, and the questions count again', async ({
	page
}) => {
	await page.goto('/');
	await page.getByRole('switch', { name: 'Eenvoudig invullen' }).click();
	await page.getByRole('button', { name: 'Begin een nieuwe spinnenweb' }).click();
	await page.getByRole('button', { name: 'Begin met de vragen' }).click();
	await page.getByRole('radio', { name: '6 van 10' }).check();
	await page.getByRole('button', { name: 'Terug' }).click();

	await page.getByRole('button', { name: 'Ik geef één cijfer voor dit hele onderdeel' }).click();
	await page.getByRole('radio', { name: '10 van 10, helemaal wel' }).check();
	await page.getByRole('button', { name: 'Terug' }).click();
	await expect(page.getByText('Je gaf dit hele onderdeel een 10.')).toBeVisible();

	// Back in normal mode the score for the whole part shows, with a way to take it back.
	await page.evaluate((key) => localStorage.setItem(key, 'off'), SIMPLE_MODE_KEY);
	await page.reload();
	await expect(page.getByText('Je gaf dit hele onderdeel een 10.')).toBeVisible();
	await page.getByRole('button', { name: 'Cijfer voor het hele onderdeel weghalen' }).click();
	await expect(page.getByText('Je gaf dit hele onderdeel een 10.')).toBeHidden();
	await expect(page.getByRole('slider').first()).toHaveAttribute('aria-valuenow', '6');
});

test('simple mode resumes at the same question after a reload', async ({ page }) => {
	await useDeviceChoices(page, { simpleMode: true });
	await page.goto('/');
	await page.getByRole('button', { name: 'Begin een nieuwe spinnenweb' }).click();
	await page.getByRole('button', { name: 'Begin met de vragen' }).click();
	for (let a = 0; a < 3; a++) {
		await page.getByRole('radio', { name: `${a + 2} van 10` }).check();
		await expect(page.getByText('Opgeslagen', { exact: true })).toBeVisible();
		await page.getByRole('button', { name: 'Volgende' }).click();
	}
	await expect(page.getByText('Vraag 4 van 7')).toBeVisible();

	await page.goto('/');
	await page.getByRole('link', { name: 'Verder waar je was' }).click();
	await expect(page.getByText('Vraag 4 van 7')).toBeVisible();
	await page.getByRole('button', { name: 'Terug' }).click();
	await expect(page.getByRole('radio', { name: '4 van 10' })).toBeChecked();
});

test('Eenvoudig Nederlands turns simple mode on by itself', async ({ page }) => {
	await useDeviceChoices(page, { locale: 'nl-x-simple' });
	await page.goto('/');
	await expect(page.getByRole('switch')).toHaveAttribute('aria-checked', 'true');
	await page.getByRole('main').getByRole('button').click();
	await page.getByRole('button', { name: 'Begin met de vragen' }).click();
	await expect(page.getByRole('radiogroup')).toBeVisible();
	await expectNoAxeViolations(page, 'simple mode in Eenvoudig Nederlands');
});

test.describe('in dark mode', () => {
	test.use({ colorScheme: 'dark' });

	test('simple mode meets contrast in the dark theme too', async ({ page }) => {
		await useDeviceChoices(page, { simpleMode: true });
		await page.goto('/');
		await page.getByRole('button', { name: 'Begin een nieuwe spinnenweb' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Lichaamsfuncties' })).toBeVisible();
		await expectNoAxeViolations(page, 'simple part screen, dark');
		await page.getByRole('button', { name: 'Begin met de vragen' }).click();
		await page.getByRole('radio', { name: '3 van 10' }).check();
		await expectNoAxeViolations(page, 'simple question screen, dark');
	});
});

/** A speech engine in the page that records what it is asked, with the given voices. */
async function fakeSpeech(page: Page, voices: { lang: string; name: string }[]): Promise<void> {
	await page.addInitScript((voiceList) => {
		const log: { spoken: { text: string; lang: string }[]; cancels: number } = {
			spoken: [],
			cancels: 0
		};
		(window as unknown as { speechLog: typeof log }).speechLog = log;
		class FakeUtterance {
			lang = '';
			voice: unknown = null;
			onend: ((e: Event) => void) | null = null;
			onerror: ((e: Event) => void) | null = null;
			constructor(readonly text: string) {}
		}
		const synth = {
			speak(u: FakeUtterance) {
				log.spoken.push({ text: u.text, lang: u.lang });
			},
			cancel() {
				log.cancels++;
			},
			getVoices: () => voiceList,
			addEventListener() {},
			removeEventListener() {}
		};
		Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
		Object.defineProperty(window, 'SpeechSynthesisUtterance', {
			value: FakeUtterance,
			configurable: true
		});
	}, voices);
}

function speechLog(page: Page) {
	return page.evaluate(
		() =>
			(
				window as unknown as {
					speechLog: { spoken: { text: string; lang: string }[]; cancels: number };
				}
			).speechLog
	);
}

test('read aloud: every question has a button that reads it in Dutch, and leaving stops it', async ({
	page
}) => {
	await fakeSpeech(page, [
		{ lang: 'en-GB', name: 'Daniel' },
		{ lang: 'nl-NL', name: 'Xander' }
	]);
	await page.goto('/');
	await page.getByRole('button', { name: 'Begin een nieuwe spinnenweb' }).click();
	// Normal mode: one per question.
	await expect(page.getByRole('button', { name: 'Lees voor' })).toHaveCount(7);
	await page.getByRole('button', { name: 'Lees voor' }).first().click();
	await expect(page.getByRole('button', { name: 'Stop met voorlezen' })).toHaveCount(1);
	const log = await speechLog(page);
	expect(log.spoken).toEqual([
		{
			text: 'Heb je het gevoel dat je gezond bent? 0 is helemaal niet. 10 is helemaal wel.',
			lang: 'nl-NL'
		}
	]);
	await expectNoAxeViolations(page, 'question screen with read aloud');

	const cancelsBefore = log.cancels;
	await page.getByRole('button', { name: 'Volgende' }).click();
	await expect(page.getByRole('heading', { level: 1, name: DIMENSIONS[1] })).toBeVisible();
	expect((await speechLog(page)).cancels).toBeGreaterThan(cancelsBefore);
	await expect(page.getByRole('button', { name: 'Stop met voorlezen' })).toHaveCount(0);
});

test('read aloud is not offered where the device has no voice for the language', async ({
	page
}) => {
	await fakeSpeech(page, [{ lang: 'nl-NL', name: 'Xander' }]);
	await useDeviceChoices(page, { locale: 'ar', simpleMode: true });
	await page.goto('/');
	await page.getByRole('main').getByRole('button').click();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.locator('.read-aloud')).toHaveCount(0);
});
