import { Dexie } from 'dexie';
import fc from 'fast-check';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { DIMENSION_IDS } from '$lib/domain/dimensions';
import { ADULT_V1, allAspectKeys, CURRENT_QUESTION_SET_ID } from '$lib/domain/question-set';
import { PREFER_NOT, WebSchema, type Answer } from '$lib/domain/web';
import { completed } from '$lib/domain/web-changes';
import { newOutboxItem } from '$lib/sync/summary';
import { openDb, type SpinnenwebDb } from './db';
import { CorruptRecordError, RecordNotFoundError } from './errors';
import { WebRepo, type CorruptRecordReport } from './web-repo';

const VROLIJK = 'mentaal.vrolijk';
const SLAPEN = 'lichaamsfuncties.slapen';
const ASPECT_KEYS = allAspectKeys(ADULT_V1);

let db: SpinnenwebDb;
let repo: WebRepo;
let reports: CorruptRecordReport[];
let time: number;

beforeEach(() => {
	// A fresh, empty IndexedDB per test. Dexie keeps its own reference, so set both.
	const factory = new IDBFactory();
	globalThis.indexedDB = factory;
	Dexie.dependencies.indexedDB = factory;
	Dexie.dependencies.IDBKeyRange = IDBKeyRange;
	db = openDb();
	reports = [];
	time = 1_700_000_000_000;
	// Each reading of the clock is one millisecond later, so every write has its own time.
	repo = new WebRepo(db, { clock: () => ++time, onCorrupt: (report) => reports.push(report) });
});

afterEach(() => {
	db.close();
});

/** A record as a bug or a damaged disk might leave it: the repository's reads must survive it. */
function junkWeb(overrides: Record<string, unknown> = {}) {
	return {
		id: 'c0ffee00-0000-4000-8000-000000000001',
		questionSetId: CURRENT_QUESTION_SET_ID,
		locale: 'nl',
		createdAt: 1_600_000_000_000,
		updatedAt: 1_800_000_000_000,
		completedAt: null,
		answers: { [VROLIJK]: 42 },
		talkAbout: [],
		position: { dimensionIndex: 0, aspectKey: null },
		...overrides
	};
}

describe('create and get', () => {
	it('creates an empty web at the start and reads it back', async () => {
		const web = await repo.create('nl', 1_234);

		expect(web.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(web).toEqual({
			id: web.id,
			questionSetId: CURRENT_QUESTION_SET_ID,
			locale: 'nl',
			createdAt: 1_234,
			updatedAt: 1_234,
			completedAt: null,
			answers: {},
			talkAbout: [],
			dimensionAnswers: {},
			position: { dimensionIndex: 0, aspectKey: null }
		});
		expect(WebSchema.safeParse(web).success).toBe(true);
		expect(await repo.get(web.id)).toEqual(web);
		expect(await repo.lookup(web.id)).toEqual({ status: 'found', web });
	});

	it('gives each web its own id', async () => {
		const [a, b] = await Promise.all([repo.create('nl'), repo.create('ar')]);
		expect(a.id).not.toBe(b.id);
	});

	it('tells a missing web apart', async () => {
		expect(await repo.get('3b241101-e2bb-4255-8caf-4136c566a962')).toBeUndefined();
		expect(await repo.lookup('3b241101-e2bb-4255-8caf-4136c566a962')).toEqual({
			status: 'missing'
		});
	});
});

describe('setAnswer', () => {
	it.each<{ name: string; answer: Answer }>([
		{ name: 'a score', answer: 7 },
		{ name: 'zero', answer: 0 },
		{ name: 'liever niet', answer: PREFER_NOT }
	])('stores $name', async ({ answer }) => {
		const { id } = await repo.create('nl', 1);

		const saved = await repo.setAnswer(id, VROLIJK, answer);

		expect(saved.answers).toEqual({ [VROLIJK]: answer });
		expect(saved.updatedAt).toBe(time);
		expect(await repo.get(id)).toEqual(saved);
	});

	it('makes an aspect open again with null', async () => {
		const { id } = await repo.create('nl');
		await repo.setAnswer(id, VROLIJK, 7);
		await repo.setAnswer(id, SLAPEN, 3);

		await repo.setAnswer(id, VROLIJK, null);

		expect((await repo.get(id))?.answers).toEqual({ [SLAPEN]: 3 });
	});

	it('does not write when nothing changes', async () => {
		const { id } = await repo.create('nl');
		const first = await repo.setAnswer(id, VROLIJK, 7);

		expect(await repo.setAnswer(id, VROLIJK, 7)).toEqual(first);
		expect(await repo.setAnswer(id, SLAPEN, null)).toEqual(first);
		expect(await repo.get(id)).toEqual(first);
	});

	it('keeps both of two changes made at once', async () => {
		const { id } = await repo.create('nl');

		await Promise.all([repo.setAnswer(id, VROLIJK, 8), repo.setAnswer(id, SLAPEN, 2)]);

		expect((await repo.get(id))?.answers).toEqual({ [VROLIJK]: 8, [SLAPEN]: 2 });
	});

	it('keeps the last of quick changes to one aspect', async () => {
		const { id } = await repo.create('nl');

		await Promise.all([1, 2, 3, 4, 5].map((score) => repo.setAnswer(id, VROLIJK, score)));

		expect((await repo.get(id))?.answers).toEqual({ [VROLIJK]: 5 });
	});

	it('refuses a bad value and keeps what was stored', async () => {
		const { id } = await repo.create('nl');
		const before = await repo.setAnswer(id, VROLIJK, 7);

		await expect(repo.setAnswer(id, VROLIJK, 42)).rejects.toBeInstanceOf(z.core.$ZodError);
		await expect(repo.setAnswer(id, 'mentaal.bestaat-niet', 5)).rejects.toBeInstanceOf(RangeError);
		expect(await repo.get(id)).toEqual(before);
	});

	it('says so when the web is gone', async () => {
		await expect(
			repo.setAnswer('3b241101-e2bb-4255-8caf-4136c566a962', VROLIJK, 5)
		).rejects.toBeInstanceOf(RecordNotFoundError);
	});

	it('leaves the stored answers equal to the last write per aspect', async () => {
		const write = fc.record({
			key: fc.constantFrom(...ASPECT_KEYS.slice(0, 6)),
			answer: fc.option(fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(PREFER_NOT)), {
				nil: null
			})
		});
		await fc.assert(
			fc.asyncProperty(
				fc.array(write, { maxLength: 25 }),
				fc.boolean(),
				async (writes, isAtOnce) => {
					const { id } = await repo.create('nl');
					const model = new Map<string, Answer>();
					for (const { key, answer } of writes) {
						if (answer === null) model.delete(key);
						else model.set(key, answer);
					}

					if (isAtOnce) {
						// Like a slider whose changes nobody awaits: calls still apply in order.
						await Promise.all(writes.map(({ key, answer }) => repo.setAnswer(id, key, answer)));
					} else {
						for (const { key, answer } of writes) await repo.setAnswer(id, key, answer);
					}

					expect((await repo.get(id))?.answers).toEqual(Object.fromEntries(model));
				}
			),
			{ numRuns: 60 }
		);
		// Sixty small databases, each written up to 25 times: seconds on a busy machine.
	}, 30_000);
});

describe('setTalkAbout', () => {
	it('flags and unflags, and doing either twice changes nothing', async () => {
		const { id } = await repo.create('nl');

		const flagged = await repo.setTalkAbout(id, VROLIJK, true);
		expect(await repo.setTalkAbout(id, VROLIJK, true)).toEqual(flagged);
		expect(flagged.talkAbout).toEqual([VROLIJK]);

		await repo.setTalkAbout(id, SLAPEN, true);
		await repo.setTalkAbout(id, VROLIJK, false);
		const unflagged = await repo.setTalkAbout(id, VROLIJK, false);

		expect(unflagged.talkAbout).toEqual([SLAPEN]);
		expect(await repo.get(id)).toEqual(unflagged);
	});
});

describe('setDimensionAnswer', () => {
	it('stores one score for a whole dimension, changes it, and takes it back', async () => {
		const { id } = await repo.create('nl');
		await repo.setAnswer(id, VROLIJK, 3);

		const scored = await repo.setDimensionAnswer(id, 'mentaal', 8);
		expect(scored.dimensionAnswers).toEqual({ mentaal: 8 });
		// The aspect's own answer stays: taking the direct score back shows it again.
		expect(scored.answers).toEqual({ [VROLIJK]: 3 });
		expect(await repo.setDimensionAnswer(id, 'mentaal', 8)).toEqual(scored);

		await repo.setDimensionAnswer(id, 'meedoen', 0);
		expect((await repo.get(id))?.dimensionAnswers).toEqual({ mentaal: 8, meedoen: 0 });

		const cleared = await repo.setDimensionAnswer(id, 'mentaal', null);
		expect(cleared.dimensionAnswers).toEqual({ meedoen: 0 });
		expect(await repo.setDimensionAnswer(id, 'mentaal', null)).toEqual(cleared);
	});

	it('refuses a score outside 0–10 and keeps what was stored', async () => {
		const { id } = await repo.create('nl');
		await repo.setDimensionAnswer(id, 'mentaal', 5);
		await expect(repo.setDimensionAnswer(id, 'mentaal', 11)).rejects.toBeInstanceOf(
			z.core.$ZodError
		);
		expect((await repo.get(id))?.dimensionAnswers).toEqual({ mentaal: 5 });
	});

	it('reads a web stored before whole-dimension scores existed, and scores it', async () => {
		const old = junkWeb({ answers: { [VROLIJK]: 7 } });
		await db.webs.add(old);

		expect((await repo.get(old.id))?.dimensionAnswers).toEqual({});
		const scored = await repo.setDimensionAnswer(old.id, 'zingeving', 4);
		expect(scored.dimensionAnswers).toEqual({ zingeving: 4 });
		expect(scored.answers).toEqual({ [VROLIJK]: 7 });
		expect(reports).toEqual([]);
	});
});

describe('setPosition', () => {
	it('saves where the person is', async () => {
		const { id } = await repo.create('nl');
		const position = { dimensionIndex: DIMENSION_IDS.indexOf('mentaal'), aspectKey: VROLIJK };

		await repo.setPosition(id, position);

		expect((await repo.get(id))?.position).toEqual(position);
	});

	it('refuses a position past the last dimension', async () => {
		const { id } = await repo.create('nl');
		await expect(
			repo.setPosition(id, { dimensionIndex: DIMENSION_IDS.length, aspectKey: null })
		).rejects.toBeInstanceOf(z.core.$ZodError);
	});
});

describe('complete and delete', () => {
	it('finishes a web once and keeps the first time', async () => {
		const { id } = await repo.create('nl', 1);

		const done = await repo.complete(id, 50);
		await repo.complete(id, 60);

		expect(done).toMatchObject({ completedAt: 50, updatedAt: 50 });
		expect(await repo.get(id)).toEqual(done);
	});

	it('deletes a web', async () => {
		const { id } = await repo.create('nl');
		await repo.delete(id);
		expect(await repo.lookup(id)).toEqual({ status: 'missing' });
	});

	it('stores a completion and the records that go with it in one transaction, or neither', async () => {
		const web = await repo.create('nl');
		const item = newOutboxItem(web.id, 1_800_000_000_000);
		const done = repo.changeNow(
			web,
			(w) => completed(w, 1_800_000_000_000),
			(next, before) => {
				expect(before.completedAt).toBeNull();
				expect(next.completedAt).toBe(1_800_000_000_000);
				return [{ table: 'outbox', value: item }];
			}
		);
		await done?.saved;
		expect((await repo.get(web.id))?.completedAt).toBe(1_800_000_000_000);
		expect(await db.outbox.get(item.uuid)).toEqual(item);

		// A record the outbox cannot take (no key) undoes the completion with it.
		const other = await repo.create('nl');
		const failed = repo.changeNow(
			other,
			(w) => completed(w, 1_800_000_000_000),
			() => [{ table: 'outbox', value: { webId: other.id } }]
		);
		await expect(failed?.saved).rejects.toThrow();
		expect((await repo.get(other.id))?.completedAt).toBeNull();
		expect(await db.outbox.count()).toBe(1);
	});

	it('deletes the outbox item of a web with it: a deleted web is not summarised', async () => {
		const web = await repo.create('nl');
		const item = newOutboxItem(web.id, 1_800_000_000_000);
		await db.outbox.bulkPut([item, newOutboxItem(crypto.randomUUID(), 1_800_000_000_000)]);
		await repo.delete(web.id);
		expect(await db.outbox.get(item.uuid)).toBeUndefined();
		expect(await db.outbox.count()).toBe(1);
	});
});

describe('latestUnfinished', () => {
	it('picks the most recently changed web that is not finished', async () => {
		expect(await repo.latestUnfinished()).toBeUndefined();

		const older = await repo.create('nl');
		const wanted = await repo.create('nl');
		const finished = await repo.create('nl');
		await repo.setAnswer(wanted.id, VROLIJK, 6);
		await repo.complete(finished.id);
		await db.webs.put(junkWeb()); // unfinished and changed last, but damaged

		expect((await repo.latestUnfinished())?.id).toBe(wanted.id);
		await repo.setPosition(older.id, { dimensionIndex: 2, aspectKey: null });
		expect((await repo.latestUnfinished())?.id).toBe(older.id);
	});
});

describe('latestCompletedBefore', () => {
	it('finds the newest finished web begun earlier, past unfinished and damaged ones', async () => {
		const oldest = await repo.create('nl', 1_000);
		const wanted = await repo.create('nl', 2_000);
		await repo.create('nl', 3_000); // unfinished
		await db.webs.put(junkWeb({ createdAt: 3_500, completedAt: 3_600 }));
		const current = await repo.create('nl', 4_000);
		const later = await repo.create('nl', 5_000);
		for (const web of [oldest, wanted, current, later]) await repo.complete(web.id);

		expect((await repo.latestCompletedBefore(current.createdAt))?.id).toBe(wanted.id);
		expect((await repo.latestCompletedBefore(wanted.createdAt))?.id).toBe(oldest.id);
		expect(await repo.latestCompletedBefore(oldest.createdAt)).toBeUndefined();
	});
});

describe('list', () => {
	it('lists newest first as light rows', async () => {
		const first = await repo.create('nl', 100);
		const second = await repo.create('nl', 300);
		const third = await repo.create('nl', 200);
		await repo.setAnswer(first.id, VROLIJK, 4);
		await repo.setDimensionAnswer(first.id, 'meedoen', 6);

		const { webs, corruptCount } = await repo.list();

		expect(webs.map((w) => w.id)).toEqual([second.id, third.id, first.id]);
		expect(corruptCount).toBe(0);
		expect(webs[2]).toEqual({
			id: first.id,
			createdAt: 100,
			updatedAt: time,
			completedAt: null,
			questionSetId: CURRENT_QUESTION_SET_ID,
			answers: { [VROLIJK]: 4 },
			dimensionAnswers: { meedoen: 6 }
		});
	});

	it('pages in the same order, ties included', async () => {
		for (const createdAt of [5, 9, 9, 9, 1, 7, 9]) await repo.create('nl', createdAt);

		const all = await repo.list();
		const pages = await Promise.all([0, 3, 6].map((offset) => repo.listPage(offset, 3)));

		expect(pages.map((p) => p.webs.length)).toEqual([3, 3, 1]);
		expect(pages.flatMap((p) => p.webs)).toEqual(all.webs);
	});
});

describe('a damaged record', () => {
	it.each([
		{ name: 'a score of 42', junk: junkWeb() },
		{ name: 'missing fields', junk: { id: junkWeb().id, answers: {} } },
		{ name: 'an id that is no UUID', junk: junkWeb({ id: 'web-1', answers: {} }) }
	])('with $name is skipped while the others load', async ({ junk }) => {
		const good = await repo.create('nl', 10);
		await repo.create('nl', 20);
		await db.webs.put(junk);

		const { webs, corruptCount } = await repo.list();

		expect(corruptCount).toBe(1);
		expect(webs).toHaveLength(2);
		expect(await repo.get(junk.id)).toBeUndefined();
		expect(await repo.lookup(junk.id)).toEqual({ status: 'corrupt', id: junk.id });
		expect(await repo.get(good.id)).toEqual(good);
		expect(reports.map((r) => r.id)).toEqual([junk.id]);
		expect(reports[0]?.issues.length).toBeGreaterThan(0);
	});

	it('is never written over', async () => {
		const junk = junkWeb();
		await db.webs.put(junk);

		await expect(repo.setAnswer(junk.id, VROLIJK, 5)).rejects.toBeInstanceOf(CorruptRecordError);
		await expect(repo.setTalkAbout(junk.id, VROLIJK, true)).rejects.toBeInstanceOf(
			CorruptRecordError
		);
		await expect(
			repo.setPosition(junk.id, { dimensionIndex: 1, aspectKey: null })
		).rejects.toBeInstanceOf(CorruptRecordError);
		await expect(repo.complete(junk.id)).rejects.toMatchObject({
			name: 'CorruptRecordError',
			id: junk.id,
			issues: [`answers.${VROLIJK}: too_big (<= 10)`]
		});

		expect(await db.webs.get(junk.id)).toEqual(junk);
	});

	it('is reported once, without its values', async () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		const quiet = new WebRepo(db);
		await db.webs.put(junkWeb());

		await quiet.list();
		await quiet.list();

		expect(warn).toHaveBeenCalledOnce();
		expect(String(warn.mock.calls[0]?.[0])).not.toContain('42');
		warn.mockRestore();
	});

	it('can still be deleted by the person', async () => {
		await db.webs.put(junkWeb());
		await repo.delete(junkWeb().id);
		expect(await db.webs.count()).toBe(0);
	});
});

describe('webs of conversations with clients', () => {
	const CLIENT_ID = '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a';

	/** A conversation's web, stored as ConversationRepo.startWeb stores it. */
	async function clientWeb(createdAt: number, completedAt: number | null = null) {
		const web = WebSchema.parse({
			...junkWeb({ answers: {} }),
			id: crypto.randomUUID(),
			createdAt,
			updatedAt: createdAt + 1_000_000_000,
			completedAt,
			clientId: CLIENT_ID
		});
		await db.webs.add(web);
		return web;
	}

	it('never show in the person’s own history, resume, comparison or pages', async () => {
		const own = await repo.create('nl', 1_000);
		await repo.complete(own.id);
		const openOwn = await repo.create('nl', 2_000);
		const unfinished = await clientWeb(3_000);
		const finished = await clientWeb(2_500, 2_600);

		expect((await repo.list()).webs.map((w) => w.id)).toEqual([openOwn.id, own.id]);
		expect((await repo.listPage(0, 1)).webs.map((w) => w.id)).toEqual([openOwn.id]);
		expect((await repo.listPage(1, 5)).webs.map((w) => w.id)).toEqual([own.id]);
		// The client's unfinished web was changed last, yet "verder waar je was" is the person's own.
		expect((await repo.latestUnfinished())?.id).toBe(openOwn.id);
		expect((await repo.latestCompletedBefore(5_000))?.id).toBe(own.id);
		// Opened by id (from its conversation), it reads as any web.
		expect(await repo.get(unfinished.id)).toEqual(unfinished);
		expect((await repo.listForClient(CLIENT_ID)).webs).toEqual([unfinished, finished]);
		expect((await repo.listForClient(crypto.randomUUID())).webs).toEqual([]);
	});

	it('are made without a clientId on the person’s own side', async () => {
		const web = await repo.create('nl');
		expect('clientId' in web).toBe(false);
		expect(await db.webs.where('clientId').equals(CLIENT_ID).count()).toBe(0);
	});
});
