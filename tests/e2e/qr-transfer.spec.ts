import { chromium, expect, test, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { findChromium } from '../../scripts/find-chromium.js';
import { expectNoAxeViolations } from './support/axe';
import { addPerson } from './support/gesprek';
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

/** The professional's tablet: a new conversation with a person, at its web step. */
async function openConversation(tablet: Page, pseudonym: string): Promise<void> {
	await tablet.goto('/gesprekken');
	await addPerson(tablet, pseudonym);
	await tablet.getByRole('button', { name: 'Begin een nieuw gesprek' }).click();
	await tablet.getByRole('button', { name: 'Web van de telefoon lezen' }).click();
}

// Two browsers and a camera decoding frames: slow on a busy machine.
test.describe.configure({ timeout: 180_000 });

test('in a conversation the tablet reads the person’s web from their phone’s QR code, and only with its own code', async ({
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
		await openConversation(tablet, 'Noor');
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
		// Once read, the conversation has the phone's web and the scanner makes way for it: its
		// numbers, and it is Noor's.
		await expect(tablet.getByText(/^Ingevuld: \d+ van 42 vragen$/)).toBeVisible({
			timeout: 30_000
		});
		await expect(status).toHaveCount(0);
		const table = await readScoreTable(tablet);
		expect(table['Lichaamsfuncties']).toEqual([expectedScoreText(plan[0]!)]);
		expect(table['Mentaal welbevinden']).toEqual(['niet ingevuld']);
		await expectNoAxeViolations(tablet, 'conversation after reading');
		await tablet.getByRole('link', { name: 'Noor', exact: true }).click();
		const webs = tablet.getByRole('region', { name: 'Webs over tijd' });
		await expect(webs.getByRole('link', { name: /^Gesprek van / })).toHaveCount(1);
	} finally {
		await tabletBrowser.close();
	}
});

for (const [why, cameraless, message] of [
	[
		'no camera',
		() => Object.defineProperty(navigator, 'mediaDevices', { value: undefined }),
		'Dit apparaat heeft geen camera die Spinnenweb kan gebruiken.'
	],
	[
		'the camera refused',
		() =>
			Object.defineProperty(navigator.mediaDevices, 'getUserMedia', {
				value: () => Promise.reject(new DOMException('refused', 'NotAllowedError'))
			}),
		'Spinnenweb mag de camera niet gebruiken. Dat kun je veranderen in de instellingen van je browser.'
	]
] as const) {
	test(`with ${why}, the conversation's scanner says so and offers the phone's file`, async ({
		browser
	}, testInfo) => {
		const context = await browser.newContext({
			...testInfo.project.use,
			viewport: { width: 1180, height: 820 },
			isMobile: false,
			locale: 'nl-NL'
		});
		await context.addInitScript(cameraless);
		const tablet = await context.newPage();
		await openConversation(tablet, 'Sam');
		await tablet.getByRole('button', { name: 'Camera aanzetten' }).click();
		await expect(tablet.getByRole('alert').filter({ hasText: 'camera' })).toHaveText(message);
		await expect(tablet.getByText('Kies een foto van de QR-code')).toBeVisible();
		// The file route is there, inside the scanner, and takes the phone's file.
		const file = tablet.getByLabel('Web van de telefoon overnemen');
		await expect(file).toHaveCount(1);
		await expectNoAxeViolations(tablet, `conversation scanner with ${why}`);
		await file.setInputFiles({
			name: 'spinnenweb-web-2026-03-03.json',
			mimeType: 'application/json',
			buffer: Buffer.from('{"format":"spinnenweb-web"')
		});
		await expect(tablet.getByRole('alert').filter({ hasText: 'Dit bestand' })).toContainText(
			'Er is niets veranderd op dit apparaat.'
		);
		await context.close();
	});
}
