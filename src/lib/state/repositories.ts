import { getDb } from '$lib/storage/db';
import { ReflectionRepo } from '$lib/storage/reflection-repo';
import { WebRepo } from '$lib/storage/web-repo';

let webs: WebRepo | undefined;
let reflections: ReflectionRepo | undefined;

/** The app's one web repository on the app's one database connection. */
export function webRepo(): WebRepo {
	webs ??= new WebRepo(getDb());
	return webs;
}

/** The app's one reflection repository on the same connection. */
export function reflectionRepo(): ReflectionRepo {
	reflections ??= new ReflectionRepo(getDb());
	return reflections;
}
