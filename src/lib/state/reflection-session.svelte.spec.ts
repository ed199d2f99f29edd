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

const stops: (() => void)[] = [];

afterEach(() => {
	for (const stop of stops.splice(0)) stop();
	db.close();
});

/** A session on screen: its live read only runs while something shows it. */
function shown(session: ReflectionSession): ReflectionSession {
	stops.push(
		$effect.root(() => {
			$effect(() => {
				void session.lookup;
				void session.reflection;
			});
		})
	);
	return session;
}

describe('ReflectionSession', () => {
	it('writes every keystroke whole, at once, so the last text is what is stored', async () => {
		const session = shown(new ReflectionSession(webId, repo));
		await vi.waitFor(() => expect(session.lookup?.status).toBe('missing'));
		const text = 'Elke ochtend een rondje om de vijver';
		// No await between keystrokes, as when someone types fast.
		const writes = Array.from(text, (_, i) => session.setNote('step', text.slice(0, i + 1)));
		writes.push(session.setNote('help', 'Anna'));
		// The screen has the newest text before any write has landed.
		expect(session.reflection?.notes).toEqual({ step: text, help: 'Anna' });
		expect(session.isSaving).toBe(true);
		await Promise.all(writes);

		expect((await repo.get(webId))?.notes).toEqual({ step: text, help: 'Anna' });
		flushSync();
		expect(session.isSaving).toBe(false);
		expect(session.savedAt).not.toBeNull();
		expect(session.saveProblem).toBeNull();
	});

	it('changes nothing before it has read what is stored, and says so', async () => {
		await repo.setNote(webId, 'energy', 'Mijn kleinkinderen');
		const session = shown(new ReflectionSession(webId, repo));
		vi.spyOn(console, 'error').mockImplementation(() => undefined);
		// Typed before the first read: writing it would replace the stored note with nothing.
		await session.setNote('step', 'Nieuw');
		flushSync();
		expect(session.saveProblem).toBe('failed');
		expect((await repo.get(webId))?.notes).toEqual({ energy: 'Mijn kleinkinderen' });
	});

	it('says when saving failed, and keeps the stored record as it was', async () => {
		await db.reflections.add({ webId, notes: { step: 42 } });
		const session = shown(new ReflectionSession(webId, repo));
		vi.spyOn(console, 'error').mockImplementation(() => undefined);
		vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		await vi.waitFor(() => expect(session.isCorrupt).toBe(true));
		await session.setNote('step', 'Nieuw');
		flushSync();
		expect(session.saveProblem).toBe('failed');
		expect(await db.reflections.get(webId)).toEqual({ webId, notes: { step: 42 } });
	});
});
