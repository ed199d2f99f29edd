import type { Table } from 'dexie';
import type * as z from 'zod/mini';
import type { SpinnenwebDb } from './db';
import { CorruptRecordError, RecordNotFoundError } from './errors';
import { openStored, type RecordLock } from './record-lock';
import { sameStored } from './reencrypt-store';

/** How often a sealed change is tried again when another write came between its read and put. */
const TRIES = 5;

export interface SealedUpdate<T> {
	readonly db: SpinnenwebDb;
	readonly lock: RecordLock;
	readonly table: 'webs' | 'reflections';
	readonly key: string;
	readonly schema: z.ZodMiniType<T>;
	/** Every table the check reads, besides `table`. */
	readonly alsoReads?: readonly Table[];
	/** Throws when the change may not be stored (runs before and inside the final put). */
	readonly check?: () => Promise<void>;
	/** The record to begin from when there is none yet; without it a missing record throws. */
	readonly fresh?: () => T;
	readonly change: (current: T) => T;
	/** The changed record as it is to be stored (new updatedAt, validated). */
	readonly finish: (changed: T) => T;
	/** Told of a record that does not open or parse, before CorruptRecordError is thrown. */
	readonly onCorrupt: (issues: readonly string[]) => void;
}

/**
 * A repository's read-change-write with a lock on. WebCrypto cannot run inside an IndexedDB
 * transaction (it commits while waiting on anything else), so the record is read and opened,
 * changed and sealed outside, and put in a short transaction only if the stored record is still
 * the one read (compare-and-put); otherwise it starts again from the new one. Returns the stored
 * version; writes nothing when `change` returns its argument. A damaged record is never written
 * over. Callers run these one at a time (SealedWrites.inTurn) so they land in the order asked.
 */
export async function updateSealed<T>(update: SealedUpdate<T>): Promise<T> {
	const { db, lock, key, schema, check } = update;
	const table = db.table(update.table);
	for (let attempt = 0; attempt < TRIES; attempt++) {
		const raw: unknown = await table.get(key);
		let current: T;
		if (raw === undefined) {
			if (!update.fresh) throw new RecordNotFoundError(key);
			await check?.();
			current = update.fresh();
		} else {
			const read = await openStored(lock, update.table, raw, schema);
			if (!read.success) {
				update.onCorrupt(read.issues);
				throw new CorruptRecordError(key, read.issues);
			}
			current = read.data;
		}
		const changed = update.change(current);
		if (changed === current) return current;
		const next = update.finish(changed);
		const sealed = await lock.seal(update.table, next as object);
		const isStored = await db.transaction('rw', [table, ...(update.alsoReads ?? [])], async () => {
			const stored: unknown = await table.get(key);
			if (!sameStored(stored, raw)) return false;
			await check?.();
			await table.put(sealed);
			return true;
		});
		if (isStored) return next;
	}
	throw new Error(`Record ${update.table}/${key} kept changing while it was being sealed`);
}
