// `npm run bench:sync`: how fast the server takes summaries, on PGlite and (when DATABASE_URL or
// TEST_DATABASE_URL is set) on PostgreSQL. 50 clients, each its own device, send batches of 20
// through the real API on the production build; then the same rows go straight through the
// driver with the same SQL file and the same concurrency: the practical limit. Prints a table and
// writes bench/sync-results.json. Timings vary with the machine's load: compare runs on one machine.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchDashboardQuery, formatDashboardLine } from './dashboard-query.js';
import { startServer } from './server.js';
import { percentile } from './stats.js';

const CLIENTS = 50;
const BATCH = 20;
const BATCHES_PER_CLIENT = Number(process.env.BENCH_BATCHES_PER_CLIENT ?? 20);
const WARMUP_BATCHES_PER_CLIENT = 2;
const port = Number(process.env.BENCH_SYNC_PORT ?? 5490);
const postgresUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || '';
const INSERT_SQL = readFileSync('src/lib/server/summaries/insert-batch.sql', 'utf8');
const NO_LIMITS = {
	SPINNENWEB_RATE_ADDRESS_PER_MINUTE: '100000000',
	SPINNENWEB_RATE_DEVICE_PER_MINUTE: '100000000',
	SPINNENWEB_RATE_REGISTER_PER_HOUR: '100000000'
};

function summary() {
	const score = () => Math.round(Math.random() * 100) / 10;
	return {
		uuid: randomUUID(),
		questionSetId: 'volwassenen-v1',
		day: '2026-03-14',
		scores: {
			lichaamsfuncties: score(),
			mentaal: score(),
			zingeving: score(),
			kwaliteit: null,
			meedoen: score(),
			dagelijks: score()
		},
		focus: 'meedoen',
		context: 'self',
		area: '1012',
		ageBand: '45-64'
	};
}

/** As summaries.ts's batchParameter: the protocol's names to the SQL's. */
function batchParameter(summaries) {
	return JSON.stringify(
		summaries.map((s) => ({
			uuid: s.uuid,
			question_set_id: s.questionSetId,
			day: s.day,
			...s.scores,
			focus: s.focus,
			context: s.context,
			area: s.area ?? null,
			age_band: s.ageBand ?? null
		}))
	);
}

/**
 * `CLIENTS` loops at once, each sending its batches one after the other; the first
 * `WARMUP_BATCHES_PER_CLIENT` of each are not measured.
 * @param {(client: number) => Promise<(rows: ReturnType<typeof summary>[]) => Promise<void>>} makeClient
 */
async function run(makeClient) {
	const senders = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => makeClient(i)));
	const batches = senders.map(() =>
		Array.from({ length: WARMUP_BATCHES_PER_CLIENT + BATCHES_PER_CLIENT }, () =>
			Array.from({ length: BATCH }, summary)
		)
	);
	const latencies = [];
	let measuredStart = 0;
	let warmedUp = 0;
	let markWarm;
	const warm = new Promise((resolve) => (markWarm = resolve));
	await Promise.all(
		senders.map(async (send, i) => {
			for (const [n, rows] of batches[i].entries()) {
				if (n === WARMUP_BATCHES_PER_CLIENT) {
					// Everyone starts the measured part together.
					if (++warmedUp === CLIENTS) {
						measuredStart = performance.now();
						markWarm();
					}
					await warm;
				}
				const started = performance.now();
				await send(rows);
				if (n >= WARMUP_BATCHES_PER_CLIENT) latencies.push(performance.now() - started);
			}
		})
	);
	const seconds = (performance.now() - measuredStart) / 1000;
	return {
		perSecond: (CLIENTS * BATCHES_PER_CLIENT * BATCH) / seconds,
		p50: percentile(latencies, 50),
		p95: percentile(latencies, 95)
	};
}

async function viaApi(url) {
	return run(async () => {
		const registered = await fetch(`${url}/api/devices`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}'
		});
		const { token } = await registered.json();
		return async (rows) => {
			const response = await fetch(`${url}/api/summaries`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
				body: JSON.stringify({ summaries: rows })
			});
			if (response.status !== 200) throw new Error(`The API answered ${response.status}`);
			await response.arrayBuffer();
		};
	});
}

/** The same statement through the driver, one device per client, as the API does it. */
async function viaDriver(query) {
	return run(async () => {
		const { rows } = await query(
			'INSERT INTO devices (token_hash) VALUES ($1) RETURNING id::text AS id',
			[randomBytes(32)]
		);
		const deviceId = rows[0].id;
		return async (batch) => {
			await query(INSERT_SQL, [deviceId, batchParameter(batch), null]);
		};
	});
}

async function migrateRaw(exec) {
	const dir = 'src/lib/server/db/migrations';
	for (const file of readdirSync(dir)
		.filter((f) => f.endsWith('.sql'))
		.sort()) {
		await exec(readFileSync(join(dir, file), 'utf8'));
	}
}

async function benchPglite() {
	const server = await startServer(port, NO_LIMITS);
	let api;
	try {
		api = await viaApi(server.url);
	} finally {
		await server.stop();
	}
	const dir = mkdtempSync(join(tmpdir(), 'spinnenweb-bench-raw-'));
	try {
		const db = await PGlite.create(join(dir, 'pglite'));
		await migrateRaw((sql) => db.exec(sql));
		const raw = await viaDriver((sql, params) => db.query(sql, params));
		await db.close();
		return { api, raw };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

async function benchPostgres() {
	const admin = new pg.Client({ connectionString: postgresUrl });
	await admin.connect();
	const names = [`spinnenweb_bench_api_${Date.now()}`, `spinnenweb_bench_raw_${Date.now()}`];
	for (const name of names) await admin.query(`CREATE DATABASE ${name}`);
	const urlOf = (name) => {
		const url = new URL(postgresUrl);
		url.pathname = `/${name}`;
		return url.toString();
	};
	try {
		const server = await startServer(port, { ...NO_LIMITS, DATABASE_URL: urlOf(names[0]) });
		let api;
		try {
			api = await viaApi(server.url);
		} finally {
			await server.stop();
		}
		// The server's pool size (DATABASE_POOL_SIZE, 10 by default), so both get the same connections.
		const pool = new pg.Pool({
			connectionString: urlOf(names[1]),
			max: Number(process.env.DATABASE_POOL_SIZE ?? 10)
		});
		await migrateRaw((sql) => pool.query(sql));
		const raw = await viaDriver((sql, params) => pool.query(sql, params));
		await pool.end();
		return { api, raw };
	} finally {
		for (const name of names) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		await admin.end();
	}
}

const results = [];
const backends = [['PGlite', benchPglite]];
if (postgresUrl) backends.push(['PostgreSQL', benchPostgres]);
else console.log('PostgreSQL: not measured (set DATABASE_URL or TEST_DATABASE_URL).');

console.log(
	`${CLIENTS} clients, batches of ${BATCH}, ${BATCHES_PER_CLIENT} measured batches each (${CLIENTS * BATCHES_PER_CLIENT * BATCH} summaries per row)\n`
);
console.log(
	`${'database'.padEnd(11)} ${'path'.padEnd(7)} ${'summaries/s'.padStart(12)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'API/raw'.padStart(8)}`
);
for (const [name, bench] of backends) {
	const { api, raw } = await bench();
	const ratio = api.perSecond / raw.perSecond;
	results.push({ database: name, api, raw, ratio });
	for (const [path, figures] of [
		['API', api],
		['raw', raw]
	]) {
		console.log(
			`${name.padEnd(11)} ${path.padEnd(7)} ${figures.perSecond.toFixed(0).padStart(12)} ${figures.p50.toFixed(1).padStart(8)} ${figures.p95.toFixed(1).padStart(8)} ${path === 'API' ? `${(ratio * 100).toFixed(0)} %`.padStart(8) : ''}`
		);
	}
}

// The dashboard's aggregate (issue 14): one year's grouped query over a million summaries.
let dashboard = null;
if (postgresUrl) {
	dashboard = await benchDashboardQuery(postgresUrl);
	console.log(`\n${formatDashboardLine(dashboard)}`);
}

// Everything here shares the machine's cores with whatever else runs: say how busy it was.
const load = loadavg()[0];
console.log(
	`\nLoad average (1 min) at the end: ${load.toFixed(1)} on ${availableParallelism()} cores`
);

mkdirSync('bench', { recursive: true });
writeFileSync(
	'bench/sync-results.json',
	`${JSON.stringify(
		{
			date: new Date().toISOString(),
			clients: CLIENTS,
			batchSize: BATCH,
			measuredBatchesPerClient: BATCHES_PER_CLIENT,
			loadAverage: load,
			cores: availableParallelism(),
			results,
			dashboard
		},
		null,
		'\t'
	)}\n`
);
console.log('\nWritten to bench/sync-results.json');
