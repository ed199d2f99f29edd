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
import type * as z from 'zod/mini';
import type { SpinnenwebDb } from './db';
import { describeIssues } from './errors';

/**
 * The personal tables as backup sections. A table added later registers its section in the
 * list of its side (personalSections, or the professional one) with its schema and these hooks.
 * Once the lock is integrated, readDevice/exportAll open sealed records and write() seals them,
 * as the repositories do.
 */

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
	toArray(): Promise<unknown[]>;
	bulkGet(keys: string[]): Promise<unknown[]>;
	bulkPut(items: readonly object[]): Promise<unknown>;
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
			const records: T[] = [];
			let skipped = 0;
			for (const raw of await table.toArray()) {
				const result = parse(raw);
				if (result.ok) records.push(result.record);
				else skipped++;
			}
			return { records, skipped };
		},
		async readDevice(ids) {
			const found = new Map<string, DeviceRecord<T>>();
			const rows = await table.bulkGet([...ids]);
			ids.forEach((id, i) => {
				const raw = rows[i];
				if (raw === undefined) {
					found.set(id, { status: 'missing' });
					return;
				}
				const result = parse(raw);
				found.set(
					id,
					result.ok ? { status: 'found', record: result.record } : { status: 'corrupt' }
				);
			});
			return found;
		},
		async write(records) {
			await table.bulkPut(records);
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
		atomically: (work) => db.transaction('rw', db.tables, work)
	};
}
