import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyFields, type VoorzieningFields } from '$lib/domain/voorziening';
import { openDb } from './db';
import { CorruptRecordError } from './errors';
import { VoorzieningRepo } from './voorziening-repo';

beforeEach(() => {
	const factory = new IDBFactory();
	globalThis.indexedDB = factory;
	Dexie.dependencies.indexedDB = factory;
	Dexie.dependencies.IDBKeyRange = IDBKeyRange;
});

const taalcafe: VoorzieningFields = {
	...emptyFields(),
	name: 'Taalcafé',
	organisation: 'Bibliotheek',
	dimensions: ['meedoen']
};
const brink: VoorzieningFields = {
	...taalcafe,
	name: 'Buurthuis De Brink',
	organisation: 'Welzijn'
};

function setup() {
	const db = openDb('kaart');
	let time = 1_000;
	let n = 0;
	const onCorrupt = vi.fn();
	const repo = new VoorzieningRepo(db, {
		clock: () => (time += 10),
		newId: () => `id-${++n}`,
		onCorrupt
	});
	return { db, repo, onCorrupt };
}

describe('VoorzieningRepo', () => {
	it('creates, lists by name and updates, keeping the id and creation time', async () => {
		const { repo } = setup();
		const made = await repo.create(taalcafe);
		await repo.create(brink);
		expect((await repo.list()).voorzieningen.map((v) => v.name)).toEqual([
			'Buurthuis De Brink',
			'Taalcafé'
		]);
		const changed = await repo.update(made.id, { ...taalcafe, phone: '0570 700 104' });
		expect(changed).toMatchObject({ id: 'id-1', createdAt: made.createdAt, phone: '0570 700 104' });
		expect(changed.updatedAt).toBeGreaterThan(made.updatedAt);
		expect(await repo.get(made.id)).toEqual(changed);
	});

	it('refuses to store what the schema refuses', async () => {
		const { repo } = setup();
		await expect(repo.create({ ...taalcafe, website: 'javascript:alert(1)' })).rejects.toThrow();
		expect((await repo.list()).voorzieningen).toEqual([]);
	});

	it('skips a damaged record in lists, reports it once, and never writes over it', async () => {
		const { db, repo, onCorrupt } = setup();
		await db.table('voorzieningen').add({ id: 'kapot', name: 42 });
		await repo.create(taalcafe);
		expect(await repo.list()).toMatchObject({ corruptCount: 1 });
		expect(await repo.list()).toMatchObject({ corruptCount: 1 });
		expect(onCorrupt).toHaveBeenCalledOnce();
		await expect(repo.update('kapot', taalcafe)).rejects.toBeInstanceOf(CorruptRecordError);
		const replaced = await repo.applyImport({
			additions: [{ id: 'kapot', fields: brink }],
			replacements: [{ id: 'kapot', fields: brink }]
		});
		expect(replaced).toEqual({ added: 0, replaced: 0, skipped: 2 });
		expect(await db.table('voorzieningen').get('kapot')).toEqual({ id: 'kapot', name: 42 });
	});

	it('applies an import: new ones with their own or a new id, chosen replacements in place', async () => {
		const { repo } = setup();
		const stored = await repo.create(taalcafe);
		const outcome = await repo.applyImport({
			additions: [
				{ id: 'SK-2', fields: brink },
				{ id: undefined, fields: { ...brink, name: 'Repair Café' } }
			],
			replacements: [{ id: stored.id, fields: { ...taalcafe, costs: 'Gratis' } }]
		});
		expect(outcome).toEqual({ added: 2, replaced: 1, skipped: 0 });
		const { voorzieningen } = await repo.list();
		expect(voorzieningen.map((v) => [v.id, v.name])).toEqual([
			['SK-2', 'Buurthuis De Brink'],
			['id-2', 'Repair Café'],
			['id-1', 'Taalcafé']
		]);
		expect(voorzieningen[2]).toMatchObject({ costs: 'Gratis', createdAt: stored.createdAt });
	});

	it('deletes one', async () => {
		const { repo } = setup();
		const made = await repo.create(taalcafe);
		await repo.delete(made.id);
		expect(await repo.get(made.id)).toBeUndefined();
	});
});
