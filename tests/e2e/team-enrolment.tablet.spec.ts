// A professional's tablet joins a team in settings with the code the coordinator was given by
// `npm run team`, sees the team's name, keeps it when offline, and leaves with one action. The
// code is typed as people type it (lower case, spaces) and is gone from the page once accepted.
// When the server forgets the tablet (its team deleted and made again), settings says which team
// it lost and it joins again. Neither code nor token ever reaches an address, the page or a log.
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAppServer, type AppServer } from './support/app-server';
import { expectNoAxeViolations } from './support/axe';
import { storedDeviceToken } from './support/sync-state';

const TEAM = 'Wijkteam Test';

let dataDir = '';
let server: AppServer;
let base = '';
// Every server log of the test, also of servers stopped on the way.
let logs = '';

test.describe.configure({ mode: 'serial' });

/** The host's command, on the folder the server uses, while no server holds it (PGlite). */
function team(...args: string[]): string {
	return execFileSync(process.execPath, ['scripts/team.js', ...args], {
		env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
		encoding: 'utf8'
	});
}

function createTeam(): string {
	const code = /Enrolment code[^:]*:\s*(\S+)/.exec(team('create', TEAM))?.[1] ?? '';
	expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
	return code;
}

test.beforeAll(async () => {
	// A new data folder's first open (the embedded database's initdb) and a server start take long
	// when parallel workers do both at once on a busy 2-core machine.
	test.setTimeout(180_000);
	dataDir = mkdtempSync(join(tmpdir(), 'spinnenweb-e2e-team-'));
	// A port the system chooses: parallel workers (--repeat-each) each have their own server.
	server = await startAppServer('build', 0, { dataDir });
	base = server.url;
	await server.stop();
});

test.afterAll(async () => {
	await server?.stop();
});

async function teamOnServer(page: Page, token: string): Promise<unknown> {
	const self = await page.request.get(`${base}/api/devices/self`, {
		headers: { authorization: `Bearer ${token}` }
	});
	return self.json();
}

async function restart(): Promise<void> {
	logs += server.log();
	await server.stop();
}

test('a tablet joins its team with the code, shows it offline too, leaves, and joins again', async ({
	page,
	context
}, testInfo) => {
	// Three runs of the host's command (each loads the server's code and the database) and two
	// server starts, besides the journey: more than the default on a busy 2-core machine.
	test.setTimeout(240_000);
	const codes = [createTeam()];
	server = await startAppServer('build', Number(new URL(base).port), { dataDir });
	const urls: string[] = [];
	const consoleLines: string[] = [];
	page.on('request', (request) => urls.push(request.url()));
	page.on('console', (message) => consoleLines.push(message.text()));

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
	await field.fill(` ${codes[0]!.toLowerCase().replaceAll('-', ' ')} `);
	await panel.getByRole('button', { name: 'Meedoen met team' }).click();
	await expect(panel).toContainText(`Deze tablet hoort bij ${TEAM}.`);
	await expect(panel.getByRole('status')).toHaveText(/Gelukt/);
	await expect(panel.getByLabel(/code van dat team/)).toHaveValue('');
	await expectNoAxeViolations(page, 'team panel, joined');
	await panel.screenshot({ path: testInfo.outputPath('team-panel-joined.png') });

	// The server holds the same: the outbox's token is the team's.
	const tokens = [(await storedDeviceToken(page)) ?? ''];
	expect(await teamOnServer(page, tokens[0]!)).toEqual({ team: { name: TEAM } });

	// Offline: the name still shows after a reload; leaving says plainly it cannot, nothing changes.
	await page.reload();
	await expect(panel).toContainText(`Deze tablet hoort bij ${TEAM}.`);
	await context.setOffline(true);
	await panel.getByRole('button', { name: 'Team verlaten' }).click();
	await expect(panel.getByRole('status')).toHaveText(/geen verbinding met de server/);
	await expect(panel).toContainText(`Deze tablet hoort bij ${TEAM}.`);
	await context.setOffline(false);

	// Leaving is one action.
	await panel.getByRole('button', { name: 'Team verlaten' }).click();
	await expect(panel).toContainText('Deze tablet hoort nog niet bij een team.');
	await expect(panel.getByRole('status')).toHaveText(
		'Deze tablet hoort nu niet meer bij een team.'
	);
	await expect(panel.getByRole('button', { name: 'Team verlaten' })).toHaveCount(0);
	expect(await teamOnServer(page, tokens[0]!)).toEqual({ team: null });
	await expectNoAxeViolations(page, 'team panel, left');

	// Back in, with the same token; then the host deletes the team (its tablets with it) and makes
	// it again: the server no longer knows this tablet.
	await field.fill(codes[0]!);
	await panel.getByRole('button', { name: 'Meedoen met team' }).click();
	await expect(panel).toContainText(`Deze tablet hoort bij ${TEAM}.`);
	expect(await storedDeviceToken(page)).toBe(tokens[0]);
	await restart();
	team('delete', TEAM, '--yes');
	codes.push(createTeam());
	server = await startAppServer('build', Number(new URL(base).port), { dataDir });

	// The panel says so plainly, with the team's name, and never as a tablet that had no team.
	await page.reload();
	await expect(panel).toContainText(`Deze tablet hoort niet meer bij ${TEAM}.`);
	await expect(panel).toContainText('De server kent deze tablet niet meer');
	await expect(panel).not.toContainText('Deze tablet hoort nog niet bij een team.');
	await expectNoAxeViolations(page, 'team panel, team lost');
	await panel.screenshot({ path: testInfo.outputPath('team-panel-lost.png') });

	// Joining again with the new code: a new token, in the team.
	await field.fill(codes[1]!);
	await panel.getByRole('button', { name: 'Meedoen met team' }).click();
	await expect(panel).toContainText(`Deze tablet hoort bij ${TEAM}.`);
	await expect(panel).not.toContainText('niet meer bij');
	tokens.push((await storedDeviceToken(page)) ?? '');
	expect(tokens[1]).not.toBe(tokens[0]);
	expect(await teamOnServer(page, tokens[1]!)).toEqual({ team: { name: TEAM } });
	expect(await teamOnServer(page, tokens[0]!)).toMatchObject({ error: { code: 'unauthorized' } });

	// Neither the codes nor the tokens ever went into an address, the page's text or a log.
	await restart();
	const secrets = [...codes, ...codes.map((code) => code.replaceAll('-', '')), ...tokens];
	const text = await page.locator('body').innerText();
	expect(logs).toContain('PUT /api/devices/self/team 200');
	for (const secret of secrets) {
		expect(secret.length).toBeGreaterThanOrEqual(12);
		for (const url of urls) expect(url).not.toContain(secret);
		expect(text).not.toContain(secret);
		expect(logs).not.toContain(secret);
		for (const line of consoleLines) expect(line).not.toContain(secret);
	}
});
