// The coordinator's journey: a team is made with the real command, a tablet enrols through its
// settings screen and sends conversations for three areas with the token it got there, one
// of them too small; then the coordinator signs in on a laptop. The large area shows, the small
// one does not, nor does anything it could be worked out from; the CSV says the same; axe finds
// nothing on any screen, left to right or right to left.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAppServer, type AppServer } from './support/app-server';
import { expectNoAxeViolations } from './support/axe';
import { storedDeviceToken } from './support/sync-state';

let base = '';
// Last year: every month of it is over, so the dashboard shows all of it whenever this runs.
const year = new Date().getUTCFullYear() - 1;
const month = (m: number) => `${year}-${String(m).padStart(2, '0')}`;

let server: AppServer;
let enrolmentCode = '';
let coordinatorKey = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	// A new data folder's first open (the embedded database's initdb) and a server start take long
	// when parallel workers do both at once on a busy 2-core machine.
	test.setTimeout(180_000);
	const dataDir = mkdtempSync(join(tmpdir(), 'spinnenweb-e2e-dashboard-'));
	// The host's command, on the folder the server will use, before the server holds it.
	const printed = execFileSync(process.execPath, ['scripts/team.js', 'create', 'Wijkteam Noord'], {
		env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
		encoding: 'utf8'
	});
	enrolmentCode = /Enrolment code[^:]*:\s*(\S+)/.exec(printed)?.[1] ?? '';
	coordinatorKey = /Coordinator key[^:]*:\s*(\S+)/.exec(printed)?.[1] ?? '';
	expect(enrolmentCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
	expect(coordinatorKey).toMatch(/^spw_/);
	// A port the system chooses: parallel workers (--repeat-each) each have their own server.
	server = await startAppServer('build', 0, { dataDir });
	base = server.url;
});

test.afterAll(async () => {
	await server?.stop();
});

function summary(day: string, area: string, context: 'self' | 'conversation', i: number) {
	const score = (offset: number) => ((i * 7 + offset) % 11) as number;
	return {
		uuid: randomUUID(),
		questionSetId: 'volwassenen-v1',
		day,
		scores: {
			lichaamsfuncties: score(1),
			mentaal: score(3),
			zingeving: score(5),
			kwaliteit: score(2),
			meedoen: score(4),
			dagelijks: score(6)
		},
		focus: null,
		context,
		area
	};
}

async function register(request: APIRequestContext, body: object): Promise<string> {
	const response = await request.post(`${base}/api/devices`, { data: body });
	expect(response.status()).toBe(201);
	return ((await response.json()) as { token: string }).token;
}

async function send(request: APIRequestContext, token: string, all: object[]): Promise<void> {
	for (let i = 0; i < all.length; i += 100) {
		const response = await request.post(`${base}/api/summaries`, {
			headers: { authorization: `Bearer ${token}` },
			data: { summaries: all.slice(i, i + 100) }
		});
		expect(response.status()).toBe(200);
	}
}

/** The count in the first table's row for this group. */
function countOf(page: Page, group: string) {
	return page
		.locator('table')
		.first()
		.locator('tbody tr', { has: page.locator('th', { hasText: new RegExp(`^${group}$`) }) })
		.locator('td')
		.first();
}

test('a team, a tablet, conversations in three areas: the small area is never revealed', async ({
	browser,
	page,
	request
}, testInfo) => {
	// 2. A tablet of the team enrols in its settings with the code, as a professional does; the
	// conversations below go with the token it got there, the one its outbox sends with (the
	// outbox's own sending is sync.spec.ts's). A phone sends its own webs, with no team.
	const tabletContext = await browser.newContext({
		viewport: { width: 1180, height: 820 },
		hasTouch: true,
		locale: 'nl-NL'
	});
	const tabletPage = await tabletContext.newPage();
	await tabletPage.goto(`${base}/instellingen`);
	const panel = tabletPage.getByRole('region', { name: 'Team' });
	await panel.getByLabel('Code van je team').fill(enrolmentCode);
	await panel.getByRole('button', { name: 'Meedoen met team' }).click();
	await expect(panel).toContainText('Deze tablet hoort bij Wijkteam Noord.');
	const tablet = (await storedDeviceToken(tabletPage)) ?? '';
	await tabletContext.close();
	const phone = await register(request, {});
	// 3. Every month: 12 conversations in 1011, 11 in 1013; in October 3 in 1012. 10 own webs in 1011.
	const conversations: object[] = [];
	const own: object[] = [];
	for (let m = 1; m <= 12; m++) {
		for (let i = 0; i < 12; i++)
			conversations.push(summary(`${month(m)}-10`, '1011', 'conversation', i));
		for (let i = 0; i < 11; i++)
			conversations.push(summary(`${month(m)}-11`, '1013', 'conversation', i));
		for (let i = 0; i < 10; i++) own.push(summary(`${month(m)}-12`, '1011', 'self', i));
	}
	for (let i = 0; i < 3; i++)
		conversations.push(summary(`${month(10)}-12`, '1012', 'conversation', i));
	await send(request, tablet, conversations);
	await send(request, phone, own);

	// 4. Signing in: the dashboard sends to its sign-in form first.
	await page.goto(`${base}/dashboard`);
	await expect(page).toHaveURL(/\/dashboard\/sign-in$/);
	await expect(page.getByRole('heading', { name: 'Inloggen op het wijkbeeld' })).toBeVisible();
	await expectNoAxeViolations(page, 'dashboard sign-in');
	await page.getByLabel('Coördinatorsleutel').fill('spw_0000000000000000000000000X');
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page.getByRole('alert')).toHaveText(/Deze sleutel werkt niet/);
	await expect(page.getByLabel('Coördinatorsleutel')).toHaveValue('');
	await expectNoAxeViolations(page, 'dashboard sign-in, wrong key');
	await page.getByLabel('Coördinatorsleutel').fill(coordinatorKey);
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page.getByRole('heading', { name: 'Wijkbeeld', exact: true })).toBeVisible();
	await expect(page.getByText('Ingelogd voor Wijkteam Noord')).toBeVisible();
	await expect(page.getByText(/Het zijn geen metingen\./)).toBeVisible();
	await expect(
		page.getByText('Groepen van minder dan 10 mensen laten we niet zien.')
	).toBeVisible();

	// October, per area: 1011 shows; 1012 does not, and neither does 1013, or total − 1011 would be 1012.
	await page.getByLabel('Periode').selectOption(month(10));
	await page.getByRole('button', { name: 'Laat zien' }).click();
	await expect(page.getByRole('heading', { name: /Per wijk \(postcode\), oktober/ })).toBeVisible();
	await expect(countOf(page, 'Alle samen')).toHaveText('36');
	await expect(countOf(page, '1011')).toHaveText('22');
	await expect(countOf(page, '1012')).toHaveText('—');
	await expect(countOf(page, '1013')).toHaveText('—');
	await expect(page.getByText(/^— betekent: niet getoond/)).toBeVisible();
	await expect(
		page.getByRole('img', { name: /Het gemiddelde van alle samen, oktober/ })
	).toBeVisible();
	await expectNoAxeViolations(page, 'dashboard, per area, October');
	await page.screenshot({ path: testInfo.outputPath('dashboard-1280.png'), fullPage: true });

	// Per quarter and per year, 1012 stays hidden, and so does the area it could be told from.
	for (const level of ['quarter', 'year']) {
		await page.getByLabel('Per', { exact: true }).selectOption(level);
		await page.getByRole('button', { name: 'Laat zien' }).click();
		await expect(countOf(page, '1011')).not.toHaveText('—');
		await expect(countOf(page, '1012')).toHaveText('—');
		await expect(countOf(page, '1013')).toHaveText('—');
	}

	// 5. The CSV: the same statement, the same figures, no count under 10 anywhere.
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Download als CSV' }).click()
	]);
	const csv = readFileSync((await download.path()) ?? '', 'utf8');
	const rows = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
	expect(rows.map((r) => r[0]).join('\n')).toContain('Het zijn geen metingen.');
	expect(rows.map((r) => r[0]).join('\n')).toContain('Groepen van minder dan 10 mensen');
	const figures = rows.filter((r) => r.length > 3 && r[0] !== 'Periode');
	expect(figures.find((r) => r[0] === String(year) && r[1] === '1011')?.[2]).toBe('264');
	expect(figures.filter((r) => r[1] === '1012').map((r) => r[2])).toEqual(['—']);
	for (const r of figures) if (r[2] !== '—') expect(Number(r[2])).toBeGreaterThanOrEqual(10);

	// 6. Right to left, and the other groupings, with axe.
	await page.goto(`${base}/dashboard?lang=ar&grouping=team&level=month&period=${month(10)}`);
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.getByRole('heading', { name: 'صورة الحي', exact: true })).toBeVisible();
	await expectNoAxeViolations(page, 'dashboard in Arabic, per team');
	await page.goto(`${base}/dashboard?grouping=context&level=month&period=${month(10)}`);
	await expect(countOf(page, 'Alleen ingevuld')).toHaveText('10');
	await expectNoAxeViolations(page, 'dashboard, per context');

	// Signing out ends it: the dashboard asks for the key again.
	await page.getByRole('button', { name: 'Uitloggen' }).click();
	await expect(page.getByText('Je bent uitgelogd.')).toBeVisible();
	await page.goto(`${base}/dashboard`);
	await expect(page).toHaveURL(/\/dashboard\/sign-in$/);
});
