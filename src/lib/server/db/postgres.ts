// A PostgreSQL server (15 or newer) through node-postgres' pool: the production path. Any number
// of app servers may share it; everything that must be shared lives in its tables.
import pg from 'pg';
import type { Database, Queryable, QueryResult, SqlParam } from './database';

type PgQueryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

function wrap(client: PgQueryable): Queryable {
	return {
		async query<Row>(sql: string, params: readonly SqlParam[] = []): Promise<QueryResult<Row>> {
			const result = await client.query(sql, [...params]);
			return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
		},
		async exec(sql: string): Promise<void> {
			await client.query(sql);
		}
	};
}

export async function openPostgres(url: string, poolSize: number): Promise<Database> {
	const pool = new pg.Pool({ connectionString: url, max: poolSize });
	// An idle connection that the server drops (a restart, a failover) must not crash the process;
	// the next query takes a fresh one.
	pool.on('error', () => {});
	// Fail at start, with the driver's reason, rather than at the first request.
	const probe = await pool.connect();
	probe.release();

	let closing: Promise<void> | undefined;
	return {
		kind: 'postgres',
		...wrap(pool),
		async transaction(work) {
			const client = await pool.connect();
			try {
				await client.query('BEGIN');
				const result = await work(wrap(client));
				await client.query('COMMIT');
				return result;
			} catch (error) {
				await client.query('ROLLBACK').catch(() => {});
				throw error;
			} finally {
				client.release();
			}
		},
		close() {
			closing ??= pool.end();
			return closing;
		}
	};
}
