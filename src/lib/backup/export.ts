import { contentChecksum } from './checksum';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupEnvelope, type SectionPayload } from './format';
import { baseKey, type BackupTarget } from './sections';

export interface MadeBackup {
	envelope: BackupEnvelope;
	/** The file's text: the envelope as indented JSON. */
	text: string;
	fileName: string;
	/** Records per section. */
	counts: Record<string, number>;
	/** Damaged records on the device that could not be put in the backup. */
	skipped: number;
}

function day(date: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * Everything the registered sections hold, as one backup file, sorted by id so the same data
 * always gives the same content. Remembers, per record, that this version is now shared with
 * wherever the file goes (the merge base a later import compares with).
 */
export async function makeBackup(
	target: BackupTarget,
	options: { now: number; scope: BackupEnvelope['scope']; app?: string }
): Promise<MadeBackup> {
	const content: Record<string, SectionPayload> = {};
	const counts: Record<string, number> = {};
	const bases = new Map<string, number>();
	let skipped = 0;
	for (const section of target.sections) {
		const exported = await section.exportAll();
		skipped += exported.skipped;
		const records = [...exported.records].sort((a, b) =>
			section.idOf(a) < section.idOf(b) ? -1 : section.idOf(a) > section.idOf(b) ? 1 : 0
		);
		content[section.name] = { version: section.version, records };
		counts[section.name] = records.length;
		if (!section.isDeviceFirst) {
			for (const record of records) {
				bases.set(baseKey(section.name, section.idOf(record)), section.updatedAtOf(record));
			}
		}
	}
	const envelope: BackupEnvelope = {
		format: BACKUP_FORMAT,
		version: BACKUP_VERSION,
		createdAt: new Date(options.now).toISOString(),
		scope: options.scope,
		...(options.app ? { app: options.app } : {}),
		checksum: { algorithm: 'SHA-256', value: await contentChecksum(content) },
		content
	};
	const text = `${JSON.stringify(envelope, null, '\t')}\n`;
	const previous = await target.bases.get([...bases.keys()]);
	for (const [key, time] of bases) bases.set(key, Math.max(time, previous.get(key) ?? time));
	await target.bases.set(bases);
	return {
		envelope,
		text,
		fileName: `spinnenweb-backup-${day(new Date(options.now))}.json`,
		counts,
		skipped
	};
}
