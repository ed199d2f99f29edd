// The PDF summary: from the tap on "Download" to the file, and its size. The first PDF of a
// visit includes fetching the PDF code; later ones do not.
import { readFileSync } from 'node:fs';
import { PHONE } from './browser.js';
import { median } from './stats.js';

async function fillQuickly(page) {
	for (let d = 0; d < 6; d++) {
		await page.getByText(`Onderdeel ${d + 1} van 6`).waitFor();
		const sliders = page.getByRole('slider');
		for (let i = 0; i < (await sliders.count()); i++) {
			await sliders.nth(i).focus();
			await page.keyboard.press(String((d + i * 3) % 10));
		}
		await page.getByText('Opgeslagen', { exact: true }).waitFor();
		await page.getByRole('button', { name: d === 5 ? /Klaar/ : 'Volgende' }).click();
	}
	await page.waitForURL(/resultaat/);
}

export async function measurePdf(browser, url, runs = 5) {
	const context = await browser.newContext({ ...PHONE, acceptDownloads: true });
	const page = await context.newPage();
	await page.goto(`${url}/`);
	await page.getByRole('button', { name: 'Begin een nieuwe spinnenweb' }).click();
	await fillQuickly(page);
	await page.getByRole('link', { name: 'Maak een PDF om te delen' }).click();
	const button = page.getByRole('button', { name: 'Download' });
	await button.waitFor();

	const times = [];
	let bytes = 0;
	for (let run = 0; run < runs; run++) {
		const start = Date.now();
		const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
		const path = await download.path();
		times.push(Date.now() - start);
		bytes = readFileSync(path).length;
	}
	await context.close();
	return { firstMs: times[0], laterMs: median(times.slice(1)), bytes };
}
