import { getDb } from '$lib/storage/db';

/** Tells when another tab opened a newer database version, so this tab can offer a reload. */
export function onDatabaseReplaced(listener: () => void): () => void {
	return getDb().onVersionChange(listener);
}
