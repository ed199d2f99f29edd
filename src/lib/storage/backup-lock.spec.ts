import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeBackup } from '$lib/backup/export';
import { applyImport, planImport } from '$lib/backup/import';
import { readBackupText } from '$lib/backup/read-backup';
import { isSealedRecord, openRecord, sealRecord } from '$lib/crypto';
import { ADULT_V1, allAspectKeys } from '$lib/domain/question-set';
import type { Web } from '$lib/domain/web';
import { databaseTarget, reflectionSection, useBackupLock, webSection } from './backup-sections';
import { openDb, type SpinnenwebDb } from './db';
import { DexieMergeBaseStore } from './merge-bases';
import { createRecordLock, type RecordLock } from './record-lock';
import { SEALED_TABLES } from './sealed-tables';

beforeEach(() => {
	const factory = new IDBFactory();
	globalThis.indexedDB = factory;
	Dexie.dependencies.indexedDB = factory;
	Dexie.dependencies.IDBKeyRange = IDBKeyRange;
});

const KEYS = allAspectKeys(ADULT_V1);
const NOTE = 'Mijn wens: weer zwemmen met Quibbeltje';

function makeWeb(i: number): Web {
	const hex = i.toString(16).padStart(12, '0');
	return {
		id: `00000000-0000-4000-8000-${hex}`,
		questionSetId: ADULT_V1.id,
		locale: 'nl',
		createdAt: 1_700_000_000_000 + i * 1000,
		updatedAt: 1_700_000_000_000 + i * 1000,
		completedAt: null,
		answers: { [KEYS[i % KEYS.length]!]: i % 11 },
		talkAbout: [],
		dimensionAnswers: {},
		position: { dimensionIndex: 0, aspectKey: null }
	};
}

async function newLock(): Promise<RecordLock> {
	const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
		'encrypt',
		'decrypt'
	]);
	return createRecordLock({ sealRecord, openRecord }, key, 'key-1');
}

let count = 0;
function newDevice(lock: RecordLock | null) {
	const name = `locked-${++count}`;
	const db: SpinnenwebDb = openDb(name);
	useBackupLock(db, () => lock);
	const target = databaseTarget(
		db,
		[webSection(db), reflectionSection(db)],
		new DexieMergeBaseStore(`${name}-bases`)
	);
	return { db, target };
}

describe('backup with a lock on', () => {
	it('exports sealed records opened, and a restore onto a locked device stores them sealed', async () => {
		const lock = await newLock();
		const tablet = newDevice(lock);
		const webs = [makeWeb(1), makeWeb(2)];
		for (const web of webs) await tablet.db.webs.put((await lock.seal('webs', web)) as Web);
		const reflection = {
			webId: webs[0]!.id,
			createdAt: webs[0]!.createdAt,
			updatedAt: webs[0]!.updatedAt,
			focus: null,
			notes: { wish: NOTE },
			stepDate: null,
			reminderDismissedAt: null
		};
		await tablet.db.reflections.put(
			(await lock.seal('reflections', reflection)) as typeof reflection
		);

		const { text } = await makeBackup(tablet.target, { now: 1, scope: 'personal', app: 'test' });
		expect(text).toContain(NOTE);

		const other = await newLock();
		const fresh = newDevice(other);
		const read = await readBackupText(text, fresh.target.sections);
		if (!read.ok) throw new Error(read.reason);
		const plan = await planImport(read.backup, fresh.target);
		const outcome = await applyImport(plan, {}, fresh.target);
		expect(outcome.counts.webs?.added).toBe(2);
		expect(outcome.counts.reflections?.added).toBe(1);

		const stored: unknown[] = [
			...(await fresh.db.webs.toArray()),
			...(await fresh.db.reflections.toArray())
		];
		expect(stored).toHaveLength(3);
		for (const row of stored) expect(isSealedRecord(row)).toBe(true);
		expect(JSON.stringify(stored)).not.toContain('Quibbeltje');
		const spec = SEALED_TABLES.find((s) => s.name === 'reflections')!;
		const raw = await fresh.db.reflections.get(webs[0]!.id);
		expect(await other.open(spec.name, raw)).toEqual(reflection);
		const again = await applyImport(await planImport(read.backup, fresh.target), {}, fresh.target);
		expect(again.isNothingChanged).toBe(true);
	});
});
