// The dashboard's aggregate over 1,000,000 summaries on PostgreSQL: the month × area × team ×
// context query of one year (src/lib/server/aggregates/cube.sql, the very file the server runs),
// from which every table of the year is rolled up. It reads the summary cube (migration 0003),
// which the summaries' triggers keep, so the seeding goes through them as every insert does:
// INSERT … SELECT generate_series in batches of 100,000 straight into a fresh database, not
// through the API. Run alone with `node scripts/bench/dashboard-query.js` (DATABASE_URL or
// TEST_DATABASE_URL), or as the last line of `npm run bench:sync`.
import pg from 'pg';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentile } from './stats.js';

const CUBE_SQL = readFileSync('src/lib/server/aggregates/cube.sql', 'utf8');
const SUMMARIES = Number(process.env.BENCH_DASHBOARD_SUMMARIES ?? 1_000_000);
const BATCH = 100_000;
const RUNS = 20;
const YEAR = 2025;

const SEED_SQL = `INSERT INTO summaries (uuid, device_id, question_set_id, day, score_lichaamsfuncties,
	score_mentaal, score_zingeving, score_kwaliteit, score_meedoen, score_dagelijks, context, area,
	team_id)
SELECT gen_random_uuid(), 1 + (i % 50), 'volwassenen-v1',
	DATE '${YEAR}-01-01' + (i * 7919 % 365)::int,
	(i % 101) / 10.0, (i * 3 % 101) / 10.0, (i * 7 % 101) / 10.0,
	CASE WHEN i % 8 = 0 THEN NULL ELSE (i * 11 % 101) / 10.0 END,
	(i * 13 % 101) / 10.0, (i * 17 % 101) / 10.0,
	CASE WHEN i % 3 = 0 THEN 'self' ELSE 'conversation' END,
	CASE WHEN i % 10 = 0 THEN NULL ELSE (1000 + (i * 31 % 30) * 11)::text END,
	CASE WHEN i % 3 = 0 OR i % 4 = 0 THEN NULL ELSE 1 + (i % 6) END
FROM generate_series($1::int8, $2::int8) AS i`;

/** Seeds a fresh database, then times the year's query; resolves with the figures in ms. */
export async function benchDashboardQuery(postgresUrl) {
	const admin = new pg.Client({ connectionString: postgresUrl });
	await admin.connect();
	const name = `spinnenweb_bench_dashboard_${Date.now()}`;
	await admin.query(`CREATE DATABASE ${name}`);
	const url = new URL(postgresUrl);
	url.pathname = `/${name}`;
	const client = new pg.Client({ connectionString: url.toString() });
	try {
		await client.connect();
		const dir = 'src/lib/server/db/migrations';
		for (const file of readdirSync(dir)
			.filter((f) => f.endsWith('.sql'))
			.sort()) {
			// Each in a transaction, as the server's migrate() runs them (0003 locks a table).
			await client.query('BEGIN');
			await client.query(readFileSync(join(dir, file), 'utf8'));
			await client.query('COMMIT');
		}
		for (let t = 1; t <= 6; t++)
			await client.query('INSERT INTO teams (name) VALUES ($1)', [`Team ${t}`]);
		await client.query(
			`INSERT INTO devices (token_hash) SELECT sha256(i::text::bytea) FROM generate_series(1, 50) AS i`
		);
		const seedStart = performance.now();
		for (let first = 0; first < SUMMARIES; first += BATCH)
			await client.query(SEED_SQL, [first, Math.min(first + BATCH, SUMMARIES) - 1]);
		await client.query('VACUUM ANALYZE summaries, summary_cube');
		const seedSeconds = (performance.now() - seedStart) / 1000;
		const params = [`${YEAR}-01-01`, `${YEAR + 1}-01-01`];
		let rows = 0;
		for (let i = 0; i < 2; i++) rows = (await client.query(CUBE_SQL, params)).rowCount ?? 0;
		const times = [];
		const load = loadavg()[0];
		for (let i = 0; i < RUNS; i++) {
			const start = performance.now();
			await client.query(CUBE_SQL, params);
			times.push(performance.now() - start);
		}
		times.sort((a, b) => a - b);
		return {
			summaries: SUMMARIES,
			groups: rows,
			seedSeconds,
			load,
			p50: percentile(times, 50),
			p95: percentile(times, 95)
		};
	} finally {
		await client.end();
		await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		await admin.end();
	}
}

export function formatDashboardLine(figures) {
	return `Dashboard, month × area (× team × context) over ${figures.summaries.toLocaleString('en')} summaries of one year on PostgreSQL: p50 ${figures.p50.toFixed(0)} ms, p95 ${figures.p95.toFixed(0)} ms (${figures.groups} cells of summary_cube; seeded through its triggers in ${figures.seedSeconds.toFixed(0)} s; load average ${figures.load.toFixed(2)})`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const url = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || '';
	if (!url) {
		console.log('PostgreSQL: not measured (set DATABASE_URL or TEST_DATABASE_URL).');
	} else {
		console.log(formatDashboardLine(await benchDashboardQuery(url)));
	}
}
