import { DB_NAME } from './db-name';

/**
 * Whether this device may hold anything of ours. False only when the browser can tell that our
 * database does not exist at all (on a first visit): then there is nothing to read, and the storage code need not load to learn so. Asking does not create
 * the database, as opening it would. Where the browser cannot tell (`indexedDB.databases()` is
 * missing or refuses), the answer is true and the caller reads as usual.
 */
export async function mayHoldData(
	factory: Pick<IDBFactory, 'databases'> | null = globalThis.indexedDB ?? null
): Promise<boolean> {
	if (typeof factory?.databases !== 'function') return true;
	try {
		const databases = await factory.databases();
		return databases.some((database) => database.name === DB_NAME);
	} catch {
		return true;
	}
}
