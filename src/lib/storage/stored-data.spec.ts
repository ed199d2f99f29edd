import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDb } from './db';
import { mayHoldData } from './stored-data';

let factory: IDBFactory;

beforeEach(() => {
	// A fresh, empty IndexedDB per test. Dexie keeps its own reference, so set both.
	factory = new IDBFactory();
	globalThis.indexedDB = factory;
	Dexie.dependencies.indexedDB = factory;
	Dexie.dependencies.IDBKeyRange = IDBKeyRange;
});

describe('whether the device may hold data', () => {
	it('is no on a device that never opened the database, and asking does not create it', async () => {
		expect(await mayHoldData(factory)).toBe(false);
		expect(await factory.databases()).toEqual([]);
	});

	it('is yes once the app has opened its database', async () => {
		const db = openDb();
		await db.open();
		expect(await mayHoldData(factory)).toBe(true);
		db.close();
	});

	it('is no when only another database of the origin exists', async () => {
		const other = new Dexie('something-else');
		other.version(1).stores({ things: 'id' });
		await other.open();
		expect(await mayHoldData(factory)).toBe(false);
		other.close();
	});

	it('is yes where the browser cannot tell, so the app reads as before', async () => {
		expect(await mayHoldData(null)).toBe(true);
		expect(await mayHoldData({} as Pick<IDBFactory, 'databases'>)).toBe(true);
		const refusing = { databases: () => Promise.reject(new Error('SecurityError')) };
		expect(await mayHoldData(refusing)).toBe(true);
	});
});
