import { Dexie, type Table, type Transaction } from 'dexie';
import { DB_NAME } from './db-name';

export { DB_NAME };

/**
 * What a table really holds: only the primary key is certain. Anything else may be from an older
 * app version, a bug or a damaged disk, so repositories parse every record before use.
 */
export type StoredRecord = { id: string } & Record<string, unknown>;

/** A stored reflection: keyed by the id of the web it is about, the rest to be parsed. */
export type StoredReflection = { webId: string } & Record<string, unknown>;

/** A stored outbox item, keyed by its summary's uuid. */
export type StoredOutboxItem = { uuid: string } & Record<string, unknown>;

/** One of the sync's small records (consent, device, withdrawal, retry), keyed by its kind. */
export type StoredSyncRecord = { key: string } & Record<string, unknown>;

/** The lock's one row (id 'lock'); its `state` is parsed by $lib/crypto's LockStateSchema. */
export type StoredLockRow = { id: string } & Record<string, unknown>;

export interface SchemaVersion {
	readonly version: number;
	/** Dexie `stores()` for this version: only tables that change; `null` drops a table. */
	readonly stores: Readonly<Record<string, string | null>>;
	/** Moves data from the previous version's shape to this one's. Runs once, inside the upgrade. */
	readonly upgrade?: (tx: Transaction) => PromiseLike<unknown> | void;
}

/**
 * The one list of schema versions, oldest first. Never edit a version that has shipped: add the
 * next one, with its upgrade and a row in the upgrade test table (db.spec.ts).
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
	{
		version: 1,
		// completedAt stays indexed for finished webs; IndexedDB leaves null out of an index, so
		// unfinished webs are found through updatedAt instead.
		stores: { webs: 'id, createdAt, updatedAt, completedAt' }
	},
	{
		version: 2,
		// Reflections (notes, focus, first step) in a table of their own, one per web, keyed by the
		// web's id: free text never shares a record with the scores a later sync may send. stepDate
		// is indexed for the start page's reminder; IndexedDB leaves null out of the index, so only
		// reflections with a date are in it. Nothing to move: the table starts empty.
		stores: { reflections: 'webId, stepDate' }
	},
	{
		version: 3,
		// The professional side: people (clients), their conversations and agreements, each in a
		// table of its own, so notes never share a record with a web a later sync may send. A
		// conversation's web is a normal web marked with its clientId, indexed so a person's webs
		// are found at once; the person's own webs have none (IndexedDB leaves them out of that
		// index). Nothing to move: existing webs are the person's own, the new tables start empty.
		stores: {
			webs: 'id, createdAt, updatedAt, completedAt, clientId',
			clients: 'id',
			conversations: 'id, clientId',
			agreements: 'id, clientId, conversationId'
		}
	},
	{
		version: 4,
		// The sociale kaart: local voorzieningen, a list the team shares, apart from anything about
		// a person. Kept in memory for search, so only the key is indexed. Nothing to move: the
		// table starts empty. Version 3 is the professional side's people and conversations.
		stores: { voorzieningen: 'id' }
	},
	{
		// Consented sync (src/lib/sync/README.md). Versions 3 and 4 belong to the professional side
		// and the sociale kaart; IndexedDB versions need only rise, so the numbers may have gaps.
		// The outbox holds which completed web is to be summarised, never its scores or notes: the
		// summary is built from the web when it is sent. webId is indexed so deleting a web takes its
		// item with it. syncState holds small records by key: consent, the device token, a pending
		// withdrawal, the shared retry schedule. Nothing to move: both tables start empty.
		version: 5,
		stores: { outbox: 'uuid, webId', syncState: 'key' }
	},
	{
		// The passcode lock (src/lib/crypto/README.md): one record keyed 'lock' holding the wrapped
		// data key, its salt and iteration count, and the phase (sealing, sealed, opening) that lets
		// re-encryption resume after a closed tab; the data key itself is never stored. The count of
		// wrong passcodes stays in localStorage beside it (crypto/attempts.ts). Nothing to move: the
		// table starts empty, and no passcode means no row. Version 7 is left for work made elsewhere.
		version: 6,
		stores: { lock: 'id' }
	}
];

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]?.version ?? 0;

export type VersionChangeReason = 'upgrade' | 'delete';
export type VersionChangeListener = (reason: VersionChangeReason) => void;

export class SpinnenwebDb extends Dexie {
	webs!: Table<StoredRecord, string>;
	reflections!: Table<StoredReflection, string>;
	clients!: Table<StoredRecord, string>;
	conversations!: Table<StoredRecord, string>;
	agreements!: Table<StoredRecord, string>;
	outbox!: Table<StoredOutboxItem, string>;
	syncState!: Table<StoredSyncRecord, string>;
	lock!: Table<StoredLockRow, string>;

	readonly #versionChangeListeners = new Set<VersionChangeListener>();

	constructor(name: string = DB_NAME) {
		// No query cache: some writes go to IndexedDB directly (write-now.ts) and then tell the live
		// queries to re-run; with Dexie's cache on, a re-run could answer from the cache instead.
		super(name, { cache: 'disabled' });
		for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
			const declared = this.version(version).stores(stores);
			if (upgrade) declared.upgrade(upgrade);
		}
		// Another tab opened a newer app version (or deleted the data). This tab's code may not know
		// the new shape, so it closes for good instead of reopening and writing old-shaped records;
		// the UI offers a reload. Returning false skips Dexie's default (close and auto-reopen).
		this.on('versionchange', (event: IDBVersionChangeEvent) => {
			this.close({ disableAutoOpen: true });
			const reason: VersionChangeReason = event.newVersion ? 'upgrade' : 'delete';
			for (const listener of [...this.#versionChangeListeners]) listener(reason);
			return false;
		});
	}

	/** Called when another tab needs this connection closed. Returns an unsubscribe. */
	onVersionChange(listener: VersionChangeListener): () => void {
		this.#versionChangeListeners.add(listener);
		return () => {
			this.#versionChangeListeners.delete(listener);
		};
	}
}

/** A new connection; it opens on first use. The app uses getDb(); tests make their own. */
export function openDb(name: string = DB_NAME): SpinnenwebDb {
	return new SpinnenwebDb(name);
}

let shared: SpinnenwebDb | undefined;

/** The app's one connection, made on first call (in the browser only: IndexedDB is needed). */
export function getDb(): SpinnenwebDb {
	shared ??= openDb();
	return shared;
}

/**
 * True when storage is full. Browsers report it as QuotaExceededError, but inside a transaction
 * Dexie wraps it (an AbortError whose `inner` is the real error), and so may we (`cause`):
 * look through the wrappers.
 */
export function isQuotaError(error: unknown): boolean {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
		if ('name' in current && current.name === Dexie.errnames.QuotaExceeded) return true;
		current = 'inner' in current ? current.inner : 'cause' in current ? current.cause : undefined;
	}
	return false;
}
