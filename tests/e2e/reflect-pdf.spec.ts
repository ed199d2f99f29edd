import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import {
	DIMENSIONS,
	expectedScoreText,
	fillWholeWeb,
	startNewWeb,
	variedPlan
} from './support/web';

// Each test fills in a whole web by keyboard first (≈ 10 s alone); on a shared, busy machine that
// can take three times as long.
test.describe.configure({ timeout: 60_000 });

const NOTICED = 'Mijn web is bij meedoen kleiner dan ik dacht';
const ENERGY = 'Fietsen naar de bieb en koffie met Eline';
const WISH = 'Vaker iets samen doen';
const STEP = 'Volgende week één keer naar het koffie-uurtje in het buurthuis';
const HELP = 'Mijn buurvrouw Iĳsbrand';

/** A finished web with "Slapen" flagged to talk about; ends on the result page. */
async function finishedWeb(page: Page, seed = 0) {
	const plan = variedPlan(seed);
	await startNewWeb(page);
	await page.getByRole('button', { name: 'Hier wil ik over praten' }).nth(3).click();
	await fillWholeWeb(page, plan, 'keyboard');
	return plan;
}

/** The local calendar day, `YYYY-MM-DD`, `days` from now. */
function dayFromNow(days: number): string {
	const date = new Date(Date.now() + days * 86_400_000);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

async function expectSaved(page: Page) {
	await expect(page.getByText('Opgeslagen', { exact: true })).toBeVisible();
}

test('a resident reflects in three steps, every answer kept across a reload', async ({ page }) => {
	await finishedWeb(page);
	await page.getByRole('link', { name: 'Denk na over je web' }).click();

	// Overzicht
	await expect(page.getByText('Stap 1 van 3')).toBeVisible();
	await expect(page.getByRole('heading', { level: 1, name: 'Wat zie je?' })).toBeVisible();
	await expectNoAxeViolations(page, 'reflection step 1');
	await page.getByLabel('Wat valt je op als je naar je web kijkt?').pressSequentially(NOTICED);
	await page.getByLabel('Wat geeft je energie of plezier?').fill(ENERGY);
	await expectSaved(page);
	await page.reload();
	await expect(page.getByLabel('Wat valt je op als je naar je web kijkt?')).toHaveValue(NOTICED);
	await expect(page.getByLabel('Wat geeft je energie of plezier?')).toHaveValue(ENERGY);
	// Skipping a question is fine: "Wat is nu het belangrijkst" stays empty.
	await page.getByRole('button', { name: 'Volgende' }).click();

	// Inzicht: the person's own wish and focus; nothing is chosen for them.
	await expect(page.getByText('Stap 2 van 3')).toBeVisible();
	await expect(page.getByRole('radio', { name: 'Nu nog niets kiezen' })).toBeChecked();
	await page.getByLabel('Is er iets dat je graag anders wilt?').fill(WISH);
	await page.getByRole('radio', { name: 'Meedoen' }).check();
	await page.getByLabel('Gaat het om één vraag uit Meedoen?').selectOption({
		label: 'Steun van anderen'
	});
	await expectNoAxeViolations(page, 'reflection step 2');
	await page.getByRole('button', { name: 'Volgende' }).click();

	// Uitzicht
	await expect(page.getByText('Stap 3 van 3')).toBeVisible();
	await page.getByLabel('Wat is een eerste kleine stap?').fill(STEP);
	await page.getByLabel('Wie of wat kan je daarbij helpen?').fill(HELP);
	await page.getByLabel('Wanneer wil je kijken hoe het ging?').fill(dayFromNow(14));
	await expectSaved(page);
	await expectNoAxeViolations(page, 'reflection step 3');

	// Back keeps what was written.
	await page.getByRole('button', { name: 'Terug', exact: true }).click();
	await expect(page.getByLabel('Is er iets dat je graag anders wilt?')).toHaveValue(WISH);
	await expect(page.getByRole('radio', { name: 'Meedoen' })).toBeChecked();
	await page.getByRole('button', { name: 'Volgende' }).click();
	await page.getByRole('button', { name: 'Klaar, terug naar je web' }).click();

	// The result marks the focus in the chart and in words in the table, and shows the step.
	await expect(page.getByRole('heading', { level: 1, name: 'Jouw spinnenweb' })).toBeVisible();
	await expect(page.locator('svg[role="img"] [data-axis="meedoen"]')).toHaveClass(/focus/);
	await expect(page.getByRole('rowheader', { name: /Meedoen/ })).toContainText(
		'hier wil ik aandacht aan geven: Steun van anderen'
	);
	const summary = page.getByRole('region', { name: 'Je eerste stap' });
	await expect(summary).toContainText(STEP);
	await expect(summary).toContainText(HELP);
	await expect(page.getByRole('link', { name: 'Verder nadenken over je web' })).toBeVisible();
	await expectNoAxeViolations(page, 'result with a focus');
});

test('the PDF holds the web, the scores, the step and the talk-about list, not what was left out', async ({
	page
}, testInfo) => {
	const plan = await finishedWeb(page, 3);
	const resultUrl = page.url();
	await page.getByRole('link', { name: 'Denk na over je web' }).click();
	await page.getByLabel('Wat geeft je energie of plezier?').fill(ENERGY);
	await page.getByRole('button', { name: 'Volgende' }).click();
	await page.getByRole('radio', { name: 'Zingeving' }).check();
	await page.getByRole('button', { name: 'Volgende' }).click();
	await page.getByLabel('Wat is een eerste kleine stap?').fill(STEP);
	await page.getByLabel('Wie of wat kan je daarbij helpen?').fill(HELP);
	await expectSaved(page);

	await page.goto(resultUrl);
	await page.getByRole('link', { name: 'Maak een PDF om te delen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Je web delen' })).toBeVisible();
	const notes = page.getByRole('checkbox', { name: /Je antwoorden bij het nadenken/ });
	await expect(notes).toBeChecked();
	await expectNoAxeViolations(page, 'share screen');
	await notes.uncheck();

	// Headless Chromium cannot share files, so downloading is the one action.
	await expect(page.getByRole('button', { name: 'Delen' })).toHaveCount(0);
	const started = Date.now();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download' }).click()
	]);
	const ms = Date.now() - started;
	expect(download.suggestedFilename()).toBe(`spinnenweb-${dayFromNow(0)}.pdf`);
	const path = testInfo.outputPath(download.suggestedFilename());
	await download.saveAs(path);
	await expect(page.getByRole('status').filter({ hasText: 'De PDF is klaar' })).toBeVisible();
	console.log(
		`PDF from the share screen: ${statSync(path).size} bytes, ${ms} ms from click to file`
	);

	const text = execFileSync('/usr/bin/pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
	for (const name of DIMENSIONS) expect(text).toContain(name);
	for (const [d, name] of DIMENSIONS.entries()) {
		// Each row: the dimension's name, then its score ("6,3").
		expect(text).toMatch(new RegExp(`${name}\\s+${expectedScoreText(plan[d]!)}`));
	}
	expect(text).toContain('Mijn eerste kleine stap');
	expect(text).toContain(STEP);
	expect(text).toContain(HELP);
	expect(text).toContain('Om over te praten');
	expect(text).toContain('Slapen (Lichaamsfuncties)');
	expect(text).toContain('Hier wil ik aandacht aan geven');
	expect(text).toContain('geen medische meting');
	// Left out on purpose.
	expect(text).not.toContain(ENERGY);
	expect(text).not.toContain('Wat geeft je energie');
});

test('the start page loads no PDF code; the share screen loads it on the click', async ({
	page
}) => {
	// Kept in the order the responses arrive; a body is read later, so none is missed by a check
	// that runs before its text has come in.
	const scripts: { url: string; body: Promise<string> }[] = [];
	page.on('response', (response) => {
		if (response.request().resourceType() !== 'script') return;
		scripts.push({ url: response.url(), body: response.text().catch(() => '') });
	});
	const anyHolds = async (list: typeof scripts, words: string) =>
		(await Promise.all(list.map((s) => s.body))).some((body) => body.includes(words));
	await page.goto('/');
	await expect(page.getByRole('button', { name: 'Begin een nieuwe spinnenweb' })).toBeEnabled();
	await page.waitForLoadState('networkidle');
	const onStart = scripts.map((s) => s.url);
	expect(onStart.length).toBeGreaterThan(0);
	for (const { url, body } of scripts) {
		expect(await body, url).not.toContain('jsPDF');
	}

	await page.getByRole('button', { name: 'Begin een nieuwe spinnenweb' }).click();
	await fillWholeWeb(page, variedPlan(1), 'keyboard');
	await page.getByRole('link', { name: 'Maak een PDF om te delen' }).click();
	await expect(page.getByRole('button', { name: 'Download' })).toBeVisible();
	await page.waitForLoadState('networkidle');
	const beforeClick = scripts.length;
	expect(await anyHolds(scripts, 'jsPDF')).toBe(false);

	const fonts: string[] = [];
	page.on('request', (request) => {
		if (request.url().endsWith('.ttf')) fonts.push(request.url());
	});
	await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download' }).click()
	]);
	const loadedOnClick = scripts.slice(beforeClick);
	expect(await anyHolds(loadedOnClick, 'jsPDF')).toBe(true);
	expect(loadedOnClick.every((s) => !onStart.includes(s.url))).toBe(true);
	expect(fonts).toHaveLength(2);
});

test('the start page asks how the step went once its day has come', async ({ page }) => {
	await finishedWeb(page, 2);
	await page.getByRole('link', { name: 'Denk na over je web' }).click();
	await page.getByRole('button', { name: 'Volgende' }).click();
	await page.getByRole('button', { name: 'Volgende' }).click();
	await page.getByLabel('Wat is een eerste kleine stap?').fill(STEP);
	await page.getByLabel('Wanneer wil je kijken hoe het ging?').fill(dayFromNow(7));
	await expectSaved(page);

	// Before the day: no reminder.
	await page.goto('/');
	await expect(page.getByRole('button', { name: 'Begin een nieuwe spinnenweb' })).toBeEnabled();
	await expect(page.getByRole('heading', { name: 'Hoe ging het met je stap?' })).toHaveCount(0);

	// Eight days later.
	await page.clock.setFixedTime(new Date(Date.now() + 8 * 86_400_000));
	await page.reload();
	const reminder = page.getByRole('region', { name: 'Hoe ging het met je stap?' });
	await expect(reminder).toBeVisible();
	await expect(reminder).toContainText(STEP);
	await expectNoAxeViolations(page, 'start page with a reminder');

	// It offers the earlier web; put away, it stays away.
	await expect(reminder.getByRole('link', { name: 'Bekijk je vorige web' })).toBeVisible();
	await reminder.getByRole('button', { name: 'Niet meer laten zien' }).click();
	await expect(reminder).toHaveCount(0);
	await page.reload();
	await expect(page.getByRole('button', { name: 'Begin een nieuwe spinnenweb' })).toBeEnabled();
	await expect(page.getByRole('region', { name: 'Hoe ging het met je stap?' })).toHaveCount(0);
});

test('on a phone that can share files, "Delen" hands the PDF to the share sheet', async ({
	page
}) => {
	// Headless Chromium has no share sheet: stand in for the Web Share API as a phone offers it.
	await page.addInitScript(() => {
		const shared: { name: string; type: string; size: number }[] = [];
		(window as unknown as { shared: typeof shared }).shared = shared;
		Object.defineProperty(navigator, 'canShare', {
			configurable: true,
			value: (data?: ShareData) => (data?.files?.length ?? 0) > 0
		});
		Object.defineProperty(navigator, 'share', {
			configurable: true,
			value: async (data: ShareData) => {
				for (const f of data.files ?? []) shared.push({ name: f.name, type: f.type, size: f.size });
			}
		});
	});
	await finishedWeb(page, 4);
	await page.getByRole('link', { name: 'Maak een PDF om te delen' }).click();
	const share = page.getByRole('button', { name: 'Delen' });
	await expect(share).toHaveClass(/primary/);
	await expect(page.getByRole('button', { name: 'Download' })).not.toHaveClass(/primary/);
	await share.click();
	await expect(page.getByRole('status').filter({ hasText: 'De PDF is klaar' })).toBeVisible();
	const shared = await page.evaluate(
		() => (window as unknown as { shared: { name: string; type: string; size: number }[] }).shared
	);
	expect(shared).toEqual([
		{ name: `spinnenweb-${dayFromNow(0)}.pdf`, type: 'application/pdf', size: expect.any(Number) }
	]);
	expect(shared[0]!.size).toBeGreaterThan(5_000);
});
