import type { SpinnenwebDb } from '$lib/storage/db';

/**
 * Tells when another tab opened a newer database version, so this tab can offer a reload. Free of
 * the storage code itself: the layout listens on every page, also on a first visit, where nothing
 * opens the database and the storage code is never fetched. The repositories hand the database
 * over (watchDatabase) when they make it.
 */
const listeners = new Set<() => void>();
let watched: SpinnenwebDb | undefined;

export function onDatabaseReplaced(listener: () => void): () => void {
	listeners.add(listener);
	return () => {
		listeners.delete(listener);
	};
}

/** Called with the app's one connection when it is made; later calls with it do nothing. */
export function watchDatabase(db: SpinnenwebDb): SpinnenwebDb {
	if (watched !== db) {
		watched = db;
		db.onVersionChange(() => {
			for (const listener of [...listeners]) listener();
		});
	}
	return db;
}
