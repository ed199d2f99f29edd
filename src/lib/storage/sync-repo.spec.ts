import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONSENT_OFF, type OutboxItem } from '$lib/sync/records';
import { openDb, type SpinnenwebDb } from './db';
import { SyncRepo } from './sync-repo';
import type { CorruptRecordReport } from './web-repo';

let db: SpinnenwebDb;
let repo: SyncRepo;
let reports: CorruptRecordReport[];
let now: number;

beforeEach(() => {
	const factory = new IDBFactory();
	globalThis.indexedDB = factory;
	Dexie.dependencies.indexedDB = factory;
	Dexie.dependencies.IDBKeyRange = IDBKeyRange;
	db = openDb();
	reports = [];
	now = 1_750_000_000_000;
	repo = new SyncRepo(db, { clock: () => now, onCorrupt: (report) => reports.push(report) });
});

afterEach(() => {
	db.close();
});

function item(n: number, overrides: Partial<OutboxItem> = {}): OutboxItem {
	return {
		uuid: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
		webId: `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
		completedAt: 1_700_000_000_000 + n,
		readyAt: 1_700_000_000_000 + n,
		setAside: null,
		...overrides
	};
}

describe('consent', () => {
	it('is off on a new device, and off when its record is damaged', async () => {
		expect(await repo.consent()).toEqual(CONSENT_OFF);
		await db.syncState.put({ key: 'consent', isOn: 'yes please' });
		expect((await repo.consent()).isOn).toBe(false);
		expect(reports.map((r) => r.id)).toEqual(['consent']);
		expect((await repo.read()).isOn).toBe(false);
	});

	it('is on once the person says yes, with the host named then, and keeps the details', async () => {
		await repo.setDetails({ area: '3581', ageBand: '30-44' });
		await repo.turnOn('Gemeente Voorbeeld');
		expect(await repo.consent()).toEqual({
			key: 'consent',
			isOn: true,
			changedAt: now,
			hostName: 'Gemeente Voorbeeld',
			area: '3581',
			ageBand: '30-44'
		});
		await repo.setDetails({ area: null });
		expect(await repo.consent()).not.toHaveProperty('area');
		expect((await repo.consent()).ageBand).toBe('30-44');
	});

	it('refuses an area or age band the protocol would refuse, and keeps what was there', async () => {
		await repo.setDetails({ area: '3581' });
		await expect(repo.setDetails({ area: '0123' })).rejects.toThrow();
		await expect(repo.setDetails({ area: '3581 AB' })).rejects.toThrow();
		expect((await repo.consent()).area).toBe('3581');
	});
});

describe('withdrawing', () => {
	it('turns consent off, forgets the details, empties the outbox and waits for the server, at once', async () => {
		await repo.turnOn('Gemeente Voorbeeld');
		await repo.setDetails({ area: '3581', ageBand: '65-79' });
		await db.outbox.bulkPut([item(1), item(2, { setAside: { reason: 'invalid_body', at: 5 } })]);
		await repo.saveToken('a-token-of-enough-length');

		now += 1000;
		await repo.withdraw();

		expect(await repo.consent()).toEqual({
			key: 'consent',
			isOn: false,
			changedAt: now,
			hostName: 'Gemeente Voorbeeld'
		});
		expect(await db.outbox.count()).toBe(0);
		const state = await repo.read();
		expect(state).toMatchObject({ isOn: false, isWithdrawing: true });
		// The token stays until the server confirmed: it is what the delete needs.
		expect(state.token).toBe('a-token-of-enough-length');
		expect((await repo.status()).withdrawal).toEqual({
			key: 'withdrawal',
			status: 'pending',
			requestedAt: now,
			doneAt: null,
			deleted: null
		});
	});

	it('is pending even with no token: only the flusher, under its lock, may call it done', async () => {
		await repo.withdraw();
		expect((await repo.read()).isWithdrawing).toBe(true);
	});

	it('is done once the server confirmed, and the token is forgotten', async () => {
		await repo.saveToken('a-token-of-enough-length');
		await repo.withdraw();
		now += 5000;
		await repo.finishWithdrawal(3);
		expect(await repo.read()).toEqual({
			isOn: false,
			token: null,
			isWithdrawing: false,
			retry: null
		});
		expect((await repo.status()).withdrawal).toMatchObject({
			status: 'done',
			doneAt: now,
			deleted: 3
		});
	});
});

describe('the device token', () => {
	it('keeps the first token a tab stored when two tabs register at once', async () => {
		expect(await repo.saveToken('first-token-from-tab-a')).toBe('first-token-from-tab-a');
		expect(await repo.saveToken('second-token-from-tab-b')).toBe('first-token-from-tab-a');
		expect((await repo.read()).token).toBe('first-token-from-tab-a');
	});

	it('forgets a refused token only if it is still the stored one', async () => {
		await repo.saveToken('first-token-from-tab-a');
		await repo.forgetToken('some-older-token-value');
		expect((await repo.read()).token).toBe('first-token-from-tab-a');
		await repo.forgetToken('first-token-from-tab-a');
		expect((await repo.read()).token).toBeNull();
	});
});

describe('the outbox', () => {
	it('gives ready items oldest first, only while consent is on', async () => {
		await db.outbox.bulkPut([
			item(3),
			item(1),
			item(2, { readyAt: now + 60_000 }),
			item(4, { setAside: { reason: 'invalid_body', at: 1 } })
		]);
		expect((await repo.readyItems(10)).items).toEqual([]);
		await repo.turnOn(null);
		expect((await repo.readyItems(10)).items.map((i) => i.uuid)).toEqual([
			item(1).uuid,
			item(3).uuid
		]);
		expect((await repo.readyItems(1)).items.map((i) => i.uuid)).toEqual([item(1).uuid]);
		expect(await repo.size()).toBe(3);
		expect(await repo.nextReadyAt()).toBe(now + 60_000);
	});

	it('makes a web ready when the person leaves its screens, once', async () => {
		await db.outbox.put(item(1, { readyAt: now + 60_000 }));
		expect(await repo.markReady(item(1).webId)).toBe(true);
		expect((await repo.itemForWeb(item(1).webId))?.readyAt).toBe(now);
		expect(await repo.markReady(item(1).webId)).toBe(false);
		expect(await repo.markReady('20000000-0000-4000-8000-000000000000')).toBe(false);
	});

	it('sets an item aside with its reason and puts it back on request', async () => {
		await db.outbox.bulkPut([item(1), item(2)]);
		await repo.setAside(item(1).uuid, 'invalid_body');
		const status = await repo.status();
		expect(status.waiting).toBe(1);
		expect(status.setAside).toEqual([
			{ uuid: item(1).uuid, completedAt: item(1).completedAt, reason: 'invalid_body', at: now }
		]);

		now += 10;
		expect(await repo.putBack()).toBe(1);
		expect((await repo.status()).setAside).toEqual([]);
		expect((await repo.itemForWeb(item(1).webId))?.readyAt).toBe(now);
	});

	it('removes exactly what it is told, and leaves a damaged item as it is, counted', async () => {
		await db.outbox.bulkPut([item(1), item(2), { uuid: 'junk', webId: 7 }]);
		await repo.remove([item(1).uuid, 'ffffffff-0000-4000-8000-000000000000']);
		const status = await repo.status();
		expect(status.waiting).toBe(1);
		expect(status.unreadable).toBe(1);
		await repo.setAside('junk', 'invalid_body');
		expect(await db.outbox.get('junk')).toEqual({ uuid: 'junk', webId: 7 });
	});
});

describe('the retry schedule', () => {
	it('is shared through the database and cleared after a success', async () => {
		await repo.saveRetry({ failures: 2, notBefore: now + 9000, kind: 'rate-limited' });
		expect((await new SyncRepo(db).read()).retry).toEqual({
			failures: 2,
			notBefore: now + 9000,
			kind: 'rate-limited'
		});
		await repo.saveRetry(null);
		expect((await repo.read()).retry).toBeNull();
	});
});
