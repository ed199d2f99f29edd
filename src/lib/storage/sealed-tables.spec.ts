import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDb } from './db';
import { SEALED_TABLES } from './sealed-tables';

beforeEach(() => {
	const factory = new IDBFactory();
	globalThis.indexedDB = factory;
	Dexie.dependencies.indexedDB = factory;
	Dexie.dependencies.IDBKeyRange = IDBKeyRange;
});

describe('SEALED_TABLES', () => {
	it('keeps in the clear exactly the primary key and the indexes of each sealed table', async () => {
		const db = openDb('sealed-tables');
		await db.open();
		for (const spec of SEALED_TABLES) {
			const schema = db.table(spec.name).schema;
			expect(schema.primKey.keyPath, spec.name).toBe(spec.primaryKey);
			expect([...spec.clearFields].sort(), spec.name).toEqual(
				schema.indexes.map((index) => String(index.keyPath)).sort()
			);
		}
		db.close();
	});

	it('seals every table that holds a person’s content, and not the sociale kaart', () => {
		expect(SEALED_TABLES.map((spec) => spec.name).sort()).toEqual([
			'agreements',
			'clients',
			'conversations',
			'reflections',
			'webs'
		]);
	});
});
