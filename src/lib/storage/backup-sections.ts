import type {
	BackupSection,
	BackupTarget,
	DeviceRecord,
	MergeBaseStore,
	SectionParse
} from '$lib/backup/sections';
import { ReflectionSchema, type Reflection } from '$lib/domain/reflection';
import { WebSchema, type Web } from '$lib/domain/web';
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

export function webSection(db: SpinnenwebDb): BackupSection<Web> {
	return tableSection<Web>('webs', db.webs, parser(WebSchema, 'id'), {
		idOf: (web) => web.id,
		updatedAtOf: (web) => web.updatedAt
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

/** A backup target over the app's database: its tables' sections plus any others (settings). */
export function databaseTarget(
	db: SpinnenwebDb,
	sections: readonly BackupSection[],
	bases: MergeBaseStore
): BackupTarget {
	return {
		sections,
		bases,
		atomically: (work) => db.transaction('rw', db.tables, work)
	};
}
