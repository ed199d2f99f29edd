import type { SealedTableSpec } from '$lib/crypto/sealed-record';

/**
 * What stays readable in a sealed record of each personal table: the primary key and the
 * indexed fields (db.ts), which are ids and dates. Everything else (answers, flags, notes, the
 * focus, the language) is inside the ciphertext. A table added later that holds personal content
 * adds its row here, with exactly the fields its indexes need.
 */
export const SEALED_TABLES: readonly SealedTableSpec[] = [
	{ name: 'webs', primaryKey: 'id', clearFields: ['createdAt', 'updatedAt', 'completedAt'] },
	{ name: 'reflections', primaryKey: 'webId', clearFields: ['stepDate'] }
];
