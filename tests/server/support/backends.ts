// The same suites run on PGlite and on a real PostgreSQL. PostgreSQL needs TEST_DATABASE_URL
// (bash .ci/run sets it); without it, its suites are reported as skipped, with the reason in the
// test's name and on the console: never a silent pass.
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'vitest';
import { openDatabase } from '../../../src/lib/server/db/open';
import type { Database } from '../../../src/lib/server/db/database';
import { freshDataDir, removeDataDir } from './pglite-template';
import type { ServerOptions } from './app-server';

export const POSTGRES_URL = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || '';
export const POSTGRES_SKIP_REASON =
	'PostgreSQL suite NOT RUN: TEST_DATABASE_URL is not set (bash .ci/run starts PostgreSQL and sets it)';

export type BackendName = 'PGlite' | 'PostgreSQL';

/** A database of its own for one suite: a fresh PGlite folder or a fresh PostgreSQL database. */
export interface TestStore {
	readonly backend: BackendName;
	/** How a server reaches it. */
	serverOptions(port: number): ServerOptions;
	/**
	 * Opens it for the test's own checks. PGlite admits one process: call it only while no
	 * server runs on the folder (the lock file would refuse it otherwise), and close it after.
	 */
	open(): Promise<Database>;
	remove(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
	const parsed = new URL(url);
	parsed.pathname = `/${name}`;
	return parsed.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: POSTGRES_URL });
	await client.connect();
	try {
		return await work(client);
	} finally {
		await client.end();
	}
}

export async function createStore(backend: BackendName, label: string): Promise<TestStore> {
	if (backend === 'PGlite') {
		const dataDir = freshDataDir(label);
		return {
			backend,
			serverOptions: (port) => ({ port, dataDir }),
			open: () => openDatabase({ kind: 'pglite', dataDir }),
			remove: () => Promise.resolve(removeDataDir(dataDir))
		};
	}
	const name = `spinnenweb_test_${label.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`;
	await admin((client) => client.query(`CREATE DATABASE ${name}`));
	const url = withDatabase(POSTGRES_URL, name);
	return {
		backend,
		serverOptions: (port) => ({ port, databaseUrl: url }),
		open: () => openDatabase({ kind: 'postgres', url, poolSize: 4 }),
		remove: async () => {
			await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
		}
	};
}

/** Drops a PostgreSQL database under a running server (the health check's 503). */
export async function dropUnderServer(store: TestStore): Promise<void> {
	const url = store.serverOptions(0).databaseUrl;
	if (!url) throw new Error('Only a PostgreSQL store can be dropped under a server.');
	const name = new URL(url).pathname.slice(1);
	await admin((client) => client.query(`DROP DATABASE ${name} WITH (FORCE)`));
}

/**
 * `describe` once per backend. Without PostgreSQL its block becomes one skipped test whose name
 * says why, and a line on the console says it too.
 */
export function describeEachBackend(
	title: string,
	body: (backend: BackendName) => void,
	backends: readonly BackendName[] = ['PGlite', 'PostgreSQL']
): void {
	const isPostgresMissing = !POSTGRES_URL;
	for (const backend of backends) {
		if (backend === 'PostgreSQL' && isPostgresMissing) {
			describe(`${title} [PostgreSQL]`, () => {
				console.warn(`\n${title}: ${POSTGRES_SKIP_REASON}\n`);
				it.skipIf(isPostgresMissing)(POSTGRES_SKIP_REASON, () => {});
			});
			continue;
		}
		describe(`${title} [${backend}]`, () => body(backend));
	}
}
