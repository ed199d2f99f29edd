import { getDb } from '$lib/storage/db';
import { WebRepo } from '$lib/storage/web-repo';
import { appLock } from './app-lock.svelte';
import { watchDatabase } from './db-status';

let webs: WebRepo | undefined;

/** The app's one web repository on the app's one database connection. */
export function webRepo(): WebRepo {
	webs ??= new WebRepo(watchDatabase(getDb()), { lock: appLock.source });
	return webs;
}
