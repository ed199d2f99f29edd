import { contentChecksum } from './checksum';
import {
	BACKUP_FORMAT,
	BACKUP_VERSION,
	BackupEnvelopeSchema,
	MAX_BACKUP_BYTES,
	type BackupEnvelope,
	type BackupRejection,
	type BadRecord
} from './format';
import type { BackupSection } from './sections';

/** A file that passed every whole-file check, its records sorted into usable and bad. */
export interface ReadBackup {
	envelope: BackupEnvelope;
	/** Per section name, the records that parsed, in file order. */
	good: Map<string, unknown[]>;
	bad: BadRecord[];
}

export type ReadResult = { ok: true; backup: ReadBackup } | { ok: false; reason: BackupRejection };

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The file the person picked: refused by size before a byte is read. Never throws. */
export async function readBackupFile(
	file: Blob,
	sections: readonly BackupSection[],
	otherSide: readonly string[] = []
): Promise<ReadResult> {
	if (file.size > MAX_BACKUP_BYTES) return { ok: false, reason: 'too-large' };
	let text: string;
	try {
		text = await file.text();
	} catch {
		return { ok: false, reason: 'not-json' };
	}
	return readBackupText(text, sections, otherSide);
}

/**
 * Every check a whole file must pass, in the order that gives the most useful message, then each
 * record parsed with its section's schema. Never throws, whatever the text. `otherSide` names
 * sections this app knows but this side does not restore (the personal side reading a tablet's
 * backup): they are passed over, not taken for a newer app's.
 */
export async function readBackupText(
	text: string,
	sections: readonly BackupSection[],
	otherSide: readonly string[] = []
): Promise<ReadResult> {
	try {
		return await read(text, sections, new Set(otherSide));
	} catch {
		// Nothing above should throw; if something does (a bug, a browser's limit), the file is
		// refused as damaged and nothing is changed.
		return { ok: false, reason: 'damaged' };
	}
}

async function read(
	text: string,
	sections: readonly BackupSection[],
	otherSide: ReadonlySet<string>
): Promise<ReadResult> {
	// Counting UTF-16 units first is free; only a string near the limit is measured in bytes.
	if (
		text.length > MAX_BACKUP_BYTES ||
		(text.length * 3 > MAX_BACKUP_BYTES && new Blob([text]).size > MAX_BACKUP_BYTES)
	) {
		return { ok: false, reason: 'too-large' };
	}
	let json: unknown;
	try {
		json = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch {
		return { ok: false, reason: 'not-json' };
	}
	if (!isObject(json) || json.format !== BACKUP_FORMAT)
		return { ok: false, reason: 'not-a-backup' };
	if (typeof json.version === 'number' && json.version > BACKUP_VERSION) {
		return { ok: false, reason: 'newer-version' };
	}
	const parsed = BackupEnvelopeSchema.safeParse(json);
	if (!parsed.success || parsed.data.version !== BACKUP_VERSION)
		return { ok: false, reason: 'damaged' };
	const envelope = parsed.data;

	const known = new Map(sections.map((s) => [s.name, s]));
	for (const [name, payload] of Object.entries(envelope.content)) {
		if (otherSide.has(name) && !known.has(name)) continue;
		const section = known.get(name);
		if (!section || payload.version > section.version)
			return { ok: false, reason: 'newer-version' };
	}
	if ((await contentChecksum(envelope.content)) !== envelope.checksum.value) {
		return { ok: false, reason: 'bad-checksum' };
	}

	const good = new Map<string, unknown[]>();
	const bad: BadRecord[] = [];
	for (const [name, payload] of Object.entries(envelope.content)) {
		const section = known.get(name);
		if (!section) continue; // the other side's, passed over above
		const records: unknown[] = [];
		const seen = new Set<string>();
		payload.records.forEach((raw, index) => {
			const result = section.parse(raw);
			if (!result.ok) {
				bad.push({
					section: name,
					position: index + 1,
					id: result.id,
					kind: 'invalid',
					issues: result.issues
				});
				return;
			}
			const id = section.idOf(result.record);
			if (seen.has(id)) {
				bad.push({ section: name, position: index + 1, id, kind: 'duplicate', issues: [] });
				return;
			}
			seen.add(id);
			records.push(result.record);
		});
		good.set(name, records);
	}
	return { ok: true, backup: { envelope, good, bad } };
}
