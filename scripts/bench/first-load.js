// What a phone downloads on a visit to the start page: the first paint from the build output, and
// the whole first visit as Chromium fetches it (scripts/lib/whole-visit.js, also the budget test).
import { firstLoadReport } from '../lib/first-load.js';
import { measureWholeVisit } from '../lib/whole-visit.js';
import { PHONE } from './browser.js';

export async function measureFirstLoad(browser, url) {
	const context = await browser.newContext(PHONE);
	const visit = await measureWholeVisit(await context.newPage(), `${url}/`);
	await context.close();

	// Someone who stored a web before, on a device without the service worker's copy (it was
	// cleared, or the browser has none): the storage code comes too.
	const returning = await browser.newContext({ ...PHONE, serviceWorkers: 'block' });
	const seed = await returning.newPage();
	await seed.goto(`${url}/invullen?nieuw=1`);
	await seed.waitForURL(/web=/);
	await seed.close();
	const page = await returning.newPage();
	const cdp = await returning.newCDPSession(page);
	await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
	const again = await measureWholeVisit(page, `${url}/`);
	await returning.close();

	return {
		firstPaint: firstLoadReport('/').total,
		wholeVisit: visit,
		withStoredWeb: again
	};
}
