import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_NOTE_LENGTH, type Reflection } from '$lib/domain/reflection';
import { openDb, type SpinnenwebDb } from './db';
import { CorruptRecordError, RecordNotFoundError } from './errors';
import { ReflectionRepo } from './reflection-repo';
import { WebRepo, type CorruptRecordReport } from './web-repo';

let db: SpinnenwebDb;
let repo: ReflectionRepo;
let webs: WebRepo;
let reports: CorruptRecordReport[];
let time: number;
let webId: string;

beforeEach(async () => {
	const factory = new IDBFactory();
	globalThis.indexedDB = factory;
	Dexie.dependencies.indexedDB = factory;
	Dexie.dependencies.IDBKeyRange = IDBKeyRange;
	db = openDb();
	reports = [];
	time = 1_700_000_000_000;
	const clock = () => ++time;
	webs = new WebRepo(db, { clock });
	repo = new ReflectionRepo(db, { clock, onCorrupt: (report) => reports.push(report) });
	webId = (await webs.create('nl')).id;
});

afterEach(() => {
	db.close();
});

const DAMAGED_ID = 'c0ffee00-0000-4000-8000-0000000000aa';

/** A reflection as a bug or a damaged disk might leave it. */
function damaged(overrides: Record<string, unknown> = {}) {
	return {
		webId: DAMAGED_ID,
		createdAt: 1,
		updatedAt: 1,
		focus: { kind: 'dimension', dimensionId: 'geluk' },
		notes: { step: 'Wandelen' },
		stepDate: '2026-01-01',
		reminderDismissedAt: null,
		...overrides
	};
}

describe('reading', () => {
	it('finds no reflection for a new web', async () => {
		expect(await repo.lookup(webId)).toEqual({ status: 'missing' });
		expect(await repo.get(webId)).toBeUndefined();
	});

	it('makes one on the first change and reads it back', async () => {
		const stored = await repo.setNote(webId, 'energy', 'Mijn kleinkinderen');
		expect(stored).toEqual<Reflection>({
			webId,
			createdAt: stored.createdAt,
			updatedAt: stored.createdAt,
			focus: null,
			notes: { energy: 'Mijn kleinkinderen' },
			stepDate: null,
			reminderDismissedAt: null
		});
		expect(await repo.get(webId)).toEqual(stored);
	});

	it('skips a damaged record, reports it once without its values, and never throws', async () => {
		await db.reflections.add(damaged());
		expect(await repo.lookup(DAMAGED_ID)).toEqual({ status: 'corrupt', webId: DAMAGED_ID });
		expect(await repo.lookup(DAMAGED_ID)).toEqual({ status: 'corrupt', webId: DAMAGED_ID });
		const list = await repo.listWithStepDate();
		expect(list).toEqual({ reflections: [], corruptCount: 1 });
		expect(reports).toHaveLength(1);
		expect(reports[0]?.id).toBe(DAMAGED_ID);
		expect(JSON.stringify(reports)).not.toContain('Wandelen');
	});

	it('lists only reflections with a step date, next to a damaged one', async () => {
		const other = (await webs.create('nl')).id;
		await repo.setStepDate(webId, '2026-04-01');
		await repo.setNote(other, 'step', 'Bellen');
		await db.reflections.add(damaged());
		const list = await repo.listWithStepDate();
		expect(list.reflections.map((r) => r.webId)).toEqual([webId]);
		expect(list.corruptCount).toBe(1);
	});
});

describe('writing', () => {
	it('never overwrites a damaged record', async () => {
		await webs.create('nl');
		await db.reflections.add(damaged());
		const before = await db.reflections.get(DAMAGED_ID);
		await expect(repo.setNote(DAMAGED_ID, 'step', 'Nieuw')).rejects.toBeInstanceOf(
			CorruptRecordError
		);
		await expect(repo.setFocus(DAMAGED_ID, null)).rejects.toBeInstanceOf(CorruptRecordError);
		expect(await db.reflections.get(DAMAGED_ID)).toEqual(before);
	});

	it('makes no reflection for a web that is not there', async () => {
		await expect(
			repo.setNote('c0ffee00-0000-4000-8000-0000000000bb', 'step', 'x')
		).rejects.toBeInstanceOf(RecordNotFoundError);
		expect(await db.reflections.count()).toBe(0);
	});

	it('keeps every keystroke in order when many writes are in flight', async () => {
		const text = 'Elke ochtend een rondje lopen';
		await Promise.all(
			Array.from(text, (_, i) => repo.setNote(webId, 'step', text.slice(0, i + 1)))
		);
		expect((await repo.get(webId))?.notes.step).toBe(text);
	});

	it('stores spaces as typed and removes an emptied answer', async () => {
		await repo.setNote(webId, 'wish', 'Meer ');
		expect((await repo.get(webId))?.notes.wish).toBe('Meer ');
		await repo.setNote(webId, 'wish', '');
		expect((await repo.get(webId))?.notes).toEqual({});
	});

	it('cuts a note at the longest length instead of failing', async () => {
		await repo.setNote(webId, 'help', 'a'.repeat(MAX_NOTE_LENGTH + 50));
		expect((await repo.get(webId))?.notes.help).toHaveLength(MAX_NOTE_LENGTH);
	});

	it('writes nothing when nothing changes', async () => {
		const first = await repo.setFocus(webId, { kind: 'dimension', dimensionId: 'meedoen' });
		const second = await repo.setFocus(webId, { kind: 'dimension', dimensionId: 'meedoen' });
		expect(second.updatedAt).toBe(first.updatedAt);
	});

	it('refuses an aspect focus outside its dimension and keeps what was stored', async () => {
		await repo.setFocus(webId, { kind: 'dimension', dimensionId: 'meedoen' });
		await expect(
			repo.setFocus(webId, { kind: 'aspect', dimensionId: 'meedoen', aspectKey: 'mentaal.vrolijk' })
		).rejects.toThrow();
		expect((await repo.get(webId))?.focus).toEqual({ kind: 'dimension', dimensionId: 'meedoen' });
	});

	it('puts a reminder away, and a new date brings it back', async () => {
		await repo.setStepDate(webId, '2026-04-01');
		const dismissed = await repo.dismissReminder(webId, 123);
		expect(dismissed.reminderDismissedAt).toBe(123);
		const moved = await repo.setStepDate(webId, '2026-05-01');
		expect(moved).toMatchObject({ stepDate: '2026-05-01', reminderDismissedAt: null });
	});

	it('goes when its web is deleted', async () => {
		await repo.setNote(webId, 'step', 'Wandelen');
		await webs.delete(webId);
		expect(await repo.lookup(webId)).toEqual({ status: 'missing' });
	});

	it("deletes a damaged record on the person's own request", async () => {
		await db.reflections.add(damaged());
		await repo.delete(DAMAGED_ID);
		expect(await db.reflections.count()).toBe(0);
	});
});
