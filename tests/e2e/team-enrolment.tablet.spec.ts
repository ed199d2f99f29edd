// A professional's tablet joins a team in settings with the code the coordinator was given by
// `npm run team`, sees the team's name, keeps it when offline, and leaves with one action. The
// code is typed as people type it (lower case, spaces) and is gone from the page once accepted.
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAppServer, type AppServer } from './support/app-server';
import { expectNoAxeViolations } from './support/axe';
import { TEAM_TEST_PORT } from './support/ports';

const base = `http://127.0.0.1:${TEAM_TEST_PORT}`;

let server: AppServer;
let enrolmentCode = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	const dataDir = mkdtempSync(join(tmpdir(), 'spinnenweb-e2e-team-'));
	// The host's command, on the folder the server will use, before the server holds it.
	const printed = execFileSync(process.execPath, ['scripts/team.js', 'create', 'Wijkteam Test'], {
		env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
		encoding: 'utf8'
	});
	enrolmentCode = /Enrolment code[^:]*:\s*(\S+)/.exec(printed)?.[1] ?? '';
	expect(enrolmentCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
	server = await startAppServer('build', TEAM_TEST_PORT, { dataDir });
});

test.afterAll(async () => {
	await server?.stop();
});

test('a tablet joins its team with the code, shows it offline too, and leaves', async ({
	page,
	context
}, testInfo) => {
	const urls: string[] = [];
	page.on('request', (request) => urls.push(request.url()));
	await page.goto(`${base}/instellingen`);
	const panel = page.getByRole('region', { name: 'Team' });
	await expect(panel).toContainText('Deze tablet hoort nog niet bij een team.');

	// A wrong code: a clear message, and nothing joined.
	const field = panel.getByLabel('Code van je team');
	await field.fill('ABCD-EFGH-JKMN');
	await panel.getByRole('button', { name: 'Meedoen met team' }).click();
	await expect(panel).toContainText('Deze code werkt niet (meer).');
	await expectNoAxeViolations(page, 'team panel, wrong code');

	// The real code, typed in lower case with spaces.
	await field.fill(` ${enrolmentCode.toLowerCase().replaceAll('-', ' ')} `);
	await panel.getByRole('button', { name: 'Meedoen met team' }).click();
	await expect(panel).toContainText('Deze tablet hoort bij Wijkteam Test.');
	await expect(panel.getByRole('status')).toHaveText(/Gelukt/);
	await expect(panel.getByLabel(/code van dat team/)).toHaveValue('');
	await expect(page.locator('body')).not.toContainText(enrolmentCode);
	await expectNoAxeViolations(page, 'team panel, joined');
	await panel.screenshot({ path: testInfo.outputPath('team-panel-joined.png') });

	// The server holds the same: the outbox's token is the team's.
	const token = await page.evaluate(async () => {
		const open = indexedDB.open('spinnenweb');
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error as Error);
		});
		const read = db.transaction('syncState').objectStore('syncState').get('device');
		return new Promise<string>((resolve) => {
			read.onsuccess = () => resolve((read.result as { token: string }).token);
		});
	});
	const self = await page.request.get(`${base}/api/devices/self`, {
		headers: { authorization: `Bearer ${token}` }
	});
	expect(await self.json()).toEqual({ team: { name: 'Wijkteam Test' } });

	// Offline: the name still shows after a reload; leaving says plainly it cannot, nothing changes.
	await page.reload();
	await expect(panel).toContainText('Deze tablet hoort bij Wijkteam Test.');
	await context.setOffline(true);
	await panel.getByRole('button', { name: 'Team verlaten' }).click();
	await expect(panel.getByRole('status')).toHaveText(/geen verbinding met de server/);
	await expect(panel).toContainText('Deze tablet hoort bij Wijkteam Test.');
	await context.setOffline(false);

	// Leaving is one action.
	await panel.getByRole('button', { name: 'Team verlaten' }).click();
	await expect(panel).toContainText('Deze tablet hoort nog niet bij een team.');
	await expect(panel.getByRole('status')).toHaveText(
		'Deze tablet hoort nu niet meer bij een team.'
	);
	await expect(panel.getByRole('button', { name: 'Team verlaten' })).toHaveCount(0);
	const after = await page.request.get(`${base}/api/devices/self`, {
		headers: { authorization: `Bearer ${token}` }
	});
	expect(await after.json()).toEqual({ team: null });
	await expectNoAxeViolations(page, 'team panel, left');

	// Neither the code nor the token ever went into an address.
	const normalised = enrolmentCode.replaceAll('-', '');
	for (const url of urls) {
		expect(url).not.toContain(enrolmentCode);
		expect(url).not.toContain(normalised);
		expect(url).not.toContain(token);
	}
});
