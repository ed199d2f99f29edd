import type { MergeBaseStore } from '$lib/backup/sections';
import type { SpinnenwebDb } from './db';

/**
 * "Alles wissen": every table of the app's database emptied in one transaction (all or nothing,
 * and tables added later are included without a change here), then the merge bases, then what
 * the app keeps in localStorage (language, simple mode, the lock's attempt count). The service
 * worker's cache holds only the app's own code, so it stays: the app still opens offline.
 * Other tabs see their data go through their live queries.
 */
export async function eraseDevice(
	db: SpinnenwebDb,
	bases: MergeBaseStore,
	storage: Pick<Storage, 'clear'> | undefined
): Promise<void> {
	await db.transaction('rw', db.tables, async () => {
		for (const table of db.tables) await table.clear();
	});
	await bases.clear();
	try {
		// The origin is the app's own: everything in its localStorage is Spinnenweb's.
		storage?.clear();
	} catch {
		// Storage blocked: there was nothing in it to keep.
	}
}
