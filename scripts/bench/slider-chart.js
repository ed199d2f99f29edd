// From a slider change to the web repainted, on a tablet where the web grows beside the
// questions: a key press, the answer saved, the live query answering, the chart redrawn, the next
// frame. p50/p95 over many changes.
import { TABLET } from './browser.js';
import { percentile } from './stats.js';

export async function measureSliderToChart(browser, url, changes = 200) {
	const context = await browser.newContext(TABLET);
	const page = await context.newPage();
	await page.goto(`${url}/`);
	await page.getByRole('button', { name: 'Begin een nieuwe spinnenweb' }).click();
	await page.locator('.live-web svg').waitFor();
	const times = await page.evaluate(async (count) => {
		const slider = document.querySelector('[role="slider"]');
		const svg = document.querySelector('.live-web svg');
		const shape = () => svg.querySelector('.series')?.innerHTML ?? '';
		const result = [];
		for (let i = 0; i < count; i++) {
			const before = shape();
			const start = performance.now();
			const changed = new Promise((resolve, reject) => {
				const timer = setTimeout(() => reject(new Error('the chart did not change')), 5000);
				const observer = new MutationObserver(() => {
					if (shape() !== before) {
						clearTimeout(timer);
						observer.disconnect();
						resolve();
					}
				});
				observer.observe(svg, {
					subtree: true,
					childList: true,
					attributes: true,
					characterData: true
				});
			});
			slider.dispatchEvent(
				new KeyboardEvent('keydown', {
					key: i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft',
					bubbles: true
				})
			);
			await changed;
			const updated = performance.now() - start;
			await new Promise((resolve) => requestAnimationFrame(() => resolve()));
			result.push({ updated, painted: performance.now() - start });
		}
		return result;
	}, changes);
	await context.close();
	const updated = times.map((t) => t.updated);
	const painted = times.map((t) => t.painted);
	return {
		changes: times.length,
		updatedP50: percentile(updated, 50),
		updatedP95: percentile(updated, 95),
		paintedP50: percentile(painted, 50),
		paintedP95: percentile(painted, 95)
	};
}
