import { getDb } from '$lib/storage/db';
import { ReflectionRepo } from '$lib/storage/reflection-repo';
import { appLock } from './app-lock.svelte';
import { watchDatabase } from './db-status';

let reflections: ReflectionRepo | undefined;

/**
 * The app's one reflection repository on the app's one database connection. Apart from
 * repositories.ts so that screens which only need webs (the start page) do not load it.
 */
export function reflectionRepo(): ReflectionRepo {
	reflections ??= new ReflectionRepo(watchDatabase(getDb()), { lock: appLock.source });
	return reflections;
}
