// Migrations are plain SQL files in migrations/, named NNNN_what.sql and applied in name order,
// each recorded once in schema_migrations. All of it runs in one transaction under an advisory
// lock, so two app servers starting at once on one PostgreSQL apply each migration exactly once
// and neither starts on a half-made schema.
import type { Database } from './database';

export interface Migration {
	readonly name: string;
	readonly sql: string;
}

// Any fixed number: it names "the migration lock" for every server of this app.
const MIGRATION_LOCK_ID = 7_131_313;

const files = import.meta.glob<string>('./migrations/*.sql', {
	query: '?raw',
	import: 'default',
	eager: true
});

export const MIGRATIONS: readonly Migration[] = Object.entries(files)
	.map(([path, sql]) => ({ name: path.replace(/^.*\//, '').replace(/\.sql$/, ''), sql }))
	.sort((a, b) => a.name.localeCompare(b.name));

/** Applies what is not applied yet; returns the names it applied. */
export async function migrate(
	db: Database,
	migrations: readonly Migration[] = MIGRATIONS
): Promise<string[]> {
	return db.transaction(async (tx) => {
		await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_ID]);
		await tx.exec(
			`CREATE TABLE IF NOT EXISTS schema_migrations (
				name text PRIMARY KEY,
				applied_at timestamptz NOT NULL DEFAULT now()
			)`
		);
		const { rows } = await tx.query<{ name: string }>('SELECT name FROM schema_migrations');
		const applied = new Set(rows.map((row) => row.name));
		const done: string[] = [];
		for (const migration of migrations) {
			if (applied.has(migration.name)) continue;
			await tx.exec(migration.sql);
			await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [migration.name]);
			done.push(migration.name);
		}
		return done;
	});
}
