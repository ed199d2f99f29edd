import type {
	BackupSection,
	BackupTarget,
	DeviceRecord,
	MergeBaseStore,
	SectionParse
} from '$lib/backup/sections';
import { AgreementSchema, type Agreement } from '$lib/domain/agreement';
import { ClientSchema, type Client } from '$lib/domain/client';
import { ConversationSchema, type Conversation } from '$lib/domain/conversation';
import { ReflectionSchema, type Reflection } from '$lib/domain/reflection';
import { VoorzieningSchema, type Voorziening } from '$lib/domain/voorziening';
import { isOwnWeb, WebSchema, type Web } from '$lib/domain/web';
import type { Dexie } from 'dexie';
import type * as z from 'zod/mini';
import type { SpinnenwebDb } from './db';
import { describeIssues } from './errors';
import { NO_LOCK, type LockSource, type RecordLock } from './record-lock';
import { sameStored } from './reencrypt-store';
import { SEALED_TABLES } from './sealed-tables';

/**
 * The database's tables as backup sections. A table added later registers its section in the
 * list of its side (personalSections, or the professional one) with its schema and these hooks,
 * through tableSection(), and then follows the passcode lock without more: with a lock open,
 * exportAll and readDevice open sealed records, and write() seals them (for the tables in
 * SEALED_TABLES) before they are stored.
 *
 * WebCrypto cannot run inside an IndexedDB transaction (it commits while waiting on anything
 * else), so with a lock databaseTarget's atomically() runs the import's work outside one: reads
 * are opened and remembered, writes sealed and held. Then one transaction checks that every
 * record read is still as it was and stores all the held writes, or stores nothing and the work
 * runs again from what is there now.
 */

const SEALED_NAMES = new Set(SEALED_TABLES.map((spec) => spec.name));

/** An import's work with a lock on: what it read (to check) and what it will write. */
interface HeldImport {
	readonly reads: { table: string; key: string; raw: unknown }[];
	readonly writes: Map<string, object[]>;
}

const locks = new WeakMap<Dexie, LockSource>();
const held = new WeakMap<Dexie, HeldImport>();

/** The lock the backup of this database follows (the app's own, set when it starts). */
export function useBackupLock(db: Dexie, lock: LockSource): void {
	locks.set(db, lock);
}

function lockOf(db: Dexie, table: string): RecordLock | null {
	return SEALED_NAMES.has(table) ? (locks.get(db) ?? NO_LOCK)() : null;
}

function parser<T>(schema: z.ZodMiniType<T>, idField: string) {
	return (raw: unknown): SectionParse<T> => {
		const result = schema.safeParse(raw);
		if (result.success) return { ok: true, record: result.data };
		const id =
			typeof raw === 'object' && raw !== null && idField in raw
				? (raw as Record<string, unknown>)[idField]
				: undefined;
		return {
			ok: false,
			id: typeof id === 'string' ? id : undefined,
			issues: describeIssues(result.error)
		};
	};
}

/** What a section needs of a Dexie table. */
interface RecordTable {
	readonly name: string;
	readonly db: Dexie;
	toArray(): Promise<unknown[]>;
	bulkGet(keys: string[]): Promise<unknown[]>;
	bulkPut(items: readonly object[]): Promise<unknown>;
}

/** A stored record, opened when a lock is on; one that does not open is undefined (damaged). */
async function openRow(lock: RecordLock, table: string, raw: unknown): Promise<unknown> {
	try {
		return await lock.open(table, raw);
	} catch {
		return undefined;
	}
}

function tableSection<T extends object>(
	name: string,
	table: RecordTable,
	parse: (raw: unknown) => SectionParse<T>,
	shape: Pick<BackupSection<T>, 'idOf' | 'updatedAtOf' | 'parentOf'>
): BackupSection<T> {
	return {
		name,
		version: 1,
		parse,
		...shape,
		async exportAll() {
			const lock = lockOf(table.db, table.name);
			const records: T[] = [];
			let skipped = 0;
			for (const raw of await table.toArray()) {
				const opened = lock ? await openRow(lock, table.name, raw) : raw;
				const result = opened === undefined ? undefined : parse(opened);
				if (result?.ok) records.push(result.record);
				else skipped++;
			}
			return { records, skipped };
		},
		async readDevice(ids) {
			const lock = lockOf(table.db, table.name);
			const holding = held.get(table.db);
			const found = new Map<string, DeviceRecord<T>>();
			const rows = await table.bulkGet([...ids]);
			for (const [i, id] of ids.entries()) {
				const raw = rows[i];
				holding?.reads.push({ table: table.name, key: id, raw });
				if (raw === undefined) {
					found.set(id, { status: 'missing' });
					continue;
				}
				// Without a lock nothing but the database is awaited: this may run in a transaction.
				const opened = lock ? await openRow(lock, table.name, raw) : raw;
				const result = opened === undefined ? undefined : parse(opened);
				found.set(
					id,
					result?.ok ? { status: 'found', record: result.record } : { status: 'corrupt' }
				);
			}
			return found;
		},
		async write(records) {
			const holding = held.get(table.db);
			if (!holding) {
				await table.bulkPut(records);
				return;
			}
			const lock = lockOf(table.db, table.name);
			const stored: object[] = [];
			for (const record of records) {
				stored.push(lock ? await lock.seal(table.name, record) : record);
			}
			holding.writes.set(table.name, [...(holding.writes.get(table.name) ?? []), ...stored]);
		}
	};
}

/** Every web: the person's own, and the conversations' webs, which belong to their person. */
export function webSection(db: SpinnenwebDb): BackupSection<Web> {
	return tableSection<Web>('webs', db.webs, parser(WebSchema, 'id'), {
		idOf: (web) => web.id,
		updatedAtOf: (web) => web.updatedAt,
		parentOf: (web) => (web.clientId ? { section: 'clients', id: web.clientId } : undefined)
	});
}

export function reflectionSection(db: SpinnenwebDb): BackupSection<Reflection> {
	return tableSection<Reflection>(
		'reflections',
		db.reflections,
		parser(ReflectionSchema, 'webId'),
		{
			idOf: (r) => r.webId,
			updatedAtOf: (r) => r.updatedAt,
			parentOf: (r) => ({ section: 'webs', id: r.webId })
		}
	);
}

export function clientSection(db: SpinnenwebDb): BackupSection<Client> {
	return tableSection<Client>('clients', db.clients, parser(ClientSchema, 'id'), {
		idOf: (client) => client.id,
		updatedAtOf: (client) => client.updatedAt
	});
}

export function conversationSection(db: SpinnenwebDb): BackupSection<Conversation> {
	return tableSection<Conversation>(
		'conversations',
		db.conversations,
		parser(ConversationSchema, 'id'),
		{
			idOf: (c) => c.id,
			updatedAtOf: (c) => c.updatedAt,
			parentOf: (c) => ({ section: 'clients', id: c.clientId })
		}
	);
}

export function agreementSection(db: SpinnenwebDb): BackupSection<Agreement> {
	return tableSection<Agreement>('agreements', db.agreements, parser(AgreementSchema, 'id'), {
		idOf: (a) => a.id,
		updatedAtOf: (a) => a.updatedAt,
		// Its conversation, whose own parent is the person: an agreement comes only with both.
		parentOf: (a) => ({ section: 'conversations', id: a.conversationId })
	});
}

export function voorzieningSection(db: SpinnenwebDb): BackupSection<Voorziening> {
	return tableSection<Voorziening>(
		'voorzieningen',
		db.table('voorzieningen'),
		parser(VoorzieningSchema, 'id'),
		{ idOf: (v) => v.id, updatedAtOf: (v) => v.updatedAt }
	);
}

/**
 * Only what is the person's own, for the personal side's backup: webs without a person
 * (clientId) and their reflections. A tablet's conversations stay out of a backup made on the
 * personal side of the same device.
 */
export function personalOnly(
	webs: BackupSection<Web>,
	reflections: BackupSection<Reflection>
): [BackupSection<Web>, BackupSection<Reflection>] {
	const personalWebs = async () => {
		const all = await webs.exportAll();
		return { ...all, records: all.records.filter(isOwnWeb) };
	};
	return [
		{ ...webs, exportAll: personalWebs },
		{
			...reflections,
			async exportAll() {
				const ids = new Set((await personalWebs()).records.map((web) => web.id));
				const all = await reflections.exportAll();
				return { ...all, records: all.records.filter((r) => ids.has(r.webId)) };
			}
		}
	];
}

/** How often a locked import starts again when the app changed a record it read meanwhile. */
const TRIES = 5;

/** A backup target over the app's database: its tables' sections plus any others (settings). */
export function databaseTarget(
	db: SpinnenwebDb,
	sections: readonly BackupSection[],
	bases: MergeBaseStore,
	otherSide: readonly string[] = []
): BackupTarget {
	return {
		sections,
		otherSide,
		bases,
		async atomically(work) {
			const isLocked = SEALED_TABLES.some((spec) => lockOf(db, spec.name) !== null);
			if (!isLocked) return db.transaction('rw', db.tables, work);
			for (let attempt = 0; attempt < TRIES; attempt++) {
				const holding: HeldImport = { reads: [], writes: new Map() };
				held.set(db, holding);
				let result: Awaited<ReturnType<typeof work>>;
				try {
					result = await work();
				} finally {
					held.delete(db);
				}
				const isStored = await db.transaction('rw', db.tables, async () => {
					for (const { table, key, raw } of holding.reads) {
						if (!sameStored(await db.table(table).get(key), raw)) return false;
					}
					for (const [table, rows] of holding.writes) await db.table(table).bulkPut(rows);
					return true;
				});
				if (isStored) return result;
			}
			throw new Error('The device kept changing while the backup was being restored');
		}
	};
}
