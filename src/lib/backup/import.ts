import type { BadRecord } from './format';
import { decideMerge, nextBase, type MergeDecision } from './merge';
import type { ReadBackup } from './read-backup';
import { baseKey, type BackupSection, type BackupTarget, type DeviceRecord } from './sections';

/** Two versions of one record, for the person to choose between. */
export interface Conflict {
	/** `section/id`, the key for the person's choice. */
	key: string;
	section: string;
	id: string;
	device: DeviceRecord<unknown>;
	file: unknown;
}

export type Choice = 'device' | 'file';

interface PlannedRecord {
	section: BackupSection;
	record: unknown;
	id: string;
	decision: MergeDecision;
	/** The device's version the decision was made on, to notice a change before applying. */
	deviceTime: number | 'missing' | 'corrupt';
}

export interface ImportPlan {
	readonly records: readonly PlannedRecord[];
	readonly conflicts: readonly Conflict[];
	/** The file's bad records, and those whose parent (a reflection's web) is nowhere. */
	readonly bad: readonly BadRecord[];
}

export interface SectionCounts {
	added: number;
	updated: number;
	unchanged: number;
	/** Newer on the device, so the device's stayed. */
	kept: number;
}

export interface ImportOutcome {
	counts: Record<string, SectionCounts>;
	bad: readonly BadRecord[];
	/** Changed on the device while the person was choosing: left as the device has it. */
	changedMeanwhile: number;
	/** True when nothing on the device changed (the same file imported a second time). */
	isNothingChanged: boolean;
}

function timeOf(
	section: BackupSection,
	device: DeviceRecord<unknown>
): PlannedRecord['deviceTime'] {
	if (device.status === 'found') return section.updatedAtOf(device.record);
	return device.status;
}

/**
 * Works out what importing the file would do, reading the device but changing nothing. Records
 * whose parent is neither on the device nor among the file's importable records are listed as
 * bad.
 */
export async function planImport(backup: ReadBackup, target: BackupTarget): Promise<ImportPlan> {
	const records: PlannedRecord[] = [];
	const conflicts: Conflict[] = [];
	const bad: BadRecord[] = [...backup.bad];
	const incoming = new Map<string, Set<string>>();
	const onDevice = new Map<string, Map<string, DeviceRecord<unknown>>>();

	for (const section of target.sections) {
		const good = backup.good.get(section.name) ?? [];
		incoming.set(section.name, new Set(good.map((r) => section.idOf(r))));
		onDevice.set(section.name, await section.readDevice(good.map((r) => section.idOf(r))));
	}
	const bases = await target.bases.get(
		target.sections.flatMap((s) =>
			[...(incoming.get(s.name) ?? [])].map((id) => baseKey(s.name, id))
		)
	);
	const parents = await parentsOnDevice(backup, target, incoming);

	for (const section of target.sections) {
		const good = backup.good.get(section.name) ?? [];
		const device = onDevice.get(section.name)!;
		for (const [index, record] of good.entries()) {
			const id = section.idOf(record);
			const parent = section.parentOf?.(record);
			if (parent && !parents.has(baseKey(parent.section, parent.id))) {
				bad.push({
					section: section.name,
					position: index + 1,
					id,
					kind: 'orphan',
					issues: []
				});
				continue;
			}
			const deviceRecord = device.get(id) ?? { status: 'missing' as const };
			const decision = decideMerge({
				file: record,
				device: deviceRecord,
				base: bases.get(baseKey(section.name, id)),
				updatedAtOf: (r) => section.updatedAtOf(r),
				isDeviceFirst: section.isDeviceFirst
			});
			records.push({ section, record, id, decision, deviceTime: timeOf(section, deviceRecord) });
			if (decision === 'conflict') {
				conflicts.push({
					key: baseKey(section.name, id),
					section: section.name,
					id,
					device: deviceRecord,
					file: record
				});
			}
		}
	}
	return { records, conflicts, bad };
}

/**
 * `section/id` of every parent the file's records may hang under: found on the device, or in the
 * file and not itself an orphan. Worked out to a fixed point, so a chain (agreement →
 * conversation → person) whose top is nowhere leaves every link out, not only the first.
 */
async function parentsOnDevice(
	backup: ReadBackup,
	target: BackupTarget,
	incoming: ReadonlyMap<string, ReadonlySet<string>>
): Promise<Set<string>> {
	const children: { key: string; parent: string }[] = [];
	const wanted = new Map<string, Set<string>>();
	for (const section of target.sections) {
		if (!section.parentOf) continue;
		for (const record of backup.good.get(section.name) ?? []) {
			const parent = section.parentOf(record);
			if (!parent) continue;
			children.push({
				key: baseKey(section.name, section.idOf(record)),
				parent: baseKey(parent.section, parent.id)
			});
			if (!wanted.has(parent.section)) wanted.set(parent.section, new Set());
			wanted.get(parent.section)!.add(parent.id);
		}
	}
	const onDevice = new Set<string>();
	for (const [name, ids] of wanted) {
		const parentSection = target.sections.find((s) => s.name === name);
		if (!parentSection) continue;
		for (const [id, found] of await parentSection.readDevice([...ids])) {
			if (found.status === 'found') onDevice.add(baseKey(name, id));
		}
	}
	const inFile = (key: string) => {
		const slash = key.indexOf('/');
		return incoming.get(key.slice(0, slash))?.has(key.slice(slash + 1)) ?? false;
	};
	const orphans = new Set<string>();
	for (let changed = true; changed;) {
		changed = false;
		for (const { key, parent } of children) {
			if (orphans.has(key) || onDevice.has(parent)) continue;
			if (!inFile(parent) || orphans.has(parent)) {
				orphans.add(key);
				changed = true;
			}
		}
	}
	const present = new Set(onDevice);
	for (const [name, ids] of incoming) {
		for (const id of ids) if (!orphans.has(baseKey(name, id))) present.add(baseKey(name, id));
	}
	return present;
}

/**
 * Carries out a plan with the person's choices for its conflicts (a conflict without a choice
 * keeps the device's version). All database writes land in one transaction; a record that
 * changed on the device since the plan was made is left as the device has it. Then the merge
 * bases are stored, so importing the same file again changes nothing.
 */
export async function applyImport(
	plan: ImportPlan,
	choices: Readonly<Record<string, Choice>>,
	target: BackupTarget
): Promise<ImportOutcome> {
	const counts: Record<string, SectionCounts> = {};
	for (const section of target.sections) {
		counts[section.name] = { added: 0, updated: 0, unchanged: 0, kept: 0 };
	}
	let changedMeanwhile = 0;
	const bases = new Map<string, number>();

	const inDatabase = plan.records.filter((p) => !p.section.isOutsideDatabase);
	const outside = plan.records.filter((p) => p.section.isOutsideDatabase);

	const run = async (planned: readonly PlannedRecord[]) => {
		const writes = new Map<BackupSection, unknown[]>();
		for (const section of new Set(planned.map((p) => p.section))) {
			const ids = planned.filter((p) => p.section === section).map((p) => p.id);
			const now = await section.readDevice(ids);
			for (const p of planned.filter((x) => x.section === section)) {
				const current = timeOf(section, now.get(p.id) ?? { status: 'missing' });
				if (current !== p.deviceTime) {
					changedMeanwhile++;
					continue;
				}
				const sectionCounts = counts[section.name]!;
				const isWrite =
					p.decision === 'add' ||
					p.decision === 'take-file' ||
					(p.decision === 'conflict' && choices[baseKey(section.name, p.id)] === 'file');
				if (isWrite) {
					writes.set(section, [...(writes.get(section) ?? []), p.record]);
					if (p.decision === 'add') sectionCounts.added++;
					else sectionCounts.updated++;
				} else if (p.decision === 'same') sectionCounts.unchanged++;
				else sectionCounts.kept++;
				if (!section.isDeviceFirst) {
					const key = baseKey(section.name, p.id);
					bases.set(key, section.updatedAtOf(p.record));
				}
			}
		}
		for (const [section, records] of writes) await section.write(records);
	};

	await target.atomically(() => run(inDatabase));
	await run(outside);

	const previous = await target.bases.get([...bases.keys()]);
	for (const [key, time] of bases) bases.set(key, nextBase(previous.get(key), time));
	await target.bases.set(bases);

	const isNothingChanged = Object.values(counts).every((c) => c.added === 0 && c.updated === 0);
	return { counts, bad: plan.bad, changedMeanwhile, isNothingChanged };
}
