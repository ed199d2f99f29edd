// Exactly once under faults: 200 summaries through a network that loses requests and answers at
// random, three flushers (one per tab) contending over one device's outbox with no lock between
// them, on PostgreSQL against two app servers at once (on PGlite, its one server). The server must
// hold each summary exactly once, and the outbox must end empty with nothing set aside.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeSummary, register, storedUuids } from './support/api';
import { startServers, takeTurns, type RunningServer } from './support/app-server';
import { createStore, describeEachBackend, type TestStore } from './support/backends';
import { lossyNetwork } from './support/faulty-network';
import { flush, MemoryOutbox, type FlushStats } from './support/outbox';
import { PORTS } from './support/ports';
import { MIGRATIONS } from '../../src/lib/server/db/migrate';

const SUMMARIES = 200;
const FLUSHERS = 3;

describeEachBackend('Exactly once under faults', (backend) => {
	let store: TestStore;
	let servers: RunningServer[] = [];
	const port = PORTS.exactlyOnce + (backend === 'PGlite' ? 0 : 2);

	beforeAll(async () => {
		store = await createStore(backend, 'once');
		// On PostgreSQL both servers start at the same moment on an empty database: the migration
		// lock must let exactly one of them make the schema.
		const count = backend === 'PostgreSQL' ? 2 : 1;
		servers = await startServers(
			Array.from({ length: count }, (_, i) => store.serverOptions(port + i))
		);
	});

	afterAll(async () => {
		await Promise.all(servers.map((server) => server.stop()));
		await store?.remove();
	});

	it(`stores ${SUMMARIES} summaries exactly once through lost requests and answers, ${FLUSHERS} flushers contending`, async () => {
		const token = await register(servers[0]!.url);
		const outbox = new MemoryOutbox();
		const network = lossyNetwork();
		const nextServer = takeTurns(servers);
		const made = Array.from({ length: SUMMARIES }, () => makeSummary());

		// Webs are completed while the flushers run: twenty at a time.
		let added = 0;
		const producer = (async () => {
			while (added < SUMMARIES) {
				for (const summary of made.slice(added, added + 20)) outbox.add(summary);
				added = Math.min(added + 20, SUMMARIES);
				await new Promise((resolve) => setTimeout(resolve, 15));
			}
		})();

		const stats: FlushStats[] = await Promise.all(
			Array.from({ length: FLUSHERS }, () =>
				flush({
					outbox,
					token,
					fetch: network.fetch,
					baseUrl: nextServer,
					batchSize: () => 1 + Math.floor(Math.random() * 30),
					isDone: () => added >= SUMMARIES
				})
			)
		);
		await producer;

		expect(await outbox.size(), 'the outbox ends empty').toBe(0);
		expect([...outbox.setAsideItems], 'nothing was set aside').toEqual([]);
		// The faults did happen, and the server did see repeats of what it had stored.
		expect(network.counts.droppedBefore).toBeGreaterThan(0);
		expect(network.counts.droppedAfter).toBeGreaterThan(0);
		expect(stats.reduce((sum, s) => sum + s.alreadyStored, 0)).toBeGreaterThan(0);
		console.log(`Exactly once [${backend}]:`, network.counts, stats);
		// Every app server took part (their own request logs say so).
		for (const server of servers) expect(server.output()).toMatch(/POST \/api\/summaries 200/);

		await Promise.all(servers.map((server) => server.stop()));
		const db = await store.open();
		try {
			const stored = await storedUuids(db);
			expect(stored.length, 'each summary once').toBe(SUMMARIES);
			expect(new Set(stored)).toEqual(new Set(made.map((s) => s.uuid)));
			const { rows } = await db.query<{ name: string; n: number }>(
				'SELECT name, count(*)::int AS n FROM schema_migrations GROUP BY name ORDER BY name'
			);
			expect(rows).toEqual(MIGRATIONS.map((m) => ({ name: m.name, n: 1 })));
		} finally {
			await db.close();
		}
	});
});
