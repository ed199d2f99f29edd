// PGlite: PostgreSQL in WebAssembly, in a folder on disk. It is single-process and keeps no lock
// of its own, so the folder gets ours (lock-file.ts): two servers on one folder would corrupt it.
// It does not fsync either: fine for one command on one machine, not for production (README).
import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Database, Queryable, QueryResult, SqlParam } from './database';
import { acquireLock, type HeldLock } from './lock-file';

type PgliteLike = Pick<PGlite, 'query' | 'exec'>;

function wrap(engine: PgliteLike): Queryable {
	return {
		async query<Row>(sql: string, params: readonly SqlParam[] = []): Promise<QueryResult<Row>> {
			const result = await engine.query<Row>(sql, [...params]);
			return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
		},
		async exec(sql: string): Promise<void> {
			await engine.exec(sql);
		}
	};
}

/** Opens (or creates) the database in `dataDir`/pglite, holding `dataDir`'s lock while open. */
export async function openPglite(dataDir: string): Promise<Database> {
	const folder = resolve(dataDir);
	mkdirSync(folder, { recursive: true });
	const lock: HeldLock = acquireLock(folder);
	let engine: PGlite;
	try {
		engine = await PGlite.create(join(folder, 'pglite'));
	} catch (error) {
		lock.release();
		throw error;
	}
	const queryable = wrap(engine);
	let closing: Promise<void> | undefined;
	return {
		kind: 'pglite',
		...queryable,
		transaction: (work) => engine.transaction((tx) => work(wrap(tx))),
		close() {
			closing ??= engine.close().finally(() => lock.release());
			return closing;
		}
	};
}
