import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PREFER_NOT, type Web } from '$lib/domain/web';
import { openDb, type SpinnenwebDb } from '$lib/storage/db';
import { WebRepo } from '$lib/storage/web-repo';
import type { Sharing } from './sharing';
import { WebSession } from './web-session.svelte';

const KEYS = ['lichaamsfuncties.gezond', 'lichaamsfuncties.fit', 'lichaamsfuncties.slapen'];

let db: SpinnenwebDb;
let repo: WebRepo;
let web: Web;
const stops: (() => void)[] = [];

beforeEach(async () => {
	const factory = new IDBFactory();
	globalThis.indexedDB = factory;
	Dexie.dependencies.indexedDB = factory;
	Dexie.dependencies.IDBKeyRange = IDBKeyRange;
	db = openDb();
	repo = new WebRepo(db);
	web = await repo.create('nl');
});

afterEach(() => {
	for (const stop of stops.splice(0)) stop();
	db.close();
});

/** Consent as the session reads it when the person taps "Klaar", and who is told after. */
function sharing(isOn: boolean) {
	return { isOn: () => isOn, itemAdded: vi.fn() };
}

/** A session on screen (its live read runs only while shown), once it has read its web. */
async function shownSession(consent: Sharing = sharing(false)): Promise<WebSession> {
	const session = new WebSession(web.id, repo, consent);
	stops.push(
		$effect.root(() => {
			$effect(() => {
				void session.web;
			});
		})
	);
	await vi.waitFor(() => expect(session.lookup?.status).toBe('found'));
	return session;
}

describe('WebSession', () => {
	it('stores the last of many quick changes, and shows each at once', async () => {
		const session = await shownSession();
		const writes: Promise<void>[] = [];
		// A keyboard user steps each slider from 0 to 10 without waiting for anything.
		for (const key of KEYS) {
			for (let score = 0; score <= 10; score++) writes.push(session.answer(key, score));
		}
		writes.push(session.answer(KEYS[0] ?? '', PREFER_NOT));
		writes.push(session.flagTalkAbout(KEYS[1] ?? '', true));
		expect(session.web?.answers[KEYS[0] ?? '']).toBe(PREFER_NOT);
		await Promise.all(writes);

		const stored = await repo.get(web.id);
		expect(stored?.answers).toEqual({
			[KEYS[0] ?? '']: PREFER_NOT,
			[KEYS[1] ?? '']: 10,
			[KEYS[2] ?? '']: 10
		});
		expect(stored?.talkAbout).toEqual([KEYS[1]]);
		flushSync();
		expect(session.isSaving).toBe(false);
		expect(session.saveProblem).toBeNull();
	});

	it('builds on a change another tab made to the same web', async () => {
		const session = await shownSession();
		await session.answer(KEYS[0] ?? '', 3);
		// Another tab answers a second aspect; this screen's live read picks it up.
		await new WebRepo(db, { clock: () => Date.now() + 1000 }).setAnswer(web.id, KEYS[1] ?? '', 7);
		await vi.waitFor(() => expect(session.web?.answers[KEYS[1] ?? '']).toBe(7));
		await session.answer(KEYS[2] ?? '', 5);
		expect((await repo.get(web.id))?.answers).toEqual({
			[KEYS[0] ?? '']: 3,
			[KEYS[1] ?? '']: 7,
			[KEYS[2] ?? '']: 5
		});
	});

	it('keeps the answer on screen and says so when the device is full', async () => {
		const session = await shownSession();
		vi.spyOn(console, 'error').mockImplementation(() => undefined);
		const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		});
		await session.answer(KEYS[0] ?? '', 6);
		put.mockRestore();
		flushSync();
		expect(session.saveProblem).toBe('storage-full');
		expect(session.web?.answers[KEYS[0] ?? '']).toBe(6);
		expect((await repo.get(web.id))?.answers).toEqual({});
	});

	it('stores an outbox item with the completed web when consent is on, and tells the flusher', async () => {
		const consent = sharing(true);
		const session = await shownSession(consent);
		await session.answer(KEYS[0] ?? '', 6);
		await session.complete();

		const items = await db.outbox.toArray();
		expect(items).toEqual([
			expect.objectContaining({ webId: web.id, completedAt: (await repo.get(web.id))?.completedAt })
		]);
		expect(consent.itemAdded).toHaveBeenCalledOnce();

		// Finishing again (after changing an answer) keeps the first time, and the one item.
		await session.complete();
		expect(await db.outbox.count()).toBe(1);
		expect(consent.itemAdded).toHaveBeenCalledOnce();
	});

	it('stores no item when consent is off: that web is never sent later without asking', async () => {
		const consent = sharing(false);
		const session = await shownSession(consent);
		await session.complete();
		expect((await repo.get(web.id))?.completedAt).not.toBeNull();
		expect(await db.outbox.count()).toBe(0);
		expect(consent.itemAdded).not.toHaveBeenCalled();
	});

	it('stores neither the completion nor the item when the write fails', async () => {
		const consent = sharing(true);
		const session = await shownSession(consent);
		vi.spyOn(console, 'error').mockImplementation(() => undefined);
		const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		});
		await session.complete();
		put.mockRestore();
		flushSync();
		expect(session.saveProblem).toBe('storage-full');
		expect((await repo.get(web.id))?.completedAt).toBeNull();
		expect(await db.outbox.count()).toBe(0);
		expect(consent.itemAdded).not.toHaveBeenCalled();
	});
});
