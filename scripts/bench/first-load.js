// What a phone downloads on a first visit to the start page, measured in Chromium from the
// bytes on the wire (gzip as the server sends them), next to the count from the build output.
import { firstLoadReport } from '../lib/first-load.js';
import { PHONE } from './browser.js';

export async function measureFirstLoad(browser, url) {
	const context = await browser.newContext(PHONE);
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.enable');
	const types = new Map();
	const bytes = new Map();
	cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
	cdp.on('Network.loadingFinished', (e) => bytes.set(e.requestId, e.encodedDataLength));
	await page.goto(`${url}/`, { waitUntil: 'networkidle' });
	await context.close();

	let jsCss = 0;
	for (const [id, size] of bytes) {
		if (['Script', 'Stylesheet'].includes(types.get(id))) jsCss += size;
	}
	const fromBuild = firstLoadReport('/');
	return { requests: bytes.size, jsCssWire: jsCss, jsCssBuild: fromBuild.total };
}
