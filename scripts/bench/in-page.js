// Timing inside the page, so the figures hold what a person waits for and not the test driver.

/** ms from `action` until `selector` matches in the page (observed with a MutationObserver). */
export async function timeUntil(page, selector, action) {
	await page.evaluate((sel) => {
		window.__benchDone = new Promise((resolve) => {
			const start = performance.now();
			const check = () => {
				if (document.querySelector(sel)) {
					observer.disconnect();
					resolve(performance.now() - start);
				}
			};
			const observer = new MutationObserver(check);
			observer.observe(document, { subtree: true, childList: true, attributes: true });
			check();
		});
	}, selector);
	await action();
	return page.evaluate(() => window.__benchDone);
}

/** ms from a fresh navigation's start until `selector` first matches. */
export async function timeNavigation(page, url, selector) {
	await page.addInitScript((sel) => {
		window.__benchSeen = new Promise((resolve) => {
			const check = () => {
				if (document.querySelector(sel)) {
					observer.disconnect();
					resolve(performance.now());
				}
			};
			const observer = new MutationObserver(check);
			observer.observe(document, { subtree: true, childList: true });
		});
	}, selector);
	await page.goto(url);
	return page.evaluate(() => window.__benchSeen);
}
