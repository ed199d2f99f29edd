/**
 * A backup section: one kind of record (a table) and how the backup reads and writes it. The app's
 * sections are registered in one list (`$lib/storage/backup-sections.ts` for the tables, and the
 * device settings); a table added later adds its section there, and backups carry it from then on.
 */
export type SectionParse<T> =
	{ ok: true; record: T } | { ok: false; id?: string; issues: string[] };

/** A record as the device has it: there, there but damaged, or not there. */
export type DeviceRecord<T> =
	{ status: 'found'; record: T } | { status: 'corrupt' } | { status: 'missing' };

export interface BackupSection<T = unknown> {
	/** The section's name in the file; never changes once shipped. */
	readonly name: string;
	/** The version of the record shape this app writes and reads. Older versions must still parse. */
	readonly version: number;
	/** Parses one record from a file (with the domain schema). */
	parse(raw: unknown): SectionParse<T>;
	idOf(record: T): string;
	/** When the record last changed (epoch ms); merging keeps the newer. */
	updatedAtOf(record: T): number;
	/**
	 * Records without change times (settings): the device's own value stays when it has one, and
	 * the backup's fills in only what the device lacks.
	 */
	readonly isDeviceFirst?: boolean;
	/** Kept outside IndexedDB (settings in localStorage): written once the database's part is in. */
	readonly isOutsideDatabase?: boolean;
	/**
	 * A record that belongs to another (a reflection to its web, a conversation to its person):
	 * it is only imported when that one is on the device or comes with the same import, itself
	 * importable (so a chain such as agreement → conversation → person holds whole). Undefined
	 * when this record belongs to none (a person's own web).
	 */
	parentOf?(record: T): { section: string; id: string } | undefined;
	/** Everything on the device, for a backup; `skipped` counts damaged records left out. */
	exportAll(): Promise<{ records: T[]; skipped: number }>;
	/** The device's records for these ids. */
	readDevice(ids: readonly string[]): Promise<Map<string, DeviceRecord<T>>>;
	/**
	 * Stores these records whole (added or replaced). Runs inside BackupTarget.atomically(), so
	 * it awaits only database calls.
	 */
	write(records: readonly T[]): Promise<void>;
}

/** Where merge bases are kept: per record, the change time both sides last agreed on. */
export interface MergeBaseStore {
	get(keys: readonly string[]): Promise<Map<string, number>>;
	set(entries: ReadonlyMap<string, number>): Promise<void>;
	clear(): Promise<void>;
}

/** The device as an import sees it. */
export interface BackupTarget {
	readonly sections: readonly BackupSection[];
	/**
	 * Sections the app knows that this side leaves alone (the personal side and a tablet's
	 * people): a file holding them is read for the rest, not refused as from a newer app.
	 */
	readonly otherSide?: readonly string[];
	readonly bases: MergeBaseStore;
	/**
	 * Runs `work` so that all the sections' writes in it land together or not at all (one
	 * IndexedDB transaction). Reads inside it see the database as the writes will find it.
	 */
	atomically<R>(work: () => Promise<R>): Promise<R>;
}

export function baseKey(section: string, id: string): string {
	return `${section}/${id}`;
}
