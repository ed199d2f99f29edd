import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { lockHeading, lockPanel, PASSCODE, setPasscode, unlock } from './support/lock';
import { seedWebs, type SeedWeb } from './support/seed';

const NEW_PASSCODE = 'acht rode rivieren';
const WISH = 'Zwaluwstaart Qorvex wil weer zingen';
const PSEUDONYM = 'Plimsoll Vandertrekk';
const SHOTS = '/work/shots/lock';

function webs(count: number, wishEvery = 1): SeedWeb[] {
	return Array.from({ length: count }, (_, i) => ({
		id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
		createdAt: Date.UTC(2026, 0, 1 + i, 10, 0),
		score: (i % 9) + 1,
		wish: i % wishEvery === 0 ? `${WISH} ${i}` : undefined
	}));
}

/** A person on the professional side, stored as the app stores one without a lock. */
async function seedClient(page: Page): Promise<void> {
	await page.evaluate(async (pseudonym) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('spinnenweb');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const tx = db.transaction('clients', 'readwrite');
		tx.objectStore('clients').put({
			id: '11111111-2222-4333-8444-555555555555',
			pseudonym,
			createdAt: 1_767_000_000_000,
			updatedAt: 1_767_000_000_000,
			handOverLocale: null
		});
		await new Promise((resolve) => (tx.oncomplete = resolve));
		db.close();
	}, PSEUDONYM);
}

interface RawRow {
	table: string;
	keys: string[];
	isSealed: boolean;
}

/** Every record in the browser's own files, as someone reading them without the app would. */
async function readRawDatabase(page: Page): Promise<{ text: string; rows: RawRow[] }> {
	return page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('spinnenweb');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const rows: { table: string; keys: string[]; isSealed: boolean }[] = [];
		const values: unknown[] = [];
		for (const table of Array.from(db.objectStoreNames)) {
			const all = await new Promise<unknown[]>((resolve, reject) => {
				const request = db.transaction(table).objectStore(table).getAll();
				request.onsuccess = () => resolve(request.result as unknown[]);
				request.onerror = () => reject(request.error);
			});
			for (const value of all) {
				values.push(value);
				const keys = Object.keys(value as object).sort();
				rows.push({ table, keys, isSealed: keys.includes('sealed') });
			}
		}
		db.close();
		const text = JSON.stringify(values, (_key, value: unknown) =>
			value instanceof Uint8Array ? new TextDecoder('latin1').decode(value) : value
		);
		return { text, rows };
	});
}

const PERSONAL = ['webs', 'reflections', 'clients'];

/** With LOCK_SHOTS set: the page (or one part of it) at the phone's and the tablet's size. */
async function shoot(page: Page, name: string, part?: Locator): Promise<void> {
	if (!process.env.LOCK_SHOTS) return;
	for (const [width, height] of [
		[390, 844],
		[1180, 820]
	] as const) {
		await page.setViewportSize({ width, height });
		const path = `${SHOTS}/${name}-${width}x${height}.png`;
		if (part) await part.screenshot({ path });
		else await page.screenshot({ path });
	}
	await page.setViewportSize({ width: 390, height: 844 });
}

/** Within the app, without a reload: a reload locks it again (the key is in memory only). */
async function goInApp(page: Page, link: 'Eerdere webs' | 'Instellingen') {
	await page.getByRole('banner').getByRole('link', { name: link, exact: true }).click();
	await expect(
		page.getByRole('heading', {
			level: 1,
			name: link === 'Instellingen' ? 'Instellingen' : /webs/i
		})
	).toBeVisible();
}

async function openHistory(page: Page) {
	await page.goto('/geschiedenis');
	// A first visit makes no database: the history screen opens it.
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

test('with a passcode the data is hidden after a reload, unreadable in the files, and a wrong passcode waits', async ({
	page
}) => {
	await openHistory(page);
	await seedWebs(page, webs(3));
	await seedClient(page);

	await page.goto('/instellingen');
	const panel = lockPanel(page);
	await expect(panel.getByText('ben je de code vergeten')).toBeVisible();
	await expect(panel.getByRole('link', { name: 'Maak eerst een back-up' })).toHaveAttribute(
		'href',
		'#backup'
	);
	await expectNoAxeViolations(page, 'settings, no lock');
	await shoot(page, 'set', panel);
	await panel.getByLabel('Nieuwe code').fill('kort');
	await panel.getByLabel('Typ de code nog een keer').fill('kort');
	await panel.getByRole('button', { name: 'Zet op slot' }).click();
	await expect(panel.getByRole('alert')).toHaveText(
		'De code is te kort. Gebruik minstens 6 tekens.'
	);
	await setPasscode(page, PASSCODE);
	await expect(panel.getByRole('status')).toHaveText(
		'De app staat op slot met een code. Je gegevens zijn versleuteld bewaard.',
		{
			timeout: 20_000
		}
	);
	await expectNoAxeViolations(page, 'settings, lock on');
	await shoot(page, 'change-remove', panel);

	await page.goto('/geschiedenis');
	await expect(lockHeading(page)).toBeVisible();
	await expect(page.getByRole('list', { name: 'Al je webs' })).toHaveCount(0);
	await expectNoAxeViolations(page, 'lock screen');
	await shoot(page, 'unlock');

	const raw = await readRawDatabase(page);
	expect(raw.text).not.toContain('Zwaluwstaart');
	expect(raw.text).not.toContain('Qorvex');
	expect(raw.text).not.toContain(PSEUDONYM);
	for (const row of raw.rows.filter((r) => PERSONAL.includes(r.table))) {
		expect(row.isSealed, row.table).toBe(true);
		expect(row.keys).not.toContain('answers');
		expect(row.keys).not.toContain('notes');
		expect(row.keys).not.toContain('pseudonym');
	}
	expect(raw.rows.filter((r) => r.table === 'webs')).toHaveLength(3);

	// Three tries are free; the fourth wrong one makes the next wait, told in words.
	for (let i = 0; i < 4; i++) {
		await unlock(page, `fout ${i} fout`);
		await expect(page.getByText('Deze code klopt niet.')).toBeVisible();
	}
	await expect(page.getByText(/Je kunt het weer proberen over \d seconden?\./)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Open de app' })).toBeDisabled();
	await shoot(page, 'wrong-passcode');
	await expectNoAxeViolations(page, 'lock screen, waiting');

	await expect(page.getByRole('button', { name: 'Open de app' })).toBeEnabled({
		timeout: 10_000
	});
	await unlock(page, PASSCODE);
	await expect(lockHeading(page)).toHaveCount(0, { timeout: 20_000 });
	await expect(page.getByRole('list', { name: 'Al je webs' }).getByRole('listitem')).toHaveCount(3);

	// A new passcode for the same key: the old one no longer opens, the new one does.
	await goInApp(page, 'Instellingen');
	const change = lockPanel(page).locator('form').nth(0);
	await change.getByLabel('Huidige code').fill(PASSCODE);
	await change.getByLabel('Nieuwe code').fill(NEW_PASSCODE);
	await change.getByLabel('Typ de code nog een keer').fill(NEW_PASSCODE);
	await change.getByRole('button', { name: 'Verander de code' }).click();
	await expect(lockPanel(page).getByRole('status')).toHaveText('Je nieuwe code werkt nu.', {
		timeout: 20_000
	});
	await page.reload();
	await expect(lockHeading(page)).toBeVisible();
	await unlock(page, NEW_PASSCODE);
	await expect(lockHeading(page)).toHaveCount(0, { timeout: 20_000 });
	await expect(lockPanel(page).getByRole('button', { name: 'Haal het slot eraf' })).toBeVisible();
});

test('setting and removing the lock survive a reload halfway, and every record is intact', async ({
	page
}) => {
	const seeded = webs(24, 2);
	await openHistory(page);
	await seedWebs(page, seeded);
	const before = await readRawDatabase(page);

	await page.goto('/instellingen');
	// Stops re-encryption after 10 records, as a tab closed at that moment would.
	await page.evaluate(() => (window.__spinnenwebStopReencryptAfter = 10));
	await setPasscode(page, PASSCODE);
	await expect(lockPanel(page).getByRole('status')).toContainText('10 van 36');
	await page.reload();
	await expect(lockHeading(page)).toBeVisible();
	const halfway = await readRawDatabase(page);
	const personal = halfway.rows.filter((r) => PERSONAL.includes(r.table));
	expect(personal.filter((r) => r.isSealed)).toHaveLength(10);

	await unlock(page, PASSCODE);
	await expect(lockHeading(page)).toHaveCount(0, { timeout: 30_000 });
	// The app opens at once; the rest of the records are sealed behind it.
	await expect
		.poll(async () => {
			const { rows } = await readRawDatabase(page);
			return rows.filter((r) => PERSONAL.includes(r.table) && !r.isSealed).length;
		})
		.toBe(0);
	expect((await readRawDatabase(page)).text).not.toContain('Qorvex');
	await goInApp(page, 'Eerdere webs');
	await expect(page.getByRole('list', { name: 'Al je webs' }).getByRole('listitem')).toHaveCount(
		24
	);

	await goInApp(page, 'Instellingen');
	await page.evaluate(() => (window.__spinnenwebStopReencryptAfter = 7));
	const remove = lockPanel(page).locator('form').nth(1);
	await remove.getByLabel('Huidige code').fill(PASSCODE);
	await remove.getByRole('button', { name: 'Haal het slot eraf' }).click();
	await expect(lockPanel(page).getByRole('status')).toContainText('7 van 36');
	await page.reload();
	await expect(lockHeading(page)).toBeVisible();
	await unlock(page, PASSCODE);
	await expect(lockHeading(page)).toHaveCount(0, { timeout: 30_000 });
	await expect(lockPanel(page).getByRole('button', { name: 'Zet op slot' })).toBeVisible();
	await expectNoAxeViolations(page, 'settings, lock removed');

	// Every record is back as it was before the lock, field for field.
	await expect.poll(async () => (await readRawDatabase(page)).text).toBe(before.text);
	await page.reload();
	await expect(lockHeading(page)).toHaveCount(0);
});

test('the app locks itself after the chosen idle time', async ({ page }) => {
	await page.clock.install();
	await openHistory(page);
	await seedWebs(page, webs(1));
	await page.goto('/instellingen');
	await setPasscode(page, PASSCODE);
	await expect(lockPanel(page).getByRole('status')).toHaveText(
		'De app staat op slot met een code. Je gegevens zijn versleuteld bewaard.',
		{ timeout: 20_000 }
	);
	const minutes = lockPanel(page).getByLabel('Vanzelf op slot na');
	await expect(minutes).toHaveValue('5', { timeout: 20_000 });
	await minutes.selectOption('2');
	await page.reload();
	await unlock(page, PASSCODE);
	await expect(lockHeading(page)).toHaveCount(0, { timeout: 20_000 });

	await page.clock.fastForward('01:50');
	await expect(lockHeading(page)).toHaveCount(0);
	await page.clock.fastForward('00:15');
	await expect(lockHeading(page)).toBeVisible();
});
