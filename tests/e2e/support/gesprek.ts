import { expect, type Page } from '@playwright/test';
import { text } from './messages';

/** A day as `<input type="date">` takes it, some days from today. */
export function dayFromToday(days: number): string {
	const date = new Date(Date.now() + days * 86_400_000);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A day as the app writes it in Dutch, e.g. "12 maart 2026". */
export function dutchDay(day: string): string {
	const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
	return new Intl.DateTimeFormat('nl', { dateStyle: 'long' }).format(
		new Date(year, month - 1, date, 12)
	);
}

/** Adds a person on the people screen and lands on their page. */
export async function addPerson(page: Page, pseudonym: string): Promise<void> {
	await page.getByRole('textbox', { name: 'Schuilnaam of voorletters' }).fill(pseudonym);
	await page.getByRole('button', { name: 'Voeg toe' }).click();
	await expect(page.getByRole('heading', { level: 1, name: pseudonym })).toBeVisible();
}

/** The score each aspect gets (0–9, one number key): varied, and different per seed. */
export function scoreOf(dimension: number, aspect: number, seed: number): number {
	return (dimension * 3 + aspect * 2 + seed) % 10;
}

/** The mean of a dimension's seven scores, one decimal, as a Dutch table shows it ("4,3"). */
export function meanText(dimension: number, seed: number, locale = 'nl'): string {
	const scores = Array.from({ length: 7 }, (_, a) => scoreOf(dimension, a, seed));
	const mean = Math.round((scores.reduce((s, x) => s + x, 0) / 7) * 10) / 10;
	return new Intl.NumberFormat(locale, {
		minimumFractionDigits: 1,
		maximumFractionDigits: 1
	}).format(mean);
}

/**
 * Fills dimensions `from`…`to - 1` of the web on screen by keyboard (a number key per slider), in
 * the given language, and goes on with the screen's own "next" or "finish".
 */
export async function fillDimensions(
	page: Page,
	from: number,
	to: number,
	seed: number,
	locale = 'nl'
): Promise<void> {
	for (let d = from; d < to; d++) {
		await expect(
			page.getByText(text(locale, 'fill_progress', { current: String(d + 1), total: '6' }), {
				exact: true
			})
		).toBeVisible();
		const sliders = page.getByRole('slider');
		await expect(sliders).toHaveCount(7);
		for (let a = 0; a < 7; a++) {
			const score = scoreOf(d, a, seed);
			await sliders.nth(a).focus();
			await page.keyboard.press(String(score));
			await expect(sliders.nth(a)).toHaveAttribute('aria-valuenow', String(score));
		}
		const next = text(locale, d === 5 ? 'fill_finish' : 'fill_next');
		await page.getByRole('button', { name: next, exact: true }).click();
	}
}

/** Holds the way back out of hand-over mode with the pointer until the professional's screen is back. */
export async function holdToLeave(page: Page, until: () => Promise<void>): Promise<void> {
	await page.getByRole('button', { name: 'Terug naar het gesprek' }).hover();
	await page.mouse.down();
	await until();
	await page.mouse.up();
}
