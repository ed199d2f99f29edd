import { expect, test, type Page } from '@playwright/test';

/** Text boxes whose words stick out of them: with overflow visible, they would overlap others. */
export function overflowingText(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const selector = 'h1, h2, h3, p, li, label, button, a, th, td, legend, output';
		const out: string[] = [];
		for (const el of document.querySelectorAll<HTMLElement>(selector)) {
			const style = getComputedStyle(el);
			if (style.display === 'none' || style.visibility === 'hidden') continue;
			if (el.closest('[aria-hidden="true"], .visually-hidden, .skip-link')) continue;
			if (el.scrollWidth > el.clientWidth + 1 && style.overflowX === 'visible') {
				out.push(`${el.tagName.toLowerCase()}: ${el.textContent?.trim().slice(0, 40)}`);
			}
		}
		return out;
	});
}

/** No sideways scrolling and no text sticking out; keeps a full-page screenshot to look at. */
export async function expectFits(page: Page, where: string, shotName: string): Promise<void> {
	const widths = await page.evaluate(() => ({
		scroll: document.documentElement.scrollWidth,
		client: document.documentElement.clientWidth
	}));
	expect(widths.scroll, `${where}: no sideways scrolling`).toBeLessThanOrEqual(widths.client);
	expect(await overflowingText(page), `${where}: text that sticks out of its box`).toEqual([]);
	await page.screenshot({ path: test.info().outputPath(`${shotName}.png`), fullPage: true });
}
