import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { fillDimension, startNewWeb, variedPlan } from './support/web';

test('settings tell in plain words how the data is kept, how much is used, and what to do', async ({
	page
}) => {
	await page.goto('/');
	await page
		.getByRole('navigation', { name: 'Hoofdmenu' })
		.getByRole('link', { name: 'Instellingen' })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible();

	const storage = page.getByRole('region', { name: 'Opslag op dit apparaat' });
	// A fresh headless profile is not granted persistent storage.
	await expect(storage).toContainText('Je browser mag je gegevens wissen');
	await expect(storage).toContainText(
		/Spinnenweb gebruikt nu [\d,.]+ (byte|kB|MB) op dit apparaat\./
	);
	await expect(storage.getByRole('heading', { name: 'Wat kun je doen?' })).toBeVisible();
	await expect(storage).toContainText('Zet Spinnenweb op je beginscherm');
	await expect(storage).toContainText('Maak af en toe een back-up.');
	// Asking again gets an answer on screen: here still no, with what to do first.
	await storage.getByRole('button', { name: 'Opnieuw vragen' }).click();
	await expect(storage.getByRole('status')).toHaveText(
		/nog niet blijvend.*eerst op je beginscherm/
	);

	const offline = page.getByRole('region', { name: 'Zonder internet' });
	await expect(offline).toContainText('Spinnenweb werkt op dit apparaat ook zonder internet.');
	await expect(offline).toContainText(/Versie \S+/);
	await expectNoAxeViolations(page, 'settings');

	// The footer leads there too.
	await page.goto('/geschiedenis');
	await page.getByRole('contentinfo').getByRole('link', { name: 'Instellingen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible();
});

test('the browser is asked once to keep the data, after the first saved answer', async ({
	page
}) => {
	await page.addInitScript(() => {
		const counted = window as unknown as { persistCalls: number };
		counted.persistCalls = 0;
		const persist = navigator.storage.persist.bind(navigator.storage);
		navigator.storage.persist = () => {
			counted.persistCalls++;
			return persist();
		};
	});
	const persistCalls = () =>
		page.evaluate(() => (window as unknown as { persistCalls: number }).persistCalls);

	await startNewWeb(page);
	expect(await persistCalls()).toBe(0);
	await fillDimension(page, variedPlan()[0]!.slice(0, 3), 'keyboard');
	await expect.poll(persistCalls).toBe(1);

	// More answers, and a later visit: never asked again.
	await page.reload();
	await fillDimension(page, variedPlan()[0]!.slice(0, 5), 'keyboard');
	await expect(page.getByText('Opgeslagen', { exact: true })).toBeVisible();
	expect(await persistCalls()).toBe(0);
});

test('the header fits a 320 px wide phone with both links and the offline note', async ({
	page,
	context
}) => {
	await page.setViewportSize({ width: 320, height: 640 });
	await page.goto('/');
	// The page's code runs after the load event: offline before it has, a first visit has no app.
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await context.setOffline(true);
	const header = page.getByRole('banner');
	await expect(header.getByRole('status')).toHaveText('Offline: alles werkt gewoon');
	for (const name of ['Spinnenweb', 'Eerdere webs', 'Instellingen']) {
		const link = header.getByRole('link', { name });
		const box = await link.boundingBox();
		expect(box, name).not.toBeNull();
		expect(box!.x, name).toBeGreaterThanOrEqual(0);
		expect(box!.x + box!.width, name).toBeLessThanOrEqual(320);
		expect(box!.height, name).toBeGreaterThanOrEqual(44);
	}
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});
