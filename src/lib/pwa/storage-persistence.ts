/**
 * Whether the browser keeps the app's data for good, how much it holds, and asking once to keep
 * it. Without "persistent" storage a browser may clear it when the device runs low on space, and
 * Safari does after 7 days without a visit unless the app is installed.
 */

/** The parts of `navigator.storage` we use; tests pass their own. */
export type StorageManagerLike = Pick<StorageManager, 'persisted' | 'persist' | 'estimate'>;
/** Where we remember that we asked; tests pass their own. */
export type Memory = Pick<Storage, 'getItem' | 'setItem'>;

export interface StorageReport {
	/** null where the browser cannot tell. */
	isPersistent: boolean | null;
	/** Bytes the app uses on this device; null where the browser cannot tell. */
	usage: number | null;
}

export const PERSIST_ASKED_KEY = 'spinnenweb.persistAsked';

function browserStorage(): StorageManagerLike | undefined {
	return typeof navigator !== 'undefined' && 'storage' in navigator ? navigator.storage : undefined;
}

function browserMemory(): Memory | undefined {
	try {
		return localStorage;
	} catch {
		return undefined; // blocked, e.g. by a privacy setting
	}
}

async function orNull<T>(read: (() => Promise<T>) | undefined): Promise<T | null> {
	try {
		return read ? await read() : null;
	} catch {
		return null;
	}
}

export async function readStorageReport(
	manager: StorageManagerLike | undefined = browserStorage()
): Promise<StorageReport> {
	const [isPersistent, estimate] = await Promise.all([
		orNull(manager?.persisted.bind(manager)),
		orNull(manager?.estimate.bind(manager))
	]);
	return { isPersistent, usage: estimate?.usage ?? null };
}

/** Asks the browser to keep the data for good; true when it will. Chromium decides silently. */
export async function requestPersistence(
	manager: StorageManagerLike | undefined = browserStorage()
): Promise<boolean | null> {
	return orNull(manager?.persist.bind(manager));
}

/**
 * Asks once per device, after the first saved answer: by then there is something worth keeping,
 * and a browser that shows a question (Firefox) shows it when it makes sense. Remembers the
 * asking, not the answer: the settings page can ask again.
 */
export function createPersistenceAsker(
	manager: StorageManagerLike | undefined,
	memory: Memory | undefined
): () => Promise<void> {
	let isAsked = false; // also when the device cannot remember (storage blocked)
	return async () => {
		if (isAsked || !manager) return;
		isAsked = true;
		try {
			if (memory?.getItem(PERSIST_ASKED_KEY)) return;
			memory?.setItem(PERSIST_ASKED_KEY, String(Date.now()));
		} catch {
			// Cannot remember: ask once per page load at most.
		}
		if ((await orNull(() => manager.persisted())) === true) return;
		await requestPersistence(manager);
	};
}

let askInBrowser: (() => Promise<void>) | undefined;

/** The app's asker, on this browser's storage and memory. */
export function askPersistenceOnce(): Promise<void> {
	askInBrowser ??= createPersistenceAsker(browserStorage(), browserMemory());
	return askInBrowser();
}
