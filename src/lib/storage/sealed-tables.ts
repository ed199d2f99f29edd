import type { SealedTableSpec } from '$lib/crypto/sealed-record';

/**
 * What stays readable in a sealed record of each personal table: the primary key and exactly the
 * indexed fields (db.ts), which are ids and dates. Everything else (answers, flags, notes, the
 * focus, the language, pseudonyms, agreements' text) is inside the ciphertext. A table added later
 * that holds personal content adds its row here, with exactly the fields its indexes need; a test
 * (sealed-tables.spec.ts) compares this list with the schema. Not here: the sociale kaart (the
 * team's list of local services, nothing about a person), the sync's outbox (ids only) and
 * syncState (consent and the device's token, no health data).
 */
export const SEALED_TABLES: readonly SealedTableSpec[] = [
	{
		name: 'webs',
		primaryKey: 'id',
		clearFields: ['createdAt', 'updatedAt', 'completedAt', 'clientId']
	},
	{ name: 'reflections', primaryKey: 'webId', clearFields: ['stepDate'] },
	{ name: 'clients', primaryKey: 'id', clearFields: [] },
	{ name: 'conversations', primaryKey: 'id', clearFields: ['clientId'] },
	{ name: 'agreements', primaryKey: 'id', clearFields: ['clientId', 'conversationId'] }
];

/** The tables whose records a lock seals, by name. */
export type SealedTableName = 'webs' | 'reflections' | 'clients' | 'conversations' | 'agreements';

/** The lock's row in the `lock` table (db.ts, version 6). */
export const LOCK_TABLE = 'lock';
