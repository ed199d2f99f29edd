// Exactly once through the app's own sync code: the same faults as exactly-once.spec.ts (requests
// and answers lost at random, 200 summaries, two app servers on one PostgreSQL), but the outbox is
// the real one in IndexedDB (fake-indexeddb), filled by the real completion write (the web and its
// outbox item in one transaction), and three tabs' real Flushers contend for it, each on its own
// database connection, one at a time under a shared lock as Web Locks grants it. Registration is
// lazy and lossy too: an answer lost after the server made a device means a second device.
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADULT_V1, allAspectKeys } from '../../src/lib/domain/question-set';
import { completed, withAnswer } from '../../src/lib/domain/web-changes';
import { openDb, type SpinnenwebDb } from '../../src/lib/storage/db';
import { ReflectionRepo } from '../../src/lib/storage/reflection-repo';
import { SyncRepo } from '../../src/lib/storage/sync-repo';
import { WebRepo } from '../../src/lib/storage/web-repo';
import { SyncClient } from '../../src/lib/sync/client';
import { Flusher } from '../../src/lib/sync/flusher';
import { DexieOutbox } from '../../src/lib/sync/outbox';
import { newOutboxItem } from '../../src/lib/sync/summary';
import { MemoryLocks } from '../../src/lib/sync/testing/memory-sync';
import { storedUuids } from './support/api';
import { startServers, takeTurns, type RunningServer } from './support/app-server';
import { createStore, describeEachBackend, type TestStore } from './support/backends';
import { lossyNetwork } from './support/faulty-network';
import { PORTS } from './support/ports';

const SUMMARIES = 200;
const TABS = 3;
// Some answers in every dimension, so the summaries carry scores.
const ASPECTS = allAspectKeys(ADULT_V1).filter((_, i) => i % 5 === 0);
// Items wait up to an hour for their focus; the flushers' clock is past that.
const LATER = 2 * 60 * 60 * 1000;

describeEachBackend('Exactly once through the app outbox', (backend) => {
	let store: TestStore;
	let servers: RunningServer[] = [];
	const port = PORTS.exactlyOnceClient + (backend === 'PGlite' ? 0 : 2);
	const connections: SpinnenwebDb[] = [];

	beforeAll(async () => {
		const factory = new IDBFactory();
		Dexie.dependencies.indexedDB = factory;
		Dexie.dependencies.IDBKeyRange = IDBKeyRange;
		store = await createStore(backend, 'once-client');
		const count = backend === 'PostgreSQL' ? 2 : 1;
		servers = await startServers(
			Array.from({ length: count }, (_, i) => store.serverOptions(port + i))
		);
	});

	afterAll(async () => {
		for (const db of connections) db.close();
		await Promise.all(servers.map((server) => server.stop()));
		await store?.remove();
	});

	it(`stores ${SUMMARIES} summaries exactly once, ${TABS} tabs' flushers on one outbox, and every outbox ends empty`, async () => {
		const network = lossyNetwork();
		const nextServer = takeTurns(servers);
		const locks = new MemoryLocks();
		const tabs = Array.from({ length: TABS }, () => {
			const db = openDb('exactly-once');
			connections.push(db);
			const sync = new SyncRepo(db);
			const webs = new WebRepo(db);
			const outbox = new DexieOutbox(sync, webs, new ReflectionRepo(db), {
				clock: () => Date.now() + LATER
			});
			const flusher = new Flusher({
				outbox,
				device: sync,
				client: new SyncClient({
					fetch: network.fetch,
					baseUrl: nextServer
				}),
				locks,
				// Short pauses, so the test ends; the schedule itself is tested in backoff.spec.ts.
				backoff: { baseMs: 5, capMs: 40 },
				batchSize: () => 1 + Math.floor(Math.random() * 30)
			});
			return { db, sync, webs, flusher };
		});
		const first = tabs[0]!;
		await first.db.open();
		await first.sync.turnOn(null);

		// Webs are completed in the first tab while all three flush, twenty at a time, through
		// the same write the screen uses: the web and its outbox item in one transaction.
		const made: string[] = [];
		let isProducing = true;
		const producer = (async () => {
			while (made.length < SUMMARIES) {
				for (let i = 0; i < 20 && made.length < SUMMARIES; i++) {
					let web = await first.webs.create('nl');
					for (const key of ASPECTS) web = withAnswer(web, key, Math.floor(Math.random() * 11));
					const write = first.webs.changeNow(
						web,
						(w) => completed(w, Date.now()),
						(next) => {
							const item = newOutboxItem(next.id, next.completedAt ?? Date.now());
							made.push(item.uuid);
							return [{ table: 'outbox', value: item }];
						}
					);
					await write?.saved;
				}
				await new Promise((resolve) => setTimeout(resolve, 15));
			}
			isProducing = false;
		})();

		const passes = await Promise.all(
			tabs.map(async ({ flusher, sync }) => {
				let count = 0;
				for (;;) {
					const result = await flusher.flush('timer');
					count++;
					if (result.kind === 'retry') {
						await new Promise((resolve) =>
							setTimeout(resolve, Math.max(0, result.at - Date.now()))
						);
						continue;
					}
					if (!isProducing && (await sync.size()) === 0) return count;
					await new Promise((resolve) => setTimeout(resolve, 5));
				}
			})
		);
		await producer;

		const status = await first.sync.status();
		expect(status.waiting, 'the outbox ends empty').toBe(0);
		expect(status.setAside, 'nothing was set aside').toEqual([]);
		for (const tab of tabs) expect(await tab.db.outbox.count()).toBe(0);
		expect(locks.maxHeld, 'one flusher at a time').toBe(1);
		expect(network.counts.droppedBefore).toBeGreaterThan(0);
		expect(network.counts.droppedAfter).toBeGreaterThan(0);
		const stats = tabs.map((tab) => tab.flusher.stats);
		expect(stats.reduce((sum, s) => sum + s.alreadyStored, 0)).toBeGreaterThan(0);
		for (const server of servers) expect(server.output()).toMatch(/POST \/api\/summaries 200/);
		console.log(`Exactly once through the app outbox [${backend}]:`, network.counts, {
			passes,
			stats
		});

		await Promise.all(servers.map((server) => server.stop()));
		const db = await store.open();
		try {
			const stored = await storedUuids(db);
			expect(stored.length, 'each summary once').toBe(SUMMARIES);
			expect(new Set(stored)).toEqual(new Set(made));
		} finally {
			await db.close();
		}
	});
});
