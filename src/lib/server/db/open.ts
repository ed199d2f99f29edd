import type { DatabaseConfig } from '../config';
import type { Database } from './database';
import { migrate } from './migrate';

/** Opens the configured engine and brings its schema up to date before anyone may use it. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
	// Each engine is loaded only when chosen: a PostgreSQL host never loads PGlite's WebAssembly.
	const db =
		config.kind === 'postgres'
			? await (await import('./postgres')).openPostgres(config.url, config.poolSize)
			: await (await import('./pglite')).openPglite(config.dataDir);
	try {
		await migrate(db);
	} catch (error) {
		await db.close();
		throw error;
	}
	return db;
}
