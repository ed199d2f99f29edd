import { expect, test } from '@playwright/test';
import { buildVersion, startAppServer, type AppServer } from './support/app-server';
import { expectNoAxeViolations } from './support/axe';
import { UPDATE_TEST_PORT } from './support/ports';
import { cacheNames, waitForServiceWorkerControl } from './support/service-worker';
import { DIMENSIONS, fillDimension, sliders, startNewWeb, variedPlan } from './support/web';

// Version A is the normal build; version B the same code under another version name, built by
// `npm run build:update-b` (npm test does). This test serves A, then B on the same address: on its
// own port, so the shared test server is never stopped under the other tests.
const A_DIR = 'build';
const B_DIR = 'build-b';
const HOW_TO_BUILD = 'Run `npm run build && npm run build:update-b` first (npm test does both).';

test.use({ baseURL: `http://127.0.0.1:${UPDATE_TEST_PORT}` });

let server: AppServer | undefined;
test.afterEach(async () => {
	await server?.stop();
	server = undefined;
});

test('a new version is offered, never forced, and taking it keeps the place and every answer', async ({
	page,
	context
}) => {
	test.slow();
	const versionA = buildVersion(A_DIR, HOW_TO_BUILD);
	const versionB = buildVersion(B_DIR, HOW_TO_BUILD);
	expect(versionB, `${B_DIR}/ must be another version than ${A_DIR}/. ${HOW_TO_BUILD}`).not.toBe(
		versionA
	);
	const plan = variedPlan(7);
	const banner = page.getByRole('status').filter({ hasText: 'Er is een nieuwe versie' });

	server = await startAppServer(A_DIR, UPDATE_TEST_PORT);
	await page.goto('/');
	await waitForServiceWorkerControl(page);
	expect(await cacheNames(page)).toEqual([`spinnenweb-${versionA}`]);

	// Halfway: the first part whole, the second up to its fourth aspect.
	await startNewWeb(page);
	await fillDimension(page, plan[0]!, 'keyboard');
	await page.getByRole('button', { name: 'Volgende' }).click();
	await expect(page.getByRole('heading', { level: 1, name: DIMENSIONS[1] })).toBeVisible();
	await fillDimension(page, plan[1]!.slice(0, 4), 'keyboard');
	await expect(page.getByText('Opgeslagen', { exact: true })).toBeVisible();
	const addressBefore = page.url();
	await expect(banner).toHaveCount(0);

	// Version B is deployed on the same address.
	await server.stop();
	server = await startAppServer(B_DIR, UPDATE_TEST_PORT);

	// The app looks for a new version when it comes back online (or back into view).
	await page.evaluate(() => ((window as { notReloaded?: boolean }).notReloaded = true));
	await context.setOffline(true);
	await context.setOffline(false);
	await expect(banner).toBeVisible({ timeout: 20_000 });
	await expect(banner.getByRole('button', { name: 'Vernieuwen' })).toBeVisible();
	// Nothing happened on its own: same page, same focus, not reloaded.
	expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
	await expect(sliders(page).nth(3)).toBeFocused();
	await expectNoAxeViolations(page, 'fill-in screen with the update banner');

	await Promise.all([
		page.waitForEvent('load'),
		banner.getByRole('button', { name: 'Vernieuwen' }).click()
	]);

	// Version B, at the same address, at the same aspect, with every answer.
	expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(
		undefined
	);
	expect(page.url()).toBe(addressBefore);
	await expect(page.getByRole('heading', { level: 1, name: DIMENSIONS[1] })).toBeVisible();
	await expect(sliders(page).nth(3)).toBeFocused();
	for (const [i, value] of plan[1]!.slice(0, 4).entries()) {
		await expect(sliders(page).nth(i)).toHaveAttribute('aria-valuenow', String(value));
	}
	await expect(sliders(page).nth(4)).not.toHaveAttribute('aria-valuenow');
	await expect(banner).toHaveCount(0);
	await expect.poll(() => cacheNames(page)).toEqual([`spinnenweb-${versionB}`]);

	await page.getByRole('button', { name: 'Terug' }).click();
	await expect(page.getByRole('heading', { level: 1, name: DIMENSIONS[0] })).toBeVisible();
	for (const [i, value] of plan[0]!.entries()) {
		await expect(sliders(page).nth(i)).toHaveAttribute('aria-valuenow', String(value));
	}

	await page.getByRole('link', { name: 'Instellingen' }).first().click();
	await expect(page.getByText(`Versie ${versionB}`)).toBeVisible();
});
