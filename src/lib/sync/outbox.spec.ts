import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type SpinnenwebDb } from '$lib/storage/db';
import { ReflectionRepo } from '$lib/storage/reflection-repo';
import { SyncRepo } from '$lib/storage/sync-repo';
import { WebRepo } from '$lib/storage/web-repo';
import type { Web } from '$lib/domain/web';
import { completed, withAnswer } from '$lib/domain/web-changes';
import { DexieOutbox, UNREADABLE } from './outbox';
import { FOCUS_WAIT_MS, newOutboxItem } from './summary';

let db: SpinnenwebDb;
let webs: WebRepo;
let reflections: ReflectionRepo;
let sync: SyncRepo;
let outbox: DexieOutbox;
let now: number;

beforeEach(async () => {
	const factory = new IDBFactory();
	globalThis.indexedDB = factory;
	Dexie.dependencies.indexedDB = factory;
	Dexie.dependencies.IDBKeyRange = IDBKeyRange;
	db = openDb();
	await db.open();
	now = new Date(2026, 2, 14, 10, 0).getTime();
	const clock = () => now;
	webs = new WebRepo(db, { clock, onCorrupt: () => undefined });
	reflections = new ReflectionRepo(db, { clock });
	sync = new SyncRepo(db, { clock, onCorrupt: () => undefined });
	outbox = new DexieOutbox(sync, webs, reflections, { clock });
	await sync.turnOn('Gemeente Voorbeeld');
});

afterEach(() => {
	db.close();
});

/** A web completed now through the app's own path: the web and its item in one write. */
async function completeWeb(score: number): Promise<Web> {
	const web = await webs.create('nl');
	const answered = withAnswer(web, 'mentaal.vrolijk', score);
	const pending = webs.changeNow(
		answered,
		(w) => completed(w, now),
		(w) => [{ table: 'outbox', value: newOutboxItem(w.id, w.completedAt ?? now) }]
	);
	await pending?.saved;
	return pending!.value;
}

describe('DexieOutbox', () => {
	it('waits for the focus, then builds the summary from the web and its reflection as they are', async () => {
		const web = await completeWeb(7);
		expect(await outbox.peek(10)).toEqual([]);
		expect(await outbox.size()).toBe(1);

		// Chosen in the reflection after completion, and an area filled in meanwhile.
		await reflections.setFocus(web.id, { kind: 'dimension', dimensionId: 'zingeving' });
		await reflections.setNote(web.id, 'wish', 'Meer wandelen met mijn buurvrouw');
		await sync.setDetails({ area: '3581' });
		now += FOCUS_WAIT_MS;

		const [summary, ...rest] = await outbox.peek(10);
		expect(rest).toEqual([]);
		expect(summary).toEqual({
			uuid: (await sync.itemForWeb(web.id))?.uuid,
			questionSetId: 'volwassenen-v1',
			day: '2026-03-14',
			scores: {
				lichaamsfuncties: null,
				mentaal: 7,
				zingeving: null,
				kwaliteit: null,
				meedoen: null,
				dagelijks: null
			},
			focus: 'zingeving',
			context: 'self',
			area: '3581'
		});
	});

	it('is ready at once when the person left the web, and empty while consent is off', async () => {
		const web = await completeWeb(4);
		await sync.markReady(web.id);
		expect(await outbox.peek(10)).toHaveLength(1);

		await db.syncState.put({ ...(await sync.consent()), isOn: false });
		expect(await outbox.peek(10)).toEqual([]);
	});

	it('forgets the item of a web the person deleted, in the same transaction', async () => {
		const web = await completeWeb(4);
		await webs.delete(web.id);
		expect(await db.outbox.count()).toBe(0);
	});

	it('drops an item whose web is gone, sets aside one whose web is damaged, and sends the rest', async () => {
		const gone = await completeWeb(1);
		const damaged = await completeWeb(2);
		const fine = await completeWeb(3);
		await db.webs.delete(gone.id);
		await db.webs.put({ ...damaged, answers: { 'mentaal.vrolijk': 42 } });
		now += FOCUS_WAIT_MS;

		const summaries = await outbox.peek(10);
		expect(summaries.map((s) => s.scores.mentaal)).toEqual([3]);
		expect(await sync.itemForWeb(gone.id)).toBeUndefined();
		expect((await sync.status()).setAside).toEqual([
			expect.objectContaining({ reason: UNREADABLE })
		]);
		expect((await sync.itemForWeb(fine.id))?.uuid).toBe(summaries[0]?.uuid);
	});

	it('keeps the first of two items when all the first batch had to be set aside', async () => {
		const damaged = await completeWeb(2);
		await completeWeb(5);
		await db.webs.put({ ...damaged, answers: { 'mentaal.vrolijk': 42 } });
		now += FOCUS_WAIT_MS;
		expect((await outbox.peek(1)).map((s) => s.scores.mentaal)).toEqual([5]);
	});
});
