// Consented sync from end to end, on the phone: say yes, finish a web offline, come back online,
// and the server holds its summary once; withdraw offline, reload, come back online, and it is
// gone. The test runs a server of its own on a data folder it keeps, and stops it to read the
// embedded database (one process at a time), as the server tests do: no test-only endpoint.
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite } from '../../src/lib/server/db/pglite';
import { startAppServer, type AppServer } from './support/app-server';
import { expectNoAxeViolations } from './support/axe';
import { SYNC_TEST_PORT } from './support/ports';
import { waitForServiceWorkerControl } from './support/service-worker';
import { expectedScoreText, fillWholeWeb, startNewWeb, variedPlan } from './support/web';

const HOST = 'Gemeente Voorbeeld';
const ORIGIN = `http://127.0.0.1:${SYNC_TEST_PORT}`;
const COLUMNS = ['lichaamsfuncties', 'mentaal', 'zingeving', 'kwaliteit', 'meedoen', 'dagelijks'];

test.use({ baseURL: ORIGIN });

let dataDir = '';
let server: AppServer | undefined;

function start(): Promise<AppServer> {
	return startAppServer('build', SYNC_TEST_PORT, {
		dataDir,
		env: { SPINNENWEB_HOST_NAME: HOST, DATABASE_URL: '' }
	});
}

test.beforeEach(async () => {
	dataDir = mkdtempSync(join(tmpdir(), 'spinnenweb-e2e-sync-'));
	server = await start();
});

test.afterEach(async () => {
	await server?.stop();
	server = undefined;
	rmSync(dataDir, { recursive: true, force: true });
});

interface StoredRow {
	day: string;
	focus: string | null;
	context: string;
	area: string | null;
	age_band: string | null;
	[score: `score_${string}`]: string | null;
}

/** What the server stored: read from its database while it is stopped, then it starts again. */
async function storedSummaries(): Promise<StoredRow[]> {
	await server?.stop();
	server = undefined;
	// The server made the schema; the folder's lock keeps the two of us apart.
	const db = await openPglite(dataDir);
	try {
		const scores = COLUMNS.map((c) => `score_${c}::text AS score_${c}`).join(', ');
		const { rows } = await db.query<StoredRow>(
			`SELECT day::text AS day, focus, context, area, age_band, ${scores} FROM summaries`
		);
		return rows;
	} finally {
		await db.close();
		server = await start();
	}
}

function today(): string {
	const now = new Date();
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

async function openConsentFromSettings(page: Page): Promise<void> {
	// In-app links, not page.goto: leaving the result screen is what marks the summary ready.
	await page.getByRole('navigation').getByRole('link', { name: 'Instellingen' }).click();
	await page.getByRole('link', { name: 'Lees meer over anoniem delen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Anoniem delen' })).toBeVisible();
}

test('a web finished offline reaches the server once after consent, and withdrawing removes it', async ({
	page,
	context
}) => {
	test.slow(); // a whole web, and the server stopped and started twice
	const plan = variedPlan(4);

	await page.goto('/');
	await waitForServiceWorkerControl(page);
	await page.goto('/anoniem-delen');
	await expect(page.getByText('Delen staat uit.')).toBeVisible();
	await expect(page.getByText(`De samenvattingen gaan naar ${HOST}.`)).toBeVisible();
	await expect(page.getByText('Je hebt nog geen spinnenweb afgemaakt.')).toBeVisible();
	await expectNoAxeViolations(page, 'the consent screen, sharing off');

	// 1. Consent on, with an area and an age band.
	await page.getByLabel('De 4 cijfers van je postcode').fill('35a1');
	await page.getByRole('button', { name: 'Ja, deel mijn samenvattingen' }).click();
	await expect(page.getByText('Vul 4 cijfers in, zonder letters. Of laat het leeg.')).toBeVisible();
	await expect(page.getByText('Delen staat uit.')).toBeVisible();
	await page.getByLabel('De 4 cijfers van je postcode').fill('3581');
	await page.getByLabel('Je leeftijd').selectOption({ label: '65 tot en met 79 jaar' });
	await page.getByRole('button', { name: 'Ja, deel mijn samenvattingen' }).click();
	await expect(page.getByText(/^Delen staat aan sinds/)).toBeVisible();

	// 2. A whole web, finished offline.
	await context.setOffline(true);
	await startNewWeb(page);
	await fillWholeWeb(page, plan, 'pointer');
	await openConsentFromSettings(page);
	await expect(page.getByText('Nog te versturen: 1.')).toBeVisible();
	// The screen shows what will be sent: the web's own numbers, the area and the age band.
	const preview = page.getByRole('definition');
	await expect(preview.filter({ hasText: expectedScoreText(plan[0]!) }).first()).toBeVisible();
	await expect(preview.filter({ hasText: '3581' })).toBeVisible();
	await expectNoAxeViolations(page, 'the consent screen, sharing on, one summary waiting');

	// 3. Online: it is sent, and the server holds it once, with exactly what the screen showed.
	await context.setOffline(false);
	await expect(page.getByText('Alles is verstuurd.')).toBeVisible();
	const stored = await storedSummaries();
	expect(stored).toEqual([
		{
			day: today(),
			focus: null,
			context: 'self',
			area: '3581',
			age_band: '65-79',
			...Object.fromEntries(
				COLUMNS.map((c, d) => [`score_${c}`, expectedScoreText(plan[d]!).replace(',', '.')])
			)
		}
	]);
	// Another start of the app sends nothing again.
	await page.reload();
	await expect(page.getByText('Alles is verstuurd.')).toBeVisible();
	expect(await storedSummaries()).toHaveLength(1);

	// 4. Withdraw while offline: it waits, through a reload, and happens once back online.
	await context.setOffline(true);
	await page.getByRole('button', { name: 'Stop met delen en wis alles op de server' }).click();
	const pending = page.getByText('Zodra je telefoon weer online is, wissen we je samenvattingen');
	await expect(pending).toBeVisible();
	await page.reload();
	await expect(pending).toBeVisible();
	await context.setOffline(false);
	await expect(page.getByText('De server heeft je samenvattingen gewist.')).toBeVisible();
	await expectNoAxeViolations(page, 'the consent screen, withdrawn');
	expect(await storedSummaries()).toEqual([]);
});
