import type { Dexie } from 'dexie';
import type { LockState, ReencryptStore } from '$lib/crypto/reencrypt';
import type { SealedTableSpec } from '$lib/crypto/sealed-record';

/**
 * Re-encryption's store (crypto/reencrypt.ts) on IndexedDB through Dexie. The lock state is one
 * record in `stateTable` under `stateKey`; the app keeps it in a small table of its own (keyed by
 * `id`) beside the tables it seals. Each method is one transaction.
 */
export class DexieReencryptStore implements ReencryptStore {
	readonly #db: Dexie;
	readonly #stateTable: string;
	readonly #stateKey: string;
	readonly tables: readonly SealedTableSpec[];

	constructor(
		db: Dexie,
		tables: readonly SealedTableSpec[],
		stateTable: string,
		stateKey = 'lock'
	) {
		this.#db = db;
		this.tables = tables;
		this.#stateTable = stateTable;
		this.#stateKey = stateKey;
	}

	async readState(): Promise<unknown> {
		const row: unknown = await this.#db.table(this.#stateTable).get(this.#stateKey);
		if (typeof row !== 'object' || row === null) return undefined;
		return (row as { state?: unknown }).state;
	}

	async writeState(state: LockState | null): Promise<void> {
		const table = this.#db.table(this.#stateTable);
		if (state === null) await table.delete(this.#stateKey);
		else await table.put({ id: this.#stateKey, state });
	}

	async listKeys(table: string): Promise<string[]> {
		const keys = await this.#db.table(table).toCollection().primaryKeys();
		return keys.map(String);
	}

	read(table: string, key: string): Promise<unknown> {
		return this.#db.table(table).get(key) as Promise<unknown>;
	}

	replace(table: string, key: string, expected: unknown, next: unknown): Promise<boolean> {
		const store = this.#db.table(table);
		return this.#db.transaction('rw', store, async () => {
			const current: unknown = await store.get(key);
			if (current === undefined || !sameStored(current, expected)) return false;
			await store.put(next);
			return true;
		});
	}
}

/** Deep equality for what IndexedDB gives back: plain objects, arrays, byte arrays, primitives. */
export function sameStored(a: unknown, b: unknown): boolean {
	if (Object.is(a, b)) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (a instanceof Uint8Array || b instanceof Uint8Array) {
		if (!(a instanceof Uint8Array && b instanceof Uint8Array) || a.length !== b.length)
			return false;
		return a.every((byte, i) => byte === b[i]);
	}
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	const aKeys = Object.keys(a);
	const bKeys = Object.keys(b);
	if (aKeys.length !== bKeys.length) return false;
	return aKeys.every(
		(k) =>
			Object.prototype.hasOwnProperty.call(b, k) &&
			sameStored((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])
	);
}
