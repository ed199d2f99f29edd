import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRecord, sealRecord } from '$lib/crypto';
import { openDb, type SpinnenwebDb } from './db';
import { CorruptRecordError } from './errors';
import { createRecordLock, type RecordLock } from './record-lock';
import { ReflectionRepo } from './reflection-repo';
import { WebRepo, type CorruptRecordReport } from './web-repo';

const NOTE = 'Elke ochtend een rondje om het meer';

function newKey(): Promise<CryptoKey> {
	return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

let db: SpinnenwebDb;
let key: CryptoKey;
let lock: RecordLock | null;
let repo: ReflectionRepo;
let reports: CorruptRecordReport[];
let webId: string;

beforeEach(async () => {
	const factory = new IDBFactory();
	globalThis.indexedDB = factory;
	Dexie.dependencies.indexedDB = factory;
	Dexie.dependencies.IDBKeyRange = IDBKeyRange;
	db = openDb();
	reports = [];
	key = await newKey();
	lock = createRecordLock({ sealRecord, openRecord }, key, 'key-1');
	repo = new ReflectionRepo(db, {
		lock: () => lock,
		onCorrupt: (report) => reports.push(report)
	});
	webId = (await new WebRepo(db).create('nl')).id;
});

afterEach(() => {
	db.close();
});

/** Everything IndexedDB holds for the reflection, as text someone reading the files could see. */
async function rawText(): Promise<string> {
	const raw = await db.reflections.get(webId);
	return JSON.stringify(raw, (_, value: unknown) =>
		value instanceof Uint8Array ? new TextDecoder('utf-8', { fatal: false }).decode(value) : value
	);
}

describe('ReflectionRepo with a lock', () => {
	it('stores a note sealed, with only the web id and the step date in the clear, and reads it back', async () => {
		await repo.setNote(webId, 'step', NOTE);
		await repo.setStepDate(webId, '2026-12-24');
		await repo.setFocus(webId, { kind: 'dimension', dimensionId: 'meedoen' });

		const raw = (await db.reflections.get(webId)) as Record<string, unknown>;
		expect(Object.keys(raw).sort()).toEqual(['sealed', 'stepDate', 'webId']);
		expect(await rawText()).not.toContain('rondje');
		expect(await rawText()).not.toContain('meedoen');

		const reflection = await repo.get(webId);
		expect(reflection?.notes.step).toBe(NOTE);
		expect(reflection?.focus).toEqual({ kind: 'dimension', dimensionId: 'meedoen' });
		// The step-date index still finds it for the reminder.
		const { reflections } = await repo.listWithStepDate();
		expect(reflections.map((r) => r.webId)).toEqual([webId]);
	});

	it('keeps the last of quick changes made from the screen, sealed', async () => {
		const first = repo.changeNow(webId, undefined, (r) => ({ ...r, notes: { step: 'Wan' } }))!;
		const second = repo.changeNow(webId, first.value, (r) => ({ ...r, notes: { step: NOTE } }))!;
		await Promise.all([first.saved, second.saved]);

		expect((await repo.get(webId))?.notes.step).toBe(NOTE);
		expect(await rawText()).not.toContain('rondje');
	});

	it('reads a record stored before the lock was set (re-encryption still under way)', async () => {
		const plain = new ReflectionRepo(db);
		await plain.setNote(webId, 'step', NOTE);
		expect((await repo.get(webId))?.notes.step).toBe(NOTE);
		// The next change seals it.
		await repo.setNote(webId, 'wish', 'Meer buiten zijn');
		expect(await rawText()).not.toContain('rondje');
		expect((await repo.get(webId))?.notes).toEqual({ step: NOTE, wish: 'Meer buiten zijn' });
	});

	it('treats a record sealed with another key as damaged: reported, never overwritten', async () => {
		await repo.setNote(webId, 'step', NOTE);
		const before = await db.reflections.get(webId);
		lock = createRecordLock({ sealRecord, openRecord }, await newKey(), 'key-2');

		expect(await repo.lookup(webId)).toEqual({ status: 'corrupt', webId });
		await expect(repo.setNote(webId, 'step', 'anders')).rejects.toBeInstanceOf(CorruptRecordError);
		expect(await db.reflections.get(webId)).toEqual(before);
		expect(reports).toEqual([{ id: webId, issues: ['sealed: does not open with this key'] }]);
	});

	it('while the passcode is being removed, still opens sealed records but writes plain ones', async () => {
		await repo.setNote(webId, 'step', NOTE);
		lock = createRecordLock({ sealRecord, openRecord }, key, 'key-1', { sealsWrites: false });
		expect((await repo.get(webId))?.notes.step).toBe(NOTE);
		await repo.setNote(webId, 'wish', 'Meer buiten zijn');
		expect(await rawText()).toContain('rondje');
		expect((await db.reflections.get(webId))?.['sealed']).toBeUndefined();
	});

	it('without the key in memory a sealed record does not read; with it, it does', async () => {
		await repo.setNote(webId, 'step', NOTE);
		const sealedLock = lock;
		lock = null;
		expect((await repo.lookup(webId)).status).toBe('corrupt');
		lock = sealedLock;
		expect((await repo.get(webId))?.notes.step).toBe(NOTE);
	});
});
