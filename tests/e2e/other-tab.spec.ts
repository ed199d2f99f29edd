import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { startNewWeb } from './support/web';

test('when another tab upgrades the database, this tab says so and offers a reload', async ({
	page,
	context
}) => {
	// Something stored, so the start page opens the database to look for an unfinished web (on a
	// first visit there is nothing to open).
	await startNewWeb(page);
	await page.goto('/');
	await expect(page.locator('[data-resume]')).toHaveAttribute('data-resume', 'found');

	// A second tab of the same origin, outside the app, opens the next database version.
	const other = await context.newPage();
	await other.goto('/manifest.webmanifest');
	const upgradedTo = await other.evaluate(async () => {
		const open = (version?: number) =>
			new Promise<IDBDatabase>((resolve, reject) => {
				const request = indexedDB.open('spinnenweb', version);
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
		const current = await open();
		const next = current.version + 1;
		current.close();
		const upgraded = await open(next);
		upgraded.close();
		return next;
	});
	expect(upgradedTo).toBeGreaterThan(1);

	const alert = page.getByRole('alert').filter({ hasText: 'in een ander venster vernieuwd' });
	await expect(alert).toBeVisible();
	await expect(alert.getByRole('button', { name: 'Opnieuw laden' })).toBeVisible();
	await expectNoAxeViolations(page, 'start page with the other-tab message');
});
