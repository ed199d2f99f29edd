import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDb } from './db';
import { eraseDevice } from './erase';
import { DexieMergeBaseStore } from './merge-bases';
import { ReflectionRepo } from './reflection-repo';
import { WebRepo } from './web-repo';

beforeEach(() => {
	const factory = new IDBFactory();
	globalThis.indexedDB = factory;
	Dexie.dependencies.indexedDB = factory;
	Dexie.dependencies.IDBKeyRange = IDBKeyRange;
});

describe('eraseDevice', () => {
	it('leaves no web, note, merge base or setting, and the app can start over', async () => {
		const db = openDb();
		const webs = new WebRepo(db);
		const web = await webs.create('nl');
		await new ReflectionRepo(db).setNote(web.id, 'wish', 'Meer buiten zijn');
		await db.webs.put({ id: 'damaged', answers: 'not an object' });
		const bases = new DexieMergeBaseStore();
		await bases.set(new Map([[`webs/${web.id}`, 1]]));
		const storage = new Map([['PARAGLIDE_LOCALE', 'ar']]);

		await eraseDevice(db, bases, { clear: () => storage.clear() });

		expect(await db.webs.count()).toBe(0);
		expect(await db.reflections.count()).toBe(0);
		expect(await bases.get([`webs/${web.id}`])).toEqual(new Map());
		expect(storage.size).toBe(0);
		expect((await webs.list()).webs).toEqual([]);
		await expect(webs.create('nl')).resolves.toBeDefined();
	});
});
