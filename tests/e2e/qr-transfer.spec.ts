import { chromium, expect, test, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { findChromium } from '../../scripts/find-chromium.js';
import { expectNoAxeViolations } from './support/axe';
import {
	expectedScoreText,
	fillDimension,
	readScoreTable,
	startNewWeb,
	variedPlan
} from './support/web';

// The tablet is a browser of its own: its camera is a file (Chromium's fake capture device plays
// an MJPEG file, JPEG frames one after another), so it needs launch arguments of its own.
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--use-fake-device-for-media-stream',
	'--use-fake-ui-for-media-stream'
];

/** What the phone shows, as the tablet's camera sees it: the QR code, frame after frame. */
async function filmPhone(phone: Page, mjpeg: string): Promise<void> {
	const frame = await phone
		.getByRole('img', { name: 'QR-code met je web' })
		.screenshot({ type: 'jpeg', quality: 90 });
	writeFileSync(mjpeg, Buffer.concat(Array.from({ length: 10 }, () => frame)));
}

test('the tablet reads the web from the phone’s QR code with its camera, and only with its own code', async ({
	page
}, testInfo) => {
	const plan = variedPlan();
	await startNewWeb(page);
	await fillDimension(page, plan[0]!, 'keyboard');
	await expect(page.getByText('Opgeslagen', { exact: true })).toBeVisible();
	const webId = new URL(page.url()).searchParams.get('web')!;

	const mjpeg = testInfo.outputPath('camera.mjpeg');
	const tabletBrowser = await chromium.launch({
		executablePath: findChromium(),
		args: [...CHROMIUM_ARGS, `--use-file-for-fake-video-capture=${mjpeg}`]
	});
	try {
		const tabletContext = await tabletBrowser.newContext({
			viewport: { width: 1180, height: 820 },
			hasTouch: true,
			locale: 'nl-NL',
			baseURL: testInfo.project.use.baseURL,
			permissions: ['camera']
		});
		const tablet = await tabletContext.newPage();
		await tablet.goto('/qr-lezen');
		await expect(tablet.getByText('Typ deze code op de telefoon:')).toBeVisible();
		const shown = await tablet.getByText(/^\d{3} \d{3} \d{3} \d{3}$/).innerText();
		const code = shown.replace(/\s/g, '');
		await expectNoAxeViolations(tablet, 'tablet scanner');

		// The phone, from its web's result page.
		await page.goto(`/resultaat?web=${webId}`);
		await page.getByRole('link', { name: 'Laat je web zien als QR-code' }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: 'Laat je web zien als QR-code' })
		).toBeVisible();
		await expectNoAxeViolations(page, 'phone QR code entry');
		const input = page.getByLabel('Typ de code die op de tablet staat');

		// Too short: said on the phone at once.
		await input.fill('123 456');
		await page.getByRole('button', { name: 'Maak de QR-code' }).click();
		await expect(page.getByText('Deze code heeft niet 12 cijfers.')).toBeVisible();

		// A typo of one digit: the QR code is made, and the tablet says the code is another one.
		const typo = code.slice(0, 11) + String((Number(code[11]) + 1) % 10);
		await input.fill(typo);
		await page.getByRole('button', { name: 'Maak de QR-code' }).click();
		await expect(page.getByRole('img', { name: 'QR-code met je web' })).toBeVisible();
		await filmPhone(page, mjpeg);
		await tablet.getByRole('button', { name: 'Camera aanzetten' }).click();
		const status = tablet
			.getByRole('region', { name: 'Typ deze code op de telefoon:' })
			.getByRole('status');
		await expect(status).toHaveText(
			'Deze QR-code is gemaakt met een andere code. Typ op de telefoon de code die hier staat.',
			{ timeout: 30_000 }
		);
		await tablet.getByRole('button', { name: 'Camera uitzetten' }).click();

		// The right code.
		await page.getByRole('button', { name: 'Klaar, verberg de QR-code' }).click();
		await expect(page.getByRole('img', { name: 'QR-code met je web' })).toBeHidden();
		await input.fill(shown);
		await page.getByRole('button', { name: 'Maak de QR-code' }).click();
		await expect(page.getByRole('img', { name: 'QR-code met je web' })).toBeVisible();
		await expectNoAxeViolations(page, 'phone QR code shown');
		await filmPhone(page, mjpeg);
		await tablet.getByRole('button', { name: 'Camera aanzetten' }).click();
		await expect(status).toHaveText('Gelukt. Het web is gelezen.', { timeout: 30_000 });

		// The tablet has the phone's numbers.
		await expect(tablet.getByRole('heading', { name: /^Gelezen: web van / })).toBeVisible();
		const table = await readScoreTable(tablet);
		expect(table['Lichaamsfuncties']).toEqual([expectedScoreText(plan[0]!)]);
		expect(table['Mentaal welbevinden']).toEqual(['niet ingevuld']);
		await expectNoAxeViolations(tablet, 'tablet after reading');
	} finally {
		await tabletBrowser.close();
	}
});

test('without a camera the scanner says so and offers a photo instead', async ({
	browser
}, testInfo) => {
	const context = await browser.newContext({ ...testInfo.project.use, locale: 'nl-NL' });
	// A browser that has no camera at all.
	await context.addInitScript(() => {
		Object.defineProperty(navigator, 'mediaDevices', { value: undefined });
	});
	const tablet = await context.newPage();
	await tablet.goto('/qr-lezen');
	await tablet.getByRole('button', { name: 'Camera aanzetten' }).click();
	await expect(tablet.getByRole('alert')).toHaveText(
		'Dit apparaat heeft geen camera die Spinnenweb kan gebruiken.'
	);
	await expect(tablet.getByText('Kies een foto van de QR-code')).toBeVisible();
	await expectNoAxeViolations(tablet, 'scanner without a camera');
	await context.close();
});
