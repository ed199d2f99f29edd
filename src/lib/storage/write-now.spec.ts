import { Dexie, liveQuery } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb, type SpinnenwebDb } from './db';
import { WebRepo } from './web-repo';
import { writeNow } from './write-now';

let db: SpinnenwebDb;

beforeEach(async () => {
	const factory = new IDBFactory();
	globalThis.indexedDB = factory;
	Dexie.dependencies.indexedDB = factory;
	Dexie.dependencies.IDBKeyRange = IDBKeyRange;
	db = openDb();
	await db.open();
});

afterEach(() => {
	db.close();
});

describe('writeNow', () => {
	it('stores whole records, the last of several quick writes winning', async () => {
		const web = await new WebRepo(db).create('nl');
		const writes = [1, 2, 3].map((n) =>
			writeNow(db, [{ table: 'webs', value: { ...web, updatedAt: n } }])
		);
		await Promise.all(writes);
		expect((await db.webs.get(web.id))?.updatedAt).toBe(3);
	});

	it('makes a live query read again, as a Dexie write would', async () => {
		const web = await new WebRepo(db).create('nl');
		const seen: number[] = [];
		const subscription = liveQuery(() => db.webs.get(web.id)).subscribe({
			next: (record) => {
				if (record) seen.push(Number(record.updatedAt));
			}
		});
		await vi.waitFor(() => expect(seen).toEqual([web.updatedAt]));
		await writeNow(db, [{ table: 'webs', value: { ...web, updatedAt: web.updatedAt + 5 } }]);
		await vi.waitFor(() => expect(seen).toEqual([web.updatedAt, web.updatedAt + 5]));
		subscription.unsubscribe();
	});

	it('writes all records or none', async () => {
		const web = await new WebRepo(db).create('nl');
		// A reflection without its key cannot be stored, so the web's change is undone with it.
		await expect(
			writeNow(db, [
				{ table: 'webs', value: { ...web, updatedAt: 99 } },
				{ table: 'reflections', value: { notes: {} } }
			])
		).rejects.toThrow();
		expect((await db.webs.get(web.id))?.updatedAt).toBe(web.updatedAt);
	});

	it('fails, without throwing, when the connection is closed', async () => {
		db.close();
		await expect(writeNow(db, [{ table: 'webs', value: { id: 'x' } }])).rejects.toThrow();
	});
});
