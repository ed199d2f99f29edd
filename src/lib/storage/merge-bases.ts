import { Dexie, type Table } from 'dexie';
import type { MergeBaseStore } from '$lib/backup/sections';

/**
 * The merge bases (backup/README.md): per record, the change time this device last shared with a
 * backup. A database of its own, so the app's schema (db.ts) needs no new version for it; it
 * holds only `section/id` and a time, never content. Losing it costs nothing but a question:
 * without a base, an import asks the person about a record both sides have in another form.
 */
export const MERGE_BASES_DB = 'spinnenweb-merge-bases';

interface BaseRow {
	key: string;
	updatedAt: number;
}

class MergeBasesDb extends Dexie {
	bases!: Table<BaseRow, string>;

	constructor(name: string) {
		super(name, { cache: 'disabled' });
		this.version(1).stores({ bases: 'key' });
	}
}

export class DexieMergeBaseStore implements MergeBaseStore {
	readonly #db: MergeBasesDb;

	constructor(name: string = MERGE_BASES_DB) {
		this.#db = new MergeBasesDb(name);
	}

	async get(keys: readonly string[]): Promise<Map<string, number>> {
		const rows = await this.#db.bases.bulkGet([...keys]);
		const found = new Map<string, number>();
		for (const row of rows) {
			if (row && typeof row.updatedAt === 'number') found.set(row.key, row.updatedAt);
		}
		return found;
	}

	async set(entries: ReadonlyMap<string, number>): Promise<void> {
		await this.#db.bases.bulkPut([...entries].map(([key, updatedAt]) => ({ key, updatedAt })));
	}

	async clear(): Promise<void> {
		await this.#db.bases.clear();
	}

	close(): void {
		this.#db.close();
	}
}
