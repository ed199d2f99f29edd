// WCAG 2.1 AA across the app: axe-core on every page and state (light and dark), error messages
// announced, focus always visible by keyboard, 200 % text and 320 px without sideways scrolling,
// and reduced motion respected. Languages and right to left: languages.spec.ts; simple mode:
// simple-mode.spec.ts.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { expectFits } from './support/fits';
import {
	expectVisibleFocus,
	scoreFirstDimensionByKeyboard,
	startWebInAnyLanguage,
	useDeviceChoices
} from './support/locales';

/** Two webs with some answers; returns their ids, the newest first. */
async function twoWebs(page: Page): Promise<[string, string]> {
	const earlier = await startWebInAnyLanguage(page);
	await scoreFirstDimensionByKeyboard(page);
	await page.getByRole('button', { name: 'Volgende' }).click();
	const later = await startWebInAnyLanguage(page);
	await page.getByRole('slider').first().focus();
	await page.keyboard.press('7');
	await expect(page.getByText('Opgeslagen', { exact: true })).toBeVisible();
	return [later, earlier];
}

/** Writes a damaged web straight into the app's IndexedDB, as a bug or a broken disk might. */
async function storeDamagedWeb(page: Page, id: string): Promise<void> {
	await page.evaluate(
		(damagedId) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('spinnenweb');
				open.onerror = () => reject(new Error('cannot open the database'));
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction('webs', 'readwrite');
					tx.objectStore('webs').put({ id: damagedId, answers: { 'mentaal.vrolijk': 42 } });
					tx.oncomplete = () => {
						db.close();
						resolve();
					};
					tx.onerror = () => reject(new Error('cannot write'));
				};
			}),
		id
	);
}

for (const colorScheme of ['light', 'dark'] as const) {
	test.describe(`${colorScheme} theme`, () => {
		test.use({ colorScheme });

		test(`every page and state has no axe violations (${colorScheme})`, async ({ page }) => {
			test.setTimeout(120_000);
			await page.goto('/');
			await expectNoAxeViolations(page, `start, empty (${colorScheme})`);
			await page.goto('/geschiedenis');
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await expectNoAxeViolations(page, `history, empty (${colorScheme})`);

			const [later, earlier] = await twoWebs(page);
			await expectNoAxeViolations(page, `question screen (${colorScheme})`);
			await page.goto('/');
			await expect(page.getByRole('link', { name: 'Verder waar je was' })).toBeVisible();
			await expectNoAxeViolations(page, `start with a web to resume (${colorScheme})`);

			await page.goto(`/resultaat?web=${later}`);
			await expect(page.getByRole('table')).toBeVisible();
			await expectNoAxeViolations(page, `result (${colorScheme})`);
			await page.goto(`/resultaat?web=${later}&met=${earlier}`);
			await expect(page.getByRole('list', { name: 'Legenda' })).toBeVisible();
			await expectNoAxeViolations(page, `comparison (${colorScheme})`);

			for (const step of [1, 2, 3]) {
				await page.goto(`/reflectie?web=${later}&stap=${step}`);
				await expect(page.getByText(`Stap ${step} van 3`)).toBeVisible();
				await expectNoAxeViolations(page, `reflection step ${step} (${colorScheme})`);
			}
			await page.goto(`/delen?web=${later}`);
			await expect(page.getByRole('heading', { level: 1, name: 'Je web delen' })).toBeVisible();
			await expectNoAxeViolations(page, `share screen (${colorScheme})`);

			await page.goto('/geschiedenis');
			await expect(
				page.getByRole('list', { name: 'Al je webs' }).getByRole('listitem')
			).toHaveCount(2);
			await expectNoAxeViolations(page, `history (${colorScheme})`);
			await page.goto('/instellingen');
			await expect(page.getByRole('switch', { name: 'Eenvoudig invullen' })).toBeVisible();
			await expectNoAxeViolations(page, `settings (${colorScheme})`);
			await page.goto('/toegankelijkheid');
			await expect(page.getByRole('heading', { level: 1, name: 'Toegankelijkheid' })).toBeVisible();
			await expectNoAxeViolations(page, `accessibility statement (${colorScheme})`);

			await page.goto('/invullen?web=00000000-0000-4000-8000-000000000000');
			await expect(page.getByRole('alert')).toContainText('Deze spinnenweb is er niet (meer).');
			await expectNoAxeViolations(page, `missing web message (${colorScheme})`);
		});
	});
}

test('the accessibility statement is linked from every page and says what was tested and how to report', async ({
	page
}) => {
	await page.goto('/geschiedenis');
	await page.getByRole('contentinfo').getByRole('link', { name: 'Toegankelijkheid' }).click();
	await expect(page).toHaveURL(/\/toegankelijkheid$/);
	const main = page.getByRole('main');
	await expect(main.getByRole('heading', { level: 2 })).toHaveText([
		'Wat we testen',
		'Hulp bij het invullen',
		'Wat nog niet goed is',
		'Een probleem melden'
	]);
	for (const words of [
		'axe-core',
		'toetsenbord',
		'200 %',
		'320 pixels',
		'schermlezer',
		'contrast'
	]) {
		await expect(main).toContainText(words);
	}
});

test.describe('errors are announced', () => {
	test('a damaged web: the message is an alert, and nothing is changed', async ({ page }) => {
		await startWebInAnyLanguage(page);
		const id = '0badc0de-0000-4000-8000-000000000001';
		await storeDamagedWeb(page, id);
		await page.goto(`/resultaat?web=${id}`);
		const alert = page.getByRole('alert').filter({ hasText: 'kunnen we niet lezen' });
		await expect(alert).toBeVisible();
		await expect(alert).toContainText('We hebben niets veranderd.');
		await expectNoAxeViolations(page, 'damaged web message');
	});

	test('a save that fails (storage full): the message appears in a live region that was already there', async ({
		page
	}) => {
		await startWebInAnyLanguage(page);
		// The live region exists before anything goes wrong, so a screen reader announces its change.
		const region = page.locator('main [role="alert"]').first();
		await expect(region).toBeAttached();
		await expect(region).toBeEmpty();

		// From now on the device is full: every write to IndexedDB fails as a full disk does.
		await page.evaluate(() => {
			const fail = () => {
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			};
			IDBObjectStore.prototype.put = fail;
			IDBObjectStore.prototype.add = fail;
		});
		await page.getByRole('slider').first().focus();
		await page.keyboard.press('6');
		await expect(region).toContainText('Je telefoon heeft geen ruimte meer');
		await expectNoAxeViolations(page, 'save problem message');
	});
});

/** Tabs through the page, checking each stop has a visible outline; returns how many stops. */
async function tabThrough(page: Page, where: string, stops: number): Promise<string[]> {
	const seen: string[] = [];
	for (let i = 0; i < stops; i++) {
		await page.keyboard.press('Tab');
		const name = await page.evaluate(() => {
			const el = document.activeElement;
			return el && el !== document.body
				? `${el.tagName.toLowerCase()} ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}`
				: '';
		});
		if (name === '') break;
		seen.push(name);
		await expectVisibleFocus(page, `${where}, stop ${i + 1} (${name})`);
	}
	return seen;
}

test('by keyboard, every focus stop shows a clear outline: start, question screen, result', async ({
	page
}) => {
	await page.goto('/');
	// The pages are drawn in the browser: wait for it before the first Tab.
	await expect(page.getByRole('button', { name: 'Begin een nieuwe spinnenweb' })).toBeEnabled();
	const startStops = await tabThrough(page, 'start page', 12);
	expect(startStops[0]).toMatch(/Naar de inhoud/);
	expect(startStops.some((s) => s.includes('Begin een nieuwe spinnenweb'))).toBe(true);

	const webId = await startWebInAnyLanguage(page);
	await expect(page.getByRole('slider').first()).toBeVisible();
	await tabThrough(page, 'question screen', 12);
	await page.goto(`/resultaat?web=${webId}`);
	await expect(page.getByRole('table')).toBeVisible();
	await tabThrough(page, 'result', 10);
});

test.describe('with reduced motion', () => {
	test.use({ reducedMotion: 'reduce' });

	test('nothing moves: no smooth scrolling, no sliding switch', async ({ page }) => {
		await page.goto('/');
		await expect(page.locator('html')).toHaveCSS('scroll-behavior', 'auto');
		await expect(page.locator('.switch .knob')).toHaveCSS('transition-duration', '0s');
	});
});

test('without a wish for less motion, the small transitions are there', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('html')).toHaveCSS('scroll-behavior', 'smooth');
	await expect(page.locator('.switch .knob')).not.toHaveCSS('transition-duration', '0s');
});

/** Every page the inwoner sees, normal and simple mode, checked with `check` after it shows. */
async function visitAllPages(page: Page, check: (where: string) => Promise<void>): Promise<void> {
	await page.goto('/');
	await check('start');
	const webId = await startWebInAnyLanguage(page);
	await scoreFirstDimensionByKeyboard(page);
	await check('question screen');
	await page.goto(`/resultaat?web=${webId}`);
	await expect(page.getByRole('table')).toBeVisible();
	await check('result');
	for (const step of [1, 2, 3]) {
		await page.goto(`/reflectie?web=${webId}&stap=${step}`);
		await expect(page.getByRole('textbox').first()).toBeVisible();
		await check(`reflection step ${step}`);
	}
	await page.goto(`/delen?web=${webId}`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await check('share screen');
	await page.goto('/geschiedenis');
	await expect(page.getByRole('list', { name: 'Al je webs' }).getByRole('listitem')).toHaveCount(1);
	await check('history');
	await page.goto('/instellingen');
	await check('settings');
	await page.goto('/toegankelijkheid');
	await check('accessibility statement');

	await page.evaluate(() => localStorage.setItem('spinnenweb-simple-mode', 'on'));
	await page.goto(`/invullen?web=${webId}&deel=2`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await check('simple mode, part screen');
	await page.goto(`/invullen?web=${webId}&deel=2&vraag=3`);
	await expect(page.getByRole('radiogroup')).toBeVisible();
	await check('simple mode, question');
}

/**
 * Two webs side by side in the table: three columns in the width of a phone. Narrow or with large
 * text the table lays each name above its numbers; it must still be a table to a screen reader.
 */
async function checkComparison(page: Page, check: (where: string) => Promise<void>): Promise<void> {
	await page.goto('/');
	const [later, earlier] = await twoWebs(page);
	await page.goto(`/resultaat?web=${later}&met=${earlier}`);
	await expect(page.getByRole('list', { name: 'Legenda' })).toBeVisible();
	const table = page.getByRole('table');
	await expect(table.getByRole('rowheader')).toHaveCount(6);
	await expect(table.getByRole('columnheader')).toHaveCount(3);
	await expect(table.getByRole('cell')).toHaveCount(12);
	await expect(table.getByRole('row', { name: /Lichaamsfuncties/ })).toContainText('7,0');
	await check('comparison');
}

test.describe('at 200 % text', () => {
	// Text zoom as a phone's own text-size setting does it: the root font size doubles (the app's
	// base is 112.5 %, so 225 %), and everything sized in rem/em grows while the screen stays
	// 390 px wide. Stricter than browser zoom, which also shrinks the CSS viewport; that case is
	// the 320 px one below (1280 px at 400 %).
	test.beforeEach(async ({ page }) => {
		await page.addInitScript(() => {
			document.addEventListener('DOMContentLoaded', () => {
				const style = document.createElement('style');
				style.textContent = 'html { font-size: 225% !important; }';
				document.head.append(style);
			});
		});
	});

	test('every page fits the phone without sideways scrolling or text sticking out', async ({
		page
	}) => {
		await page.goto('/');
		expect(
			await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))
		).toBe(36);
		await visitAllPages(page, (where) =>
			expectFits(page, `${where} at 200 %`, `zoom-${where.replace(/\W+/g, '-')}`)
		);
	});

	test('two webs compared still fit, and the table is still a table', async ({ page }) => {
		await checkComparison(page, (where) =>
			expectFits(page, `${where} at 200 %`, 'zoom-comparison')
		);
	});
});

test.describe('at 320 px wide', () => {
	test.use({ viewport: { width: 320, height: 640 } });

	test('every page fits without sideways scrolling or text sticking out', async ({ page }) => {
		await visitAllPages(page, (where) =>
			expectFits(page, `${where} at 320 px`, `w320-${where.replace(/\W+/g, '-')}`)
		);
	});

	test('two webs compared fit as well, each name in one piece', async ({ page }) => {
		await checkComparison(page, async (where) => {
			await expectFits(page, `${where} at 320 px`, 'w320-comparison');
			const name = page
				.getByRole('rowheader', { name: 'Lichaamsfuncties' })
				.getByText('Lichaamsfuncties');
			const lines = await name.evaluate((el) => {
				const text = document.createRange();
				text.selectNodeContents(el.firstChild!);
				return text.getClientRects().length;
			});
			expect(lines, 'lines of "Lichaamsfuncties"').toBe(1);
		});
	});

	test('also in Arabic, right to left', async ({ page }) => {
		await useDeviceChoices(page, { locale: 'ar' });
		await page.goto('/');
		await expectFits(page, 'start in Arabic at 320 px', 'w320-ar-start');
		const webId = await startWebInAnyLanguage(page);
		await scoreFirstDimensionByKeyboard(page);
		await expectFits(page, 'question screen in Arabic at 320 px', 'w320-ar-question');
		await page.goto(`/resultaat?web=${webId}`);
		await expect(page.getByRole('table')).toBeVisible();
		await expectFits(page, 'result in Arabic at 320 px', 'w320-ar-result');
		await page.goto(`/reflectie?web=${webId}&stap=2`);
		await expect(page.getByRole('textbox').first()).toBeVisible();
		await expectFits(page, 'reflection in Arabic at 320 px', 'w320-ar-reflection');
	});
});
