// The summary cube (migration 0003) is what the dashboard reads instead of the summaries. It must
// be, at every moment, exactly the GROUP BY over the summaries it stands for: after batches (with
// uuids sent twice), a device deleting what it sent, a device or a team deleted (cascades), a
// transaction rolled back, concurrent writers, and for summaries stored before the migration.
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DIMENSION_IDS } from '../../src/lib/domain/dimensions';
import type { Summary } from '../../src/lib/sync/protocol';
import { CUBE_SQL } from '../../src/lib/server/aggregates/cube-query';
import type { Database } from '../../src/lib/server/db/database';
import { migrate, MIGRATIONS } from '../../src/lib/server/db/migrate';
import { openPglite } from '../../src/lib/server/db/pglite';
import { openPostgres } from '../../src/lib/server/db/postgres';
import { deleteDeviceSummaries, receiveSummaries } from '../../src/lib/server/summaries/summaries';
import { createTeam, deleteTeam } from '../../src/lib/server/teams/teams';
import { createStore, describeEachBackend, type TestStore } from './support/backends';

// The dashboard's query as it was before the cube: every summary of the range, grouped.
const FRESH_SQL = `SELECT to_char(day, 'YYYY-MM') AS month, area, team_id::text AS team, context,
	count(*)::int AS n,
	${DIMENSION_IDS.map(
		(d) => `count(score_${d})::int AS answered_${d},
		coalesce(sum(score_${d} * 10), 0)::int8::text AS tenths_${d}`
	).join(',\n\t')}
FROM summaries
WHERE day >= $1::date AND day < $2::date
GROUP BY 1, 2, 3, 4`;

const EVERY_DAY = ['2000-01-01', '2100-01-01'];

function sorted(rows: readonly Record<string, unknown>[]): string[] {
	return rows.map((row) => JSON.stringify(row, Object.keys(row).sort())).sort();
}

/** The cube as the dashboard reads it, and the summaries grouped afresh: they must be equal. */
async function expectCubeMatches(db: Database): Promise<void> {
	const [cube, fresh, empty] = await Promise.all([
		db.query(CUBE_SQL, EVERY_DAY),
		db.query(FRESH_SQL, EVERY_DAY),
		db.query<{ n: number }>('SELECT count(*)::int AS n FROM summary_cube WHERE n <= 0')
	]);
	expect(sorted(cube.rows)).toEqual(sorted(fresh.rows));
	expect(empty.rows[0]?.n).toBe(0);
}

/** The engine without migrating it: the backfill test stops before the cube's migration. */
function openUnmigrated(store: TestStore): Promise<Database> {
	const options = store.serverOptions(0);
	return options.databaseUrl
		? openPostgres(options.databaseUrl, 4)
		: openPglite(options.dataDir ?? '');
}

const score = fc.option(
	fc.integer({ min: 0, max: 100 }).map((tenths) => tenths / 10),
	{ freq: 6 }
);
const summaryArbitrary: fc.Arbitrary<Summary> = fc.record({
	uuid: fc.constant('').map(() => randomUUID()),
	questionSetId: fc.constant('volwassenen-v1'),
	// Around a year's and a month's end, so month boundaries are crossed.
	day: fc
		.integer({ min: 0, max: 120 })
		.map((i) => new Date(Date.UTC(2025, 10, 15) + i * 86_400_000).toISOString().slice(0, 10)),
	scores: fc.record(
		Object.fromEntries(DIMENSION_IDS.map((d) => [d, score])) as Record<
			(typeof DIMENSION_IDS)[number],
			typeof score
		>
	),
	focus: fc.constant(null),
	context: fc.constantFrom('self' as const, 'conversation' as const),
	area: fc.constantFrom('1011', '1012', '3581', undefined)
});

type Step =
	| { kind: 'team' }
	| { kind: 'device'; team: number | null }
	| { kind: 'batch'; device: number; summaries: Summary[]; resend: number }
	| { kind: 'rolled-back batch'; device: number; summaries: Summary[] }
	| { kind: 'withdraw'; device: number }
	| { kind: 'delete device'; device: number }
	| { kind: 'delete team'; team: number };

const index = fc.nat({ max: 7 });
const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
	{ arbitrary: fc.constant({ kind: 'team' as const }), weight: 1 },
	{
		arbitrary: fc.record({ kind: fc.constant('device' as const), team: fc.option(index) }),
		weight: 2
	},
	{
		arbitrary: fc.record({
			kind: fc.constant('batch' as const),
			device: index,
			summaries: fc.array(summaryArbitrary, { minLength: 1, maxLength: 40 }),
			resend: fc.nat({ max: 5 })
		}),
		weight: 6
	},
	{
		arbitrary: fc.record({
			kind: fc.constant('rolled-back batch' as const),
			device: index,
			summaries: fc.array(summaryArbitrary, { minLength: 1, maxLength: 10 })
		}),
		weight: 1
	},
	{ arbitrary: fc.record({ kind: fc.constant('withdraw' as const), device: index }), weight: 1 },
	{
		arbitrary: fc.record({ kind: fc.constant('delete device' as const), device: index }),
		weight: 1
	},
	{ arbitrary: fc.record({ kind: fc.constant('delete team' as const), team: index }), weight: 1 }
);

interface World {
	teams: { id: string; name: string }[];
	devices: { id: string; teamId: string | null }[];
	sent: Summary[];
}

function pick<T>(items: readonly T[], i: number): T | undefined {
	return items.length === 0 ? undefined : items[i % items.length];
}

class Rollback extends Error {}

async function apply(db: Database, world: World, step: Step): Promise<void> {
	switch (step.kind) {
		case 'team': {
			const name = `Team ${randomUUID().slice(0, 8)}`;
			await createTeam(db, name);
			const { rows } = await db.query<{ id: string }>(
				'SELECT id::text AS id FROM teams WHERE name = $1',
				[name]
			);
			world.teams.push({ id: rows[0]?.id ?? '', name });
			return;
		}
		case 'device': {
			const team = step.team === null ? null : (pick(world.teams, step.team)?.id ?? null);
			const { rows } = await db.query<{ id: string }>(
				`INSERT INTO devices (token_hash, team_id) VALUES (sha256($1::bytea), $2)
				RETURNING id::text AS id`,
				[Buffer.from(randomUUID()), team]
			);
			world.devices.push({ id: rows[0]?.id ?? '', teamId: team });
			return;
		}
		case 'batch': {
			const device = pick(world.devices, step.device);
			if (!device) return;
			// Some uuids the server holds already: stored once, counted once.
			const again = step.resend === 0 ? [] : world.sent.slice(-step.resend);
			await receiveSummaries(db, device, [...step.summaries, ...again]);
			world.sent.push(...step.summaries);
			return;
		}
		case 'rolled-back batch': {
			const device = pick(world.devices, step.device);
			if (!device) return;
			await expect(
				db.transaction(async (tx) => {
					await receiveSummaries(tx, device, step.summaries);
					throw new Rollback();
				})
			).rejects.toBeInstanceOf(Rollback);
			return;
		}
		case 'withdraw': {
			const device = pick(world.devices, step.device);
			if (device) await deleteDeviceSummaries(db, device.id);
			return;
		}
		case 'delete device': {
			const device = pick(world.devices, step.device);
			if (!device) return;
			await db.query('DELETE FROM devices WHERE id = $1', [device.id]);
			world.devices = world.devices.filter((d) => d !== device);
			return;
		}
		case 'delete team': {
			const team = pick(world.teams, step.team);
			if (!team) return;
			await deleteTeam(db, team.name);
			world.teams = world.teams.filter((t) => t !== team);
			world.devices = world.devices.filter((d) => d.teamId !== team.id);
		}
	}
}

describeEachBackend('The summary cube', (backend) => {
	let store: TestStore;
	let db: Database;

	beforeAll(async () => {
		store = await createStore(backend, 'cube');
		db = await openUnmigrated(store);
	});

	afterAll(async () => {
		await db?.close();
		await store?.remove();
	});

	it('is backfilled by its migration from the summaries stored before it', async () => {
		await migrate(
			db,
			MIGRATIONS.filter((m) => m.name < '0003')
		);
		const world: World = { teams: [], devices: [], sent: [] };
		await apply(db, world, { kind: 'team' });
		await apply(db, world, { kind: 'device', team: 0 });
		await apply(db, world, { kind: 'device', team: null });
		const population = fc.sample(fc.array(summaryArbitrary, { minLength: 200, maxLength: 200 }), {
			numRuns: 1,
			seed: 14
		})[0];
		await apply(db, world, {
			kind: 'batch',
			device: 0,
			summaries: population?.slice(0, 120) ?? [],
			resend: 0
		});
		await apply(db, world, {
			kind: 'batch',
			device: 1,
			summaries: population?.slice(120) ?? [],
			resend: 0
		});
		expect(await migrate(db)).toContain('0003_summary_cube');
		const { rows } = await db.query<{ n: number }>('SELECT sum(n)::int AS n FROM summary_cube');
		expect(rows[0]?.n).toBe(200);
		await expectCubeMatches(db);
	});

	it('equals a fresh GROUP BY over the summaries after every insert, delete and rollback', async () => {
		await migrate(db);
		await fc.assert(
			fc.asyncProperty(fc.array(stepArbitrary, { minLength: 1, maxLength: 25 }), async (steps) => {
				await db.exec('DELETE FROM summaries; DELETE FROM devices; DELETE FROM teams');
				await expectCubeMatches(db);
				const world: World = { teams: [], devices: [], sent: [] };
				for (const step of steps) {
					await apply(db, world, step);
					await expectCubeMatches(db);
				}
			}),
			{ numRuns: Number(process.env.CUBE_PROPERTY_RUNS ?? 40) }
		);
	});

	it('stays exact when batches and withdrawals run at once on the same cells', async () => {
		await migrate(db);
		await db.exec('DELETE FROM summaries; DELETE FROM devices; DELETE FROM teams');
		const world: World = { teams: [], devices: [], sent: [] };
		await apply(db, world, { kind: 'team' });
		for (let i = 0; i < 8; i++) await apply(db, world, { kind: 'device', team: i % 2 ? 0 : null });
		const batches = fc.sample(fc.array(summaryArbitrary, { minLength: 20, maxLength: 60 }), {
			numRuns: 48,
			seed: 1014
		});
		// On PostgreSQL these run on four connections at once; PGlite takes them one by one.
		await Promise.all(
			batches.map(async (summaries, i) => {
				const device = world.devices[i % world.devices.length];
				if (!device) return;
				await receiveSummaries(db, device, summaries);
				if (i % 6 === 5) await deleteDeviceSummaries(db, device.id);
			})
		);
		const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM summaries');
		expect(rows[0]?.n).toBeGreaterThan(0);
		await expectCubeMatches(db);
	});
});
