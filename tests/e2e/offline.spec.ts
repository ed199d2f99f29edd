import { expect, test } from '@playwright/test';
import { measurePrecache, waitForServiceWorkerControl } from './support/service-worker';
import { expectTableMatches, fillWholeWeb, startNewWeb, variedPlan } from './support/web';

test('after one visit the app works with no network: start page, a deep link, a whole new web', async ({
	page,
	context
}) => {
	test.slow(); // two whole webs
	const earlier = variedPlan(3);
	const offlinePlan = variedPlan(6);

	// One visit with a network, in which a web is made.
	await page.goto('/');
	await waitForServiceWorkerControl(page);
	await startNewWeb(page);
	await fillWholeWeb(page, earlier, 'pointer');
	const earlierResult = page.url();
	expect(new URL(earlierResult).pathname).toBe('/resultaat');

	await context.setOffline(true);
	const offlineNote = page.getByRole('status').filter({ hasText: 'Offline: alles werkt gewoon' });
	await expect(offlineNote).toBeVisible();
	// Truly offline: what the worker has not cached cannot be fetched.
	const probe = await page.evaluate(() =>
		fetch('/api/health').then(
			() => 'reached',
			() => 'unreachable'
		)
	);
	expect(probe).toBe('unreachable');

	// Fresh loads of a deep link and of the start page, served by the worker alone.
	await page.reload();
	await expectTableMatches(page, earlier);
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Hoe gaat het met je?' })).toBeVisible();
	await expect(offlineNote).toBeVisible();
	await page.goto(earlierResult);
	await expectTableMatches(page, earlier);
	await page.goto('/geschiedenis?x=1');
	await expect(page.getByRole('heading', { level: 1, name: 'Eerdere webs' })).toBeVisible();

	// A whole web, filled in offline.
	await startNewWeb(page);
	await fillWholeWeb(page, offlinePlan, 'pointer');
	await expectTableMatches(page, offlinePlan);
	const offlineResult = page.url();

	// Back online: the note goes, and both webs are there, whole.
	await context.setOffline(false);
	await expect(offlineNote).toHaveCount(0);
	await page.goto('/geschiedenis');
	await expect(page.getByRole('list', { name: 'Al je webs' }).getByRole('listitem')).toHaveCount(2);
	await page.goto(offlineResult);
	await expectTableMatches(page, offlinePlan);
	await page.goto(earlierResult);
	await expectTableMatches(page, earlier);
});

test('an unknown address offline opens the app and its "not found", not the browser\'s error', async ({
	page,
	context
}) => {
	await page.goto('/');
	await waitForServiceWorkerControl(page);
	await context.setOffline(true);
	const response = await page.goto('/bestaat-niet?web=1');
	expect(response?.status()).toBe(200);
	await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible();
	await expect(page.getByText('Not Found')).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
});

test('the first load asks no other origin for anything, the worker included', async ({
	page,
	context,
	baseURL
}) => {
	const origin = new URL(baseURL!).origin;
	const requested: string[] = [];
	context.on('request', (request) => requested.push(request.url()));

	await page.goto('/');
	await waitForServiceWorkerControl(page);
	await page.getByRole('button', { name: 'Begin een nieuwe spinnenweb' }).click();
	await expect(page.getByText('Onderdeel 1 van 6')).toBeVisible();
	await page.waitForLoadState('networkidle');

	// The worker's precache requests are among them: the pages it fetched at install.
	expect(requested).toContain(`${origin}/instellingen`);
	expect(requested.filter((url) => new URL(url).origin !== origin)).toEqual([]);

	const precache = await measurePrecache(page);
	test.info().annotations.push({
		type: 'precache',
		description: `${precache.files} files, ${precache.bytes} bytes`
	});
	expect(precache.files).toBeGreaterThan(10);
});
