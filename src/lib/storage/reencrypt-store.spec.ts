import { Dexie } from 'dexie';
import fc from 'fast-check';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { unlockKeyRecord } from '$lib/crypto/key-record';
import {
	beginOpening,
	beginSealing,
	changePasscode,
	finishReencryption,
	readLockState,
	type LockState,
	type ReencryptStore
} from '$lib/crypto/reencrypt';
import { isSealedRecord, openRecord, type SealedTableSpec } from '$lib/crypto/sealed-record';
import { DexieReencryptStore, sameStored } from './reencrypt-store';
import { SEALED_TABLES } from './sealed-tables';

const FAST = { iterations: 1_000 };
const PASSCODE = 'lente-2026';

beforeEach(() => {
	const factory = new IDBFactory();
	globalThis.indexedDB = factory;
	Dexie.dependencies.indexedDB = factory;
	Dexie.dependencies.IDBKeyRange = IDBKeyRange;
});

/** A database shaped like the app's sealed tables, plus the table the lock state lives in. */
function openTestDb(): Dexie {
	const db = new Dexie('reencrypt-test');
	db.version(1).stores({
		webs: 'id, createdAt, updatedAt, completedAt, clientId',
		reflections: 'webId, stepDate',
		clients: 'id',
		conversations: 'id, clientId',
		agreements: 'id, clientId, conversationId',
		vault: 'id'
	});
	return db;
}

function web(i: number) {
	return {
		id: `web-${String(i).padStart(3, '0')}`,
		questionSetId: 'volwassenen-v1',
		locale: 'nl',
		createdAt: 1_700_000_000_000 + i,
		updatedAt: 1_700_000_000_000 + i,
		completedAt: i % 3 === 0 ? null : 1_700_000_000_500 + i,
		answers: { 'mentaal.vrolijk': i % 11, 'zingeving.vertrouwen': 'liever-niet' },
		talkAbout: i % 2 ? ['mentaal.vrolijk'] : [],
		dimensionAnswers: {},
		position: { dimensionIndex: 0, aspectKey: null }
	};
}

function reflection(i: number) {
	return {
		webId: `web-${String(i).padStart(3, '0')}`,
		createdAt: 1_700_000_000_000 + i,
		updatedAt: 1_700_000_000_000 + i,
		focus: null,
		notes: { wish: `Geheime wens nummer ${i}` },
		stepDate: i % 2 ? '2026-12-01' : null,
		reminderDismissedAt: null
	};
}

type Expected = Map<string, Record<string, unknown>>;

async function seed(db: Dexie, count: number): Promise<Expected> {
	const expected: Expected = new Map();
	const webs = Array.from({ length: count }, (_, i) => web(i));
	const reflections = Array.from({ length: count }, (_, i) => reflection(i)).filter(
		(_, i) => i % 2 === 0
	);
	await db.table('webs').bulkPut(webs);
	await db.table('reflections').bulkPut(reflections);
	for (const w of webs) expected.set(`webs/${w.id}`, w);
	for (const r of reflections) expected.set(`reflections/${r.webId}`, r);
	return expected;
}

class Interrupted extends Error {}

/**
 * The store as a tab that is closed after `budget` more steps sees it: each read or write is a
 * step; at the last one the tab goes, either before the step or (for a record's replacement) in
 * the middle of its transaction, after the put and before the commit.
 */
class InterruptedStore implements ReencryptStore {
	readonly tables: readonly SealedTableSpec[];
	#budget: number;

	constructor(
		readonly inner: DexieReencryptStore,
		readonly db: Dexie,
		budget: number,
		readonly isMidTransaction: boolean
	) {
		this.tables = inner.tables;
		this.#budget = budget;
	}

	#step(): void {
		if (this.#budget-- <= 0) throw new Interrupted();
	}

	readState() {
		this.#step();
		return this.inner.readState();
	}
	writeState(state: LockState | null) {
		this.#step();
		return this.inner.writeState(state);
	}
	listKeys(table: string) {
		this.#step();
		return this.inner.listKeys(table);
	}
	read(table: string, key: string) {
		this.#step();
		return this.inner.read(table, key);
	}
	async replace(table: string, key: string, expected: unknown, next: unknown) {
		if (this.#budget <= 0 && this.isMidTransaction) {
			const store = this.db.table(table);
			// The put happens, then the tab goes before the commit: IndexedDB rolls it back.
			await this.db
				.transaction('rw', store, async () => {
					await store.put(next);
					throw new Interrupted();
				})
				.catch(() => undefined);
			throw new Interrupted();
		}
		this.#step();
		return this.inner.replace(table, key, expected, next);
	}
}

/** Every record reads back as it was, whatever its form; with the passcode when any is sealed. */
async function expectAllReadable(db: Dexie, store: ReencryptStore, expected: Expected) {
	const state = await readLockState(store);
	const key = state ? await unlockKeyRecord(state.key, PASSCODE) : undefined;
	for (const spec of SEALED_TABLES) {
		const rows: unknown[] = await db.table(spec.name).toArray();
		for (const row of rows) {
			if (isSealedRecord(row)) expect(key, 'a sealed record has its key stored').toBeDefined();
			const plain = key ? await openRecord(key, spec, row) : row;
			const id = String((plain as Record<string, unknown>)[spec.primaryKey]);
			expect(plain, `${spec.name}/${id}`).toEqual(expected.get(`${spec.name}/${id}`));
		}
	}
	const count = (await db.table('webs').count()) + (await db.table('reflections').count());
	expect(count).toBe(expected.size);
}

/** Runs `step` on a fresh store per try, as fresh tabs would, until it completes. */
async function untilDone(
	db: Dexie,
	base: DexieReencryptStore,
	crashAt: readonly number[],
	isMidTransaction: boolean,
	expected: Expected,
	step: (store: ReencryptStore) => Promise<void>
): Promise<number> {
	let crashes = 0;
	for (const budget of [...crashAt, Number.POSITIVE_INFINITY]) {
		const store = new InterruptedStore(base, db, budget, isMidTransaction);
		try {
			await step(store);
			return crashes;
		} catch (error) {
			if (!(error instanceof Interrupted)) throw error;
			crashes++;
			await expectAllReadable(db, base, expected);
		}
	}
	return crashes;
}

/** What a restarted app does: unlock with the passcode if a lock is stored, then finish. */
async function resume(store: ReencryptStore): Promise<void> {
	const state = await readLockState(store);
	if (!state) return;
	const key = await unlockKeyRecord(state.key, PASSCODE);
	await finishReencryption(store, key);
}

describe('setting and removing the passcode', () => {
	it('seals every record, keeping only ids and dates in the clear, and opens them all again', async () => {
		const db = openTestDb();
		const expected = await seed(db, 12);
		const store = new DexieReencryptStore(db, SEALED_TABLES, 'vault');

		const { key } = await beginSealing(store, PASSCODE, 1, FAST);
		const sealed = await finishReencryption(store, key);
		expect(sealed).toEqual({ phase: 'sealed', changed: expected.size, unreadable: [] });
		expect((await readLockState(store))?.phase).toBe('sealed');

		const rawWeb = (await db.table('webs').get('web-001')) as Record<string, unknown>;
		expect(Object.keys(rawWeb).sort()).toEqual(
			['completedAt', 'createdAt', 'id', 'sealed', 'updatedAt'].sort()
		);
		const rawReflection = (await db.table('reflections').get('web-002')) as Record<string, unknown>;
		expect(Object.keys(rawReflection).sort()).toEqual(['sealed', 'stepDate', 'webId']);
		// The indexes still work on what is in the clear.
		expect(await db.table('webs').where('createdAt').above(1_700_000_000_005).count()).toBe(6);

		await beginOpening(store);
		const opened = await finishReencryption(store, key);
		expect(opened).toEqual({ phase: 'open', changed: expected.size, unreadable: [] });
		expect(await readLockState(store)).toBeUndefined();
		for (const [where, record] of expected) {
			const [table, id] = where.split('/');
			expect(await db.table(table!).get(id!)).toEqual(record);
		}
	});

	it('refuses a second passcode over the first', async () => {
		const db = openTestDb();
		const store = new DexieReencryptStore(db, SEALED_TABLES, 'vault');
		await beginSealing(store, PASSCODE, 1, FAST);
		await expect(beginSealing(store, 'another', 2, FAST)).rejects.toThrow(/already/);
	});

	it('changes the passcode in one write: no record is touched', async () => {
		const db = openTestDb();
		await seed(db, 5);
		const store = new DexieReencryptStore(db, SEALED_TABLES, 'vault');
		const { key } = await beginSealing(store, PASSCODE, 1, FAST);
		await finishReencryption(store, key);
		const before = await db.table('webs').toArray();
		let writes = 0;
		const counting: ReencryptStore = {
			tables: store.tables,
			readState: () => store.readState(),
			writeState: (s) => (writes++, store.writeState(s)),
			listKeys: (t) => store.listKeys(t),
			read: (t, k) => store.read(t, k),
			replace: (t, k, e, n) => (writes++, store.replace(t, k, e, n))
		};
		await changePasscode(counting, PASSCODE, 'nieuwe code', 2, FAST);
		expect(writes).toBe(1);
		expect(sameStored(await db.table('webs').toArray(), before)).toBe(true);
		const state = await readLockState(store);
		await expect(unlockKeyRecord(state!.key, 'nieuwe code')).resolves.toBeDefined();
	});

	it('never leaves a record unreadable when the tab is closed at any moment, and finishes on the next start', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 4 }),
				fc.boolean(),
				async (crashAt, isMidTransaction) => {
					const db = openTestDb();
					await db.delete();
					await db.open();
					const expected = await seed(db, 8);
					const base = new DexieReencryptStore(db, SEALED_TABLES, 'vault');

					// Set the passcode, with the tab closed at the chosen moments.
					await untilDone(db, base, crashAt, isMidTransaction, expected, async (store) => {
						const state = await readLockState(store);
						if (!state) {
							const { key } = await beginSealing(store, PASSCODE, 1, FAST);
							await finishReencryption(store, key);
						} else await resume(store);
					});
					expect((await readLockState(base))?.phase).toBe('sealed');
					for (const spec of SEALED_TABLES) {
						for (const row of await db.table(spec.name).toArray()) {
							expect(isSealedRecord(row)).toBe(true);
						}
					}
					await expectAllReadable(db, base, expected);

					// Remove it again, interrupted the same way.
					let isBegun = false;
					await untilDone(db, base, crashAt, isMidTransaction, expected, async (store) => {
						if (!isBegun) {
							await beginOpening(store);
							isBegun = true;
						}
						await resume(store);
					});
					expect(await readLockState(base)).toBeUndefined();
					for (const [where, record] of expected) {
						const [table, id] = where.split('/');
						expect(await db.table(table!).get(id!)).toEqual(record);
					}
					db.close();
				}
			),
			{ numRuns: 40 }
		);
	}, 120_000);

	it('keeps a change the app writes while records are being sealed', async () => {
		const db = openTestDb();
		const expected = await seed(db, 6);
		const base = new DexieReencryptStore(db, SEALED_TABLES, 'vault');
		const { key, state } = await beginSealing(base, PASSCODE, 1, FAST);

		// The app, unlocked, writes web-003 sealed (as it does once a lock state exists) just after
		// re-encryption has read it and before it writes.
		const { sealRecord } = await import('$lib/crypto/sealed-record');
		const changed = { ...web(3), answers: { 'mentaal.vrolijk': 10 }, updatedAt: 1_800_000_000_000 };
		let isRaced = false;
		const racing: ReencryptStore = {
			tables: base.tables,
			readState: () => base.readState(),
			writeState: (s) => base.writeState(s),
			listKeys: (t) => base.listKeys(t),
			read: (t, k) => base.read(t, k),
			async replace(t, k, e, n) {
				if (k === 'web-003' && !isRaced) {
					isRaced = true;
					await db
						.table('webs')
						.put(await sealRecord(key, state.key.keyId, SEALED_TABLES[0]!, changed));
				}
				return base.replace(t, k, e, n);
			}
		};
		await finishReencryption(racing, key);
		expected.set('webs/web-003', changed);
		await expectAllReadable(db, base, expected);
	});

	it('leaves a damaged sealed record as it was, says which, and opens the rest', async () => {
		const db = openTestDb();
		const expected = await seed(db, 4);
		const store = new DexieReencryptStore(db, SEALED_TABLES, 'vault');
		const { key } = await beginSealing(store, PASSCODE, 1, FAST);
		await finishReencryption(store, key);
		const damaged = (await db.table('webs').get('web-002')) as { sealed: { ct: Uint8Array } };
		damaged.sealed.ct[0]! ^= 0xff;
		await db.table('webs').put(damaged);

		await beginOpening(store);
		const result = await finishReencryption(store, key);
		expect(result.unreadable).toEqual([{ table: 'webs', id: 'web-002' }]);
		expect(result.changed).toBe(expected.size - 1);
		expect(sameStored(await db.table('webs').get('web-002'), damaged)).toBe(true);
	});
});
