import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb, type SpinnenwebDb } from '$lib/storage/db';
import { ReflectionRepo } from '$lib/storage/reflection-repo';
import { WebRepo } from '$lib/storage/web-repo';
import { ReflectionSession } from './reflection-session.svelte';

let db: SpinnenwebDb;
let repo: ReflectionRepo;
let webId: string;

beforeEach(async () => {
	const factory = new IDBFactory();
	globalThis.indexedDB = factory;
	Dexie.dependencies.indexedDB = factory;
	Dexie.dependencies.IDBKeyRange = IDBKeyRange;
	db = openDb();
	repo = new ReflectionRepo(db);
	webId = (await new WebRepo(db).create('nl')).id;
});

afterEach(() => {
	db.close();
});

describe('ReflectionSession', () => {
	it('stores what was typed last, coalescing keystrokes per question', async () => {
		const write = vi.spyOn(repo, 'setNote');
		const session = new ReflectionSession(webId, repo);
		const text = 'Elke ochtend een rondje om de vijver';
		const writes = Array.from(text, (_, i) => session.setNote('step', text.slice(0, i + 1)));
		void session.setNote('help', 'Anna');
		await Promise.all(writes);

		expect((await repo.get(webId))?.notes).toEqual({ step: text, help: 'Anna' });
		// The first keystroke's write runs; every later one replaces the one still waiting.
		expect(write.mock.calls.length).toBeLessThanOrEqual(3);
		flushSync();
		expect(session.isSaving).toBe(false);
		expect(session.savedAt).not.toBeNull();
		expect(session.saveProblem).toBeNull();
	});

	it('says when saving failed, and keeps the stored record as it was', async () => {
		await db.reflections.add({ webId, notes: { step: 42 } });
		const session = new ReflectionSession(webId, repo);
		vi.spyOn(console, 'error').mockImplementation(() => undefined);
		vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		await session.setNote('step', 'Nieuw');
		flushSync();
		expect(session.saveProblem).toBe('failed');
		expect(await db.reflections.get(webId)).toEqual({ webId, notes: { step: 42 } });
	});
});
