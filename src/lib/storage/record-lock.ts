import type * as z from 'zod/mini';
import type { openRecord, sealRecord, SealedTableSpec } from '$lib/crypto';
import type { SpinnenwebDb } from './db';
import { describeIssues } from './errors';
import { SEALED_TABLES } from './sealed-tables';
import { writeNow } from './write-now';

/**
 * The seam between a repository and the passcode lock. A repository asks its `LockSource` at each
 * read and write: `null` means no lock (records are stored plain, written in the input's own task
 * as before); a `RecordLock` means records are sealed on write and opened on read. The crypto
 * module itself is loaded by whoever unlocks (`import('$lib/crypto')`); nothing here imports it,
 * so a device without a passcode never fetches it. See README.md, "With a lock on".
 */
export interface RecordLock {
	/** The record as it is to be stored: key and index fields in the clear, the rest sealed. */
	seal(table: string, record: object): Promise<object>;
	/**
	 * The plain record inside a stored one (a plain one as it is, as during re-encryption), to be
	 * parsed with its schema as always. Rejects when it does not open with this key.
	 */
	open(table: string, stored: unknown): Promise<unknown>;
}

/** Asked at every read and write, so locking or unlocking needs no new repositories. */
export type LockSource = () => RecordLock | null;

export const NO_LOCK: LockSource = () => null;

/** The issue reported for a sealed record that does not open with the key in use. */
export const SEALED_ISSUE = 'sealed: does not open with this key';

export type OpenOutcome<T> =
	{ success: true; data: T } | { success: false; issues: readonly string[] };

/**
 * A stored record opened with the lock and parsed with its schema; never throws. A record that
 * does not open has one issue, SEALED_ISSUE (no values: they are health data).
 */
export async function openStored<T>(
	lock: RecordLock,
	table: string,
	raw: unknown,
	schema: z.ZodMiniType<T>
): Promise<OpenOutcome<T>> {
	let opened: unknown;
	try {
		opened = await lock.open(table, raw);
	} catch {
		return { success: false, issues: [SEALED_ISSUE] };
	}
	const result = schema.safeParse(opened);
	return result.success
		? { success: true, data: result.data }
		: { success: false, issues: describeIssues(result.error) };
}

interface LockCrypto {
	sealRecord: typeof sealRecord;
	openRecord: typeof openRecord;
}

export interface RecordLockOptions {
	/**
	 * False while the passcode is being removed (lock phase `opening`): records are still opened
	 * on read, but written plain, so re-encryption and the app's own writes go the same way.
	 */
	sealsWrites?: boolean;
	tables?: readonly SealedTableSpec[];
}

/** A lock over the unlocked data key; `crypto` is the lazily loaded `$lib/crypto`. */
export function createRecordLock(
	crypto: LockCrypto,
	key: CryptoKey,
	keyId: string,
	{ sealsWrites = true, tables = SEALED_TABLES }: RecordLockOptions = {}
): RecordLock {
	const specs = new Map(tables.map((spec) => [spec.name, spec]));
	const specOf = (table: string): SealedTableSpec => {
		const spec = specs.get(table);
		if (!spec) throw new Error(`No sealed-table spec for ${table}`);
		return spec;
	};
	return {
		seal: (table, record) =>
			sealsWrites
				? crypto.sealRecord(key, keyId, specOf(table), record as Record<string, unknown>)
				: Promise.resolve(record),
		// Promise.resolve keeps a live query's observation going across WebCrypto's own promise
		// (Dexie's liveQuery rules), so reads after an opened record are still watched.
		open: (table, stored) => Promise.resolve(crypto.openRecord(key, specOf(table), stored))
	};
}

/**
 * Whole-record writes through a lock, in the order they were made. Sealing takes a WebCrypto
 * round trip, so the write cannot start in the input's task as `writeNow` does for plain records;
 * each change starts sealing at once, and the writes follow one another. A version that a newer
 * one of the same record replaces before its turn is not written at all: the newer one holds
 * every change (the screen always writes the whole record), and the screen counts a save as done
 * only when all of its writes are (state/latest-record.svelte.ts), so a failure of the newer one
 * is still shown.
 */
export class SealedWrites {
	readonly #db: SpinnenwebDb;
	#chain: Promise<void> = Promise.resolve();
	readonly #newest = new Map<string, number>();
	#count = 0;

	constructor(db: SpinnenwebDb) {
		this.#db = db;
	}

	/**
	 * One whole record as the repositories store it: with no lock it is written in this very task
	 * (writeNow), with one it is sealed and written in turn (write).
	 */
	put(lock: RecordLock | null, table: string, key: string, value: object): Promise<void> {
		return lock ? this.write(lock, table, key, value) : writeNow(this.#db, [{ table, value }]);
	}

	write(lock: RecordLock, table: string, key: string, value: object): Promise<void> {
		const slot = `${table}/${key}`;
		const turn = ++this.#count;
		this.#newest.set(slot, turn);
		const sealing = lock.seal(table, value);
		// The chain never stops at a failed write; each caller hears of its own.
		sealing.catch(() => undefined);
		const saved = this.#chain.then(async () => {
			const sealed = await sealing;
			if (this.#newest.get(slot) !== turn) return;
			await writeNow(this.#db, [{ table, value: sealed }]);
		});
		this.#chain = saved.catch(() => undefined);
		return saved;
	}

	/**
	 * Runs `task` once every write and task started before it is done: sealed read-change-write
	 * steps then land in the order they were asked for, as Dexie transactions do for plain ones.
	 */
	inTurn<T>(task: () => Promise<T>): Promise<T> {
		const result = this.#chain.then(task);
		this.#chain = result.then(
			() => undefined,
			() => undefined
		);
		return result;
	}
}
