import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

/** The locales the app is built with, straight from the inlang project: the tests grow with it. */
export const LOCALES: readonly string[] = (
	JSON.parse(readFileSync('project.inlang/settings.json', 'utf8')) as { locales: string[] }
).locales;

export const RIGHT_TO_LEFT: ReadonlySet<string> = new Set(['ar', 'fa', 'he', 'ur']);

/** Keys the app keeps on the device (Paraglide's own, and ours for simple mode). */
export const LOCALE_KEY = 'PARAGLIDE_LOCALE';
export const SIMPLE_MODE_KEY = 'spinnenweb-simple-mode';

/**
 * Opens every page of this test in the locale, as if the person had chosen it before, and with
 * simple mode on or off. Set before any script runs, on every navigation of the page.
 */
export async function useDeviceChoices(
	page: Page,
	choices: { locale?: string; simpleMode?: boolean }
): Promise<void> {
	await page.addInitScript(
		([localeKey, simpleKey, locale, simple]) => {
			if (locale) localStorage.setItem(localeKey!, locale);
			if (simple) localStorage.setItem(simpleKey!, simple);
		},
		[
			LOCALE_KEY,
			SIMPLE_MODE_KEY,
			choices.locale ?? '',
			choices.simpleMode === undefined ? '' : choices.simpleMode ? 'on' : 'off'
		]
	);
}

/**
 * Starts a web from the start page in whatever language it shows: the only button in the main
 * content is "start" (the simple-mode switch is a switch). Returns the web's id.
 */
export async function startWebInAnyLanguage(page: Page): Promise<string> {
	await page.goto('/');
	const start = page.getByRole('main').getByRole('button');
	await expect(start).toHaveCount(1);
	await expect(start).toBeEnabled();
	await start.click();
	await page.waitForURL(/\/invullen\?web=/);
	return new URL(page.url()).searchParams.get('web') ?? '';
}

/** Gives the first dimension's aspects scores by keyboard (number keys), in any language. */
export async function scoreFirstDimensionByKeyboard(page: Page): Promise<void> {
	const sliders = page.getByRole('slider');
	await expect(sliders).toHaveCount(7);
	for (let i = 0; i < 7; i++) {
		await sliders.nth(i).focus();
		await page.keyboard.press(String((i * 3) % 10));
		await expect(sliders.nth(i)).toHaveAttribute('aria-valuenow', String((i * 3) % 10));
	}
}

/** The element with focus has an outline a sighted keyboard user can see. */
export async function expectVisibleFocus(page: Page, where: string): Promise<void> {
	const focus = await page.evaluate(() => {
		const el = document.activeElement;
		if (!el || el === document.body) return null;
		const style = getComputedStyle(el);
		const box = el.getBoundingClientRect();
		return {
			tag: `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''}`,
			outlineStyle: style.outlineStyle,
			outlineWidth: parseFloat(style.outlineWidth),
			outlineColor: style.outlineColor,
			isVisible: box.width > 0 && box.height > 0
		};
	});
	expect(focus, `${where}: something has focus`).not.toBeNull();
	expect(focus?.isVisible, `${where}: ${focus?.tag} is on screen`).toBe(true);
	expect(focus?.outlineStyle, `${where}: ${focus?.tag} has an outline`).not.toBe('none');
	expect(focus?.outlineWidth, `${where}: ${focus?.tag} outline width`).toBeGreaterThanOrEqual(2);
}
