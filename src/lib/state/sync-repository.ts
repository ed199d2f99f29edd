import { getDb } from '$lib/storage/db';
import { SyncRepo } from '$lib/storage/sync-repo';

let sync: SyncRepo | undefined;

/**
 * The app's one sync repository on the app's one database connection. Apart from repositories.ts
 * so that screens which never touch the sync (the start page) do not load it.
 */
export function syncRepo(): SyncRepo {
	sync ??= new SyncRepo(getDb());
	return sync;
}
