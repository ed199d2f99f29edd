// The lock on a team's tablet: hand-over mode's way back asks the passcode once a lock is set (a
// wrong one keeps the person's screen and nothing else), and the tablet locks itself when it
// stands unused, hiding the conversation until the passcode is typed again.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { addPerson } from './support/gesprek';
import {
	expectLockOn,
	lockHeading,
	lockPanel,
	PASSCODE,
	setPasscode,
	unlock
} from './support/lock';

const PERSON = 'Wendelien Okkerse';
/** Someone else on the same tablet: never on the screen while the tablet is handed over. */
const OTHER = 'Barnabas Quispelaar';
const SHOTS = '/work/shots/handback';

const conversationHeading = (page: Page) =>
	page.getByRole('heading', { level: 1, name: `Gesprek met ${PERSON}` });
const welcomeHeading = (page: Page) =>
	page.getByRole('heading', { level: 1, name: 'Dit is jouw spinnenweb' });

/** Two people, and a conversation with the first; ends on that conversation's screen. */
async function personWithConversation(page: Page): Promise<void> {
	await page.goto('/gesprekken');
	await addPerson(page, OTHER);
	await page.goto('/gesprekken');
	await addPerson(page, PERSON);
	await page.getByRole('button', { name: 'Begin een nieuw gesprek' }).click();
	await expect(conversationHeading(page)).toBeVisible();
}

/** A passcode set on the settings screen, with the idle time chosen. */
async function lockWithPasscode(page: Page, idleMinutes?: '2' | '5' | '15'): Promise<void> {
	await page.goto('/instellingen');
	await setPasscode(page, PASSCODE);
	await expectLockOn(page);
	if (idleMinutes) {
		const minutes = lockPanel(page).getByLabel('Vanzelf op slot na');
		await expect(minutes).toHaveValue('5', { timeout: 20_000 });
		await minutes.selectOption(idleMinutes);
	}
}

/** With HANDBACK_SHOTS set: the page on the tablet on its side and upright. */
async function shoot(page: Page, name: string): Promise<void> {
	if (!process.env.HANDBACK_SHOTS) return;
	for (const [width, height] of [
		[1180, 820],
		[820, 1180]
	] as const) {
		await page.setViewportSize({ width, height });
		await page.screenshot({ path: `${SHOTS}/${name}-${width}x${height}.png`, fullPage: true });
	}
	await page.setViewportSize({ width: 1180, height: 820 });
}

test('hand-over’s way back asks the passcode: a wrong one keeps the person’s screen, the right one returns', async ({
	page
}) => {
	await personWithConversation(page);
	const conversationUrl = page.url();
	await lockWithPasscode(page);

	// After a reload the app is locked: unlocked once, the professional opens the conversation.
	await page.goto(conversationUrl);
	await unlock(page, PASSCODE);
	await expect(conversationHeading(page)).toBeVisible({ timeout: 20_000 });

	await page.getByRole('button', { name: `Geef de tablet aan ${PERSON}` }).click();
	const dialog = page.getByRole('dialog', { name: `De tablet aan ${PERSON} geven` });
	// The dialog tells the professional how to get back: the passcode, not a long press.
	await expect(dialog).toContainText('typ de code van het slot');
	await expect(dialog).not.toContainText('ingedrukt');
	await dialog.getByRole('button', { name: 'Geef de tablet', exact: true }).click();

	await expect(welcomeHeading(page)).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('data-hand-over', '');
	const code = page.getByLabel('Code om terug te gaan');
	const back = page.getByRole('button', { name: 'Terug naar het gesprek' });
	await expect(code).toBeVisible();
	// No long press to hold: with a lock set the passcode is the only way back.
	await expect(page.getByText('houd de knop 2 tellen ingedrukt')).toHaveCount(0);
	await expectNoAxeViolations(page, 'hand-over, way back by passcode');
	await shoot(page, 'way-back');

	await code.fill('niet de goede code');
	await back.click();
	await expect(page.getByRole('status').filter({ hasText: 'Deze code klopt niet.' })).toBeVisible();
	await expect(welcomeHeading(page)).toBeVisible();
	await expect(conversationHeading(page)).toHaveCount(0);
	await expect(page.locator('html')).toHaveAttribute('data-hand-over', '');
	await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeHidden();
	const html = await page.content();
	expect(html).not.toContain(OTHER);
	expect(html).not.toContain('Gesprek met');
	await expect(code).toHaveValue('');
	await expectNoAxeViolations(page, 'hand-over, wrong passcode');
	await shoot(page, 'way-back-wrong');

	// The wrong try ended nothing: the right passcode still opens the way back.
	await code.fill(PASSCODE);
	await back.click();
	await expect(conversationHeading(page)).toBeVisible({ timeout: 20_000 });
	await expect(page.locator('html')).not.toHaveAttribute('data-hand-over');
	await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible();
	await expect(lockHeading(page)).toHaveCount(0);
});

test('the tablet locks itself when unused: the lock screen hides the conversation until unlocked, also while handed over', async ({
	page
}) => {
	await page.clock.install();
	await personWithConversation(page);
	const conversationUrl = page.url();
	await lockWithPasscode(page, '2');

	await page.goto(conversationUrl);
	await unlock(page, PASSCODE);
	await expect(conversationHeading(page)).toBeVisible({ timeout: 20_000 });

	// Typing resets the idle time: 1:50, a key, 1:50 again is still open.
	await page.clock.fastForward('01:50');
	await expect(conversationHeading(page)).toBeVisible();
	await page.keyboard.press('Shift');
	await page.clock.fastForward('01:50');
	await expect(conversationHeading(page)).toBeVisible();

	await page.clock.fastForward('00:15');
	await expect(lockHeading(page)).toBeVisible();
	await expect(conversationHeading(page)).toHaveCount(0);
	const main = await page.locator('main').innerHTML();
	expect(main).not.toContain(PERSON);
	expect(main).not.toContain(OTHER);
	await expect(page).toHaveURL(conversationUrl);
	await expectNoAxeViolations(page, 'tablet, locked after idle time');

	await unlock(page, 'niet de goede code');
	await expect(page.getByText('Deze code klopt niet.')).toBeVisible();
	await expect(conversationHeading(page)).toHaveCount(0);

	await unlock(page, PASSCODE);
	await expect(conversationHeading(page)).toBeVisible({ timeout: 20_000 });
	await expect(lockHeading(page)).toHaveCount(0);

	// Handed over and left unused: unlocking returns to the person's screen, not the professional's.
	await page.getByRole('button', { name: `Geef de tablet aan ${PERSON}` }).click();
	await page.getByRole('button', { name: 'Geef de tablet', exact: true }).click();
	await expect(welcomeHeading(page)).toBeVisible();
	await page.clock.fastForward('02:05');
	await expect(lockHeading(page)).toBeVisible();
	await expect(welcomeHeading(page)).toHaveCount(0);
	await unlock(page, PASSCODE);
	await expect(welcomeHeading(page)).toBeVisible({ timeout: 20_000 });
	await expect(conversationHeading(page)).toHaveCount(0);
	await expect(page.getByLabel('Code om terug te gaan')).toBeVisible();
});
