import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRecord, sealRecord } from '$lib/crypto';
import { PREFER_NOT } from '$lib/domain/web';
import { openDb, type SpinnenwebDb } from './db';
import { CorruptRecordError } from './errors';
import { createRecordLock, type RecordLock } from './record-lock';
import { WebRepo, type CorruptRecordReport } from './web-repo';

const VROLIJK = 'mentaal.vrolijk';
const SLAPEN = 'lichaamsfuncties.slapen';

function newLock(keyId: string): Promise<RecordLock> {
	return crypto.subtle
		.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'])
		.then((key) => createRecordLock({ sealRecord, openRecord }, key, keyId));
}

let db: SpinnenwebDb;
let lock: RecordLock | null;
let repo: WebRepo;
let reports: CorruptRecordReport[];
let time: number;

beforeEach(async () => {
	const factory = new IDBFactory();
	globalThis.indexedDB = factory;
	Dexie.dependencies.indexedDB = factory;
	Dexie.dependencies.IDBKeyRange = IDBKeyRange;
	db = openDb();
	reports = [];
	time = 1_700_000_000_000;
	lock = await newLock('key-1');
	repo = new WebRepo(db, {
		clock: () => ++time,
		lock: () => lock,
		onCorrupt: (report) => reports.push(report)
	});
});

afterEach(() => {
	db.close();
});

describe('WebRepo with a lock', () => {
	it('stores answers sealed, with only the id and dates in the clear, and reads them back', async () => {
		const web = await repo.create('tr');
		await repo.setAnswer(web.id, VROLIJK, 7);
		await repo.setAnswer(web.id, SLAPEN, PREFER_NOT);
		await repo.setTalkAbout(web.id, SLAPEN, true);

		const raw = (await db.webs.get(web.id)) as Record<string, unknown>;
		expect(Object.keys(raw).sort()).toEqual([
			'completedAt',
			'createdAt',
			'id',
			'sealed',
			'updatedAt'
		]);
		const text = JSON.stringify(raw, (_, v: unknown) =>
			v instanceof Uint8Array ? new TextDecoder().decode(v) : v
		);
		for (const secret of ['vrolijk', 'slapen', PREFER_NOT]) expect(text).not.toContain(secret);

		const read = await repo.get(web.id);
		expect(read?.answers).toEqual({ [VROLIJK]: 7, [SLAPEN]: PREFER_NOT });
		expect(read?.talkAbout).toEqual([SLAPEN]);
		expect(read?.locale).toBe('tr');
	});

	it('keeps every one of many changes asked for at once, in the order asked', async () => {
		const web = await repo.create('nl');
		// Sealing that finishes sooner for later calls, as a busy device may do.
		const fast = lock!;
		let calls = 0;
		lock = {
			open: (table, stored) => fast.open(table, stored),
			seal: async (table, record) => {
				const wait = Math.max(0, 50 - 10 * calls++);
				await new Promise((resolve) => setTimeout(resolve, wait));
				return fast.seal(table, record);
			}
		};
		await Promise.all([
			repo.setAnswer(web.id, VROLIJK, 1),
			repo.setAnswer(web.id, SLAPEN, 4),
			repo.setAnswer(web.id, VROLIJK, 2),
			repo.setTalkAbout(web.id, VROLIJK, true),
			repo.setAnswer(web.id, VROLIJK, 3)
		]);
		const read = await repo.get(web.id);
		expect(read?.answers).toEqual({ [VROLIJK]: 3, [SLAPEN]: 4 });
		expect(read?.talkAbout).toEqual([VROLIJK]);
	});

	it('keeps the last of quick changes made from the screen', async () => {
		const web = await repo.create('nl');
		const first = repo.changeNow(web, (w) => ({ ...w, answers: { [VROLIJK]: 5 } }))!;
		const second = repo.changeNow(first.value, (w) => ({
			...w,
			answers: { ...w.answers, [SLAPEN]: 6 }
		}))!;
		await Promise.all([first.saved, second.saved]);
		expect((await repo.get(web.id))?.answers).toEqual({ [VROLIJK]: 5, [SLAPEN]: 6 });
		expect((await db.webs.get(web.id))?.answers).toBeUndefined();
	});

	it('lists, pages and finds the webs to resume and compare by their clear dates', async () => {
		const older = await repo.create('nl', 1_000);
		await repo.complete(older.id, 2_000);
		const newer = await repo.create('nl', 3_000);
		await repo.setAnswer(newer.id, VROLIJK, 8);

		const list = await repo.list();
		expect(list.webs.map((w) => w.id)).toEqual([newer.id, older.id]);
		expect(list.webs[0]?.answers).toEqual({ [VROLIJK]: 8 });
		expect((await repo.listPage(1, 1)).webs.map((w) => w.id)).toEqual([older.id]);
		expect((await repo.latestUnfinished())?.id).toBe(newer.id);
		expect((await repo.latestCompletedBefore(3_000))?.id).toBe(older.id);
	});

	it('counts a web sealed with another key as damaged and never writes over it', async () => {
		const web = await repo.create('nl');
		await repo.setAnswer(web.id, VROLIJK, 7);
		const before = await db.webs.get(web.id);
		lock = await newLock('key-2');

		expect(await repo.lookup(web.id)).toEqual({ status: 'corrupt', id: web.id });
		expect(await repo.list()).toEqual({ webs: [], corruptCount: 1 });
		expect(await repo.latestUnfinished()).toBeUndefined();
		await expect(repo.setAnswer(web.id, VROLIJK, 1)).rejects.toBeInstanceOf(CorruptRecordError);
		expect(await db.webs.get(web.id)).toEqual(before);
		expect(reports).toEqual([{ id: web.id, issues: ['sealed: does not open with this key'] }]);
	});

	it('reads webs stored plain before the lock, and seals them on their next change', async () => {
		lock = null;
		const web = await repo.create('nl');
		await repo.setAnswer(web.id, VROLIJK, 7);
		lock = await newLock('key-3');

		expect((await repo.get(web.id))?.answers).toEqual({ [VROLIJK]: 7 });
		await repo.setAnswer(web.id, SLAPEN, 2);
		expect((await db.webs.get(web.id))?.answers).toBeUndefined();
		expect((await repo.get(web.id))?.answers).toEqual({ [VROLIJK]: 7, [SLAPEN]: 2 });
	});
});
