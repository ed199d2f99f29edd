import { Dexie, RangeSet, type ObservabilitySet } from 'dexie';
import type { SpinnenwebDb } from './db';

/** A record as it will be stored, and the write that stores it (started already). */
export interface PendingWrite<T> {
	readonly value: T;
	readonly saved: Promise<void>;
}

/** One record to store, whole, in the table named. */
export interface WholeRecord {
	readonly table: string;
	readonly value: object;
}

/**
 * Stores whole records in one IndexedDB transaction that is opened, filled and committed in the
 * very task that calls it: no await, no microtask in between. That is what lets a change made a
 * moment before a reload or a closed tab land (see README.md, "The last moment"): the browser has
 * the whole write and the request to commit it before the page can go, and finishes it without
 * the page. Nothing is read first, so there is no callback the page might not live to run.
 *
 * Dexie's own writes cannot promise this (a Dexie transaction's scope starts a microtask later,
 * and its commit waits for a callback), so this goes to the connection underneath and then tells
 * Dexie's live queries, in this tab and others, what changed. The connection must be open; the
 * screens that write only exist once they have read from it.
 */
export function writeNow(db: SpinnenwebDb, records: readonly WholeRecord[]): Promise<void> {
	try {
		return start(db, records);
	} catch (error) {
		// The connection is closed (another tab upgraded) or a record cannot be stored (a full
		// disk may say so at once): a failed write like any other, shown as a save problem.
		return Promise.reject(asError(error));
	}
}

function start(db: SpinnenwebDb, records: readonly WholeRecord[]): Promise<void> {
	const tables = [...new Set(records.map((r) => r.table))];
	const tx = db.backendDB().transaction(tables, 'readwrite');
	const done = new Promise<void>((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onabort = () => reject(tx.error ?? new DOMException('The write was undone.', 'AbortError'));
	});
	try {
		for (const { table, value } of records) tx.objectStore(table).put(value);
		tx.commit();
	} catch (error) {
		done.catch(() => undefined);
		tx.abort();
		throw error;
	}
	notices.begin();
	return done.finally(() => notices.end(mutatedParts(db, records)));
}

/**
 * Tells Dexie's live queries (in this tab and others) about direct writes, but only once the
 * writing has paused. A live query that re-reads after every keystroke puts a read between each
 * two writes, and a write must wait for the read before it; under fast typing the writes then
 * pile up, and a reload throws away every one not yet done. The screen that writes shows its own
 * newest version meanwhile (state/latest-record.svelte.ts), so it needs no re-read.
 */
class QuietNotices {
	#inFlight = 0;
	#parts: ObservabilitySet = {};
	#timer: ReturnType<typeof setTimeout> | undefined;

	begin(): void {
		this.#inFlight++;
		clearTimeout(this.#timer);
	}

	end(parts: ObservabilitySet): void {
		this.#inFlight--;
		for (const [key, range] of Object.entries(parts)) {
			// Two writes to one table: every key of it, rather than merging the ranges by hand.
			this.#parts[key] = key in this.#parts ? new RangeSet(Dexie.minKey, Dexie.maxKey) : range;
		}
		if (this.#inFlight > 0) return;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => this.#fire(), QUIET_MS);
	}

	#fire(): void {
		const parts = this.#parts;
		this.#parts = {};
		Dexie.on('storagemutated').fire(parts);
	}
}

/** Long enough to fall between two keystrokes of a fast typist; short for another tab's view. */
const QUIET_MS = 300;

const notices = new QuietNotices();

/** DOMException is an Error in browsers, but not in every test environment's globals. */
function asError(error: unknown): Error {
	return error instanceof Error ? error : Object.assign(new Error(String(error)), { cause: error });
}

function isKey(key: unknown): key is string | number {
	return typeof key === 'string' || typeof key === 'number';
}

/**
 * What Dexie's live queries need to hear to re-run: the primary keys written, and (since the old
 * values are not read) every index of those tables. Dexie's cache is off (db.ts), so a re-run
 * reads the database itself.
 */
function mutatedParts(db: SpinnenwebDb, records: readonly WholeRecord[]): ObservabilitySet {
	const parts: ObservabilitySet = {};
	for (const { table, value } of records) {
		const schema = db.table(table).schema;
		const prefix = `idb://${db.name}/${table}/`;
		const { keyPath } = schema.primKey;
		const key: unknown = typeof keyPath === 'string' ? Reflect.get(value, keyPath) : undefined;
		// A second record of the same table: simply all of its keys.
		parts[prefix] =
			isKey(key) && !(prefix in parts)
				? new RangeSet(key)
				: new RangeSet(Dexie.minKey, Dexie.maxKey);
		for (const index of schema.indexes) {
			parts[prefix + index.name] = new RangeSet(Dexie.minKey, Dexie.maxKey);
		}
	}
	return parts;
}
