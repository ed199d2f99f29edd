import { Dexie } from 'dexie';
import fc from 'fast-check';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeBackup } from '$lib/backup/export';
import { MAX_BACKUP_BYTES } from '$lib/backup/format';
import { applyImport, planImport, type Choice } from '$lib/backup/import';
import { readBackupFile, readBackupText } from '$lib/backup/read-backup';
import { settingsSection, type SettingsStorage } from '$lib/backup/settings-section';
import type { BackupTarget } from '$lib/backup/sections';
import { contentChecksum } from '$lib/backup/checksum';
import { DIMENSION_IDS } from '$lib/domain/dimensions';
import { ADULT_V1, allAspectKeys } from '$lib/domain/question-set';
import type { Reflection } from '$lib/domain/reflection';
import { PREFER_NOT, type Web } from '$lib/domain/web';
import { databaseTarget, reflectionSection, webSection } from './backup-sections';
import { openDb, type SpinnenwebDb } from './db';
import { DexieMergeBaseStore } from './merge-bases';

beforeEach(() => {
	const factory = new IDBFactory();
	globalThis.indexedDB = factory;
	Dexie.dependencies.indexedDB = factory;
	Dexie.dependencies.IDBKeyRange = IDBKeyRange;
});

function memoryStorage(): SettingsStorage & { map: Map<string, string> } {
	const map = new Map<string, string>();
	return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

interface Device {
	db: SpinnenwebDb;
	storage: ReturnType<typeof memoryStorage>;
	target: BackupTarget;
}

let deviceCount = 0;
/** A phone of its own: its database, merge bases and settings. */
function newDevice(): Device {
	const name = `device-${++deviceCount}`;
	const db = openDb(name);
	const storage = memoryStorage();
	const sections = [
		webSection(db),
		reflectionSection(db),
		settingsSection(
			[
				{
					key: 'locale',
					storageKey: 'PARAGLIDE_LOCALE',
					isValid: (v) => ['nl', 'ar', 'en'].includes(v)
				},
				{
					key: 'simpleMode',
					storageKey: 'spinnenweb-simple-mode',
					isValid: (v) => v === 'on' || v === 'off'
				}
			],
			storage
		)
	];
	return {
		db,
		storage,
		target: databaseTarget(db, sections, new DexieMergeBaseStore(`${name}-bases`))
	};
}

const KEYS = allAspectKeys(ADULT_V1);

function makeWeb(i: number, overrides: Partial<Web> = {}): Web {
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
		position: { dimensionIndex: 0, aspectKey: null },
		...overrides
	};
}

function makeReflection(web: Web, wish: string): Reflection {
	return {
		webId: web.id,
		createdAt: web.createdAt,
		updatedAt: web.updatedAt,
		focus: null,
		notes: { wish },
		stepDate: null,
		reminderDismissedAt: null
	};
}

async function snapshot(device: Device) {
	return {
		webs: await device.db.webs.orderBy('id').toArray(),
		reflections: await device.db.reflections.orderBy('webId').toArray(),
		settings: Object.fromEntries(device.storage.map)
	};
}

async function exportText(device: Device, now = Date.UTC(2026, 10, 23, 14, 5)) {
	return (await makeBackup(device.target, { now, scope: 'personal', app: 'test' })).text;
}

async function importText(device: Device, text: string, choices: Record<string, Choice> = {}) {
	const read = await readBackupText(text, device.target.sections);
	if (!read.ok) throw new Error(`refused: ${read.reason}`);
	const plan = await planImport(read.backup, device.target);
	return { plan, outcome: await applyImport(plan, choices, device.target) };
}

const uuid = fc.uuid({ version: 4 });
const time = fc.integer({ min: 1_600_000_000_000, max: 1_900_000_000_000 });
const webArb: fc.Arbitrary<Web> = fc
	.record({
		id: uuid,
		createdAt: time,
		age: fc.integer({ min: 0, max: 1e9 }),
		isDone: fc.boolean(),
		answers: fc.dictionary(
			fc.constantFrom(...KEYS),
			fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(PREFER_NOT))
		),
		talkAbout: fc.subarray(KEYS),
		dimension: fc.option(fc.constantFrom(...DIMENSION_IDS)),
		locale: fc.constantFrom('nl', 'ar', 'uk')
	})
	.map(({ id, createdAt, age, isDone, answers, talkAbout, dimension, locale }) => ({
		id,
		questionSetId: ADULT_V1.id,
		locale,
		createdAt,
		updatedAt: createdAt + age,
		completedAt: isDone ? createdAt + age : null,
		answers,
		talkAbout,
		dimensionAnswers: dimension ? { [dimension]: 4 } : {},
		position: { dimensionIndex: 2, aspectKey: null }
	}));

describe('backup and restore', () => {
	it('restores into a fresh device exactly what was backed up, for any webs and notes', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.uniqueArray(webArb, { selector: (w) => w.id, maxLength: 8 }),
				fc.array(fc.string({ maxLength: 80 }), { maxLength: 8 }),
				fc.option(fc.constantFrom('nl', 'ar')),
				async (webs, wishes, locale) => {
					const phone = newDevice();
					await phone.db.webs.bulkPut(webs);
					await phone.db.reflections.bulkPut(
						wishes.slice(0, webs.length).map((wish, i) => makeReflection(webs[i]!, wish))
					);
					if (locale) phone.storage.setItem('PARAGLIDE_LOCALE', locale);

					const fresh = newDevice();
					const { outcome } = await importText(fresh, await exportText(phone));
					expect(await snapshot(fresh)).toEqual(await snapshot(phone));
					expect(outcome.bad).toEqual([]);
					expect(outcome.counts.webs?.added).toBe(webs.length);
				}
			),
			{ numRuns: 25 }
		);
	}, 60_000);

	it('changes nothing when the same file is imported a second time', async () => {
		const phone = newDevice();
		await phone.db.webs.bulkPut([makeWeb(1), makeWeb(2)]);
		const text = await exportText(phone);
		const fresh = newDevice();
		const first = await importText(fresh, text);
		expect(first.outcome.isNothingChanged).toBe(false);
		const after = await snapshot(fresh);
		const second = await importText(fresh, text);
		expect(second.outcome.isNothingChanged).toBe(true);
		expect(second.outcome.counts.webs).toEqual({ added: 0, updated: 0, unchanged: 2, kept: 0 });
		expect(await snapshot(fresh)).toEqual(after);
	});

	it('never replaces newer work on the device with an older backup', async () => {
		const phone = newDevice();
		await phone.db.webs.put(makeWeb(1));
		const oldBackup = await exportText(phone);
		const newer = makeWeb(1, { answers: { [KEYS[0]!]: 9 }, updatedAt: 1_800_000_000_000 });
		await phone.db.webs.put(newer);

		const { plan, outcome } = await importText(phone, oldBackup);
		expect(plan.conflicts).toEqual([]);
		expect(outcome.counts.webs).toEqual({ added: 0, updated: 0, unchanged: 0, kept: 1 });
		expect(await phone.db.webs.get(newer.id)).toEqual(newer);
	});

	it('takes a newer version from another device when only that one changed', async () => {
		const phone = newDevice();
		await phone.db.webs.put(makeWeb(1));
		const tablet = newDevice();
		await importText(tablet, await exportText(phone));
		const edited = makeWeb(1, { answers: { [KEYS[5]!]: 3 }, updatedAt: 1_800_000_000_000 });
		await tablet.db.webs.put(edited);

		const { plan, outcome } = await importText(phone, await exportText(tablet));
		expect(plan.conflicts).toEqual([]);
		expect(outcome.counts.webs?.updated).toBe(1);
		expect(await phone.db.webs.get(edited.id)).toEqual(edited);
	});

	it('asks the person when both changed since they last agreed, and does what they choose', async () => {
		const phone = newDevice();
		const web = makeWeb(1);
		await phone.db.webs.bulkPut([web, makeWeb(2)]);
		const tablet = newDevice();
		await importText(tablet, await exportText(phone));
		const onTablet = makeWeb(1, { answers: { [KEYS[1]!]: 2 }, updatedAt: 1_800_000_000_000 });
		const onPhone = makeWeb(1, { answers: { [KEYS[1]!]: 8 }, updatedAt: 1_800_000_500_000 });
		await tablet.db.webs.put(onTablet);
		await phone.db.webs.put(onPhone);
		const fromTablet = await exportText(tablet);

		const read = await readBackupText(fromTablet, phone.target.sections);
		if (!read.ok) throw new Error(read.reason);
		const plan = await planImport(read.backup, phone.target);
		expect(plan.conflicts).toHaveLength(1);
		expect(plan.conflicts[0]).toMatchObject({
			section: 'webs',
			id: web.id,
			device: { status: 'found', record: onPhone },
			file: onTablet
		});
		// Nothing changes until the person has chosen.
		expect(await phone.db.webs.get(web.id)).toEqual(onPhone);

		const outcome = await applyImport(plan, { [plan.conflicts[0]!.key]: 'file' }, phone.target);
		expect(outcome.counts.webs).toEqual({ added: 0, updated: 1, unchanged: 1, kept: 0 });
		expect(await phone.db.webs.get(web.id)).toEqual(onTablet);

		// Importing the same file again asks nothing and changes nothing.
		const again = await importText(phone, fromTablet);
		expect(again.plan.conflicts).toEqual([]);
		expect(again.outcome.isNothingChanged).toBe(true);
	});

	it('keeping the device’s version of a conflict is remembered: the same file asks no more', async () => {
		const phone = newDevice();
		await phone.db.webs.put(makeWeb(1));
		const tablet = newDevice();
		await importText(tablet, await exportText(phone));
		await tablet.db.webs.put(makeWeb(1, { locale: 'ar', updatedAt: 1_800_000_000_000 }));
		const mine = makeWeb(1, { locale: 'uk', updatedAt: 1_800_000_100_000 });
		await phone.db.webs.put(mine);
		const text = await exportText(tablet);
		const first = await importText(phone, text, {});
		expect(first.plan.conflicts).toHaveLength(1);
		expect(first.outcome.counts.webs?.kept).toBe(1);
		const second = await importText(phone, text);
		expect(second.plan.conflicts).toEqual([]);
		expect(await phone.db.webs.get(mine.id)).toEqual(mine);
	});

	it('leaves a record alone that changed on the device while the person was choosing', async () => {
		const phone = newDevice();
		await phone.db.webs.put(makeWeb(1));
		const fresh = newDevice();
		const read = await readBackupText(await exportText(phone), fresh.target.sections);
		if (!read.ok) throw new Error(read.reason);
		const plan = await planImport(read.backup, fresh.target);
		const meanwhile = makeWeb(1, { locale: 'ar', updatedAt: 1_900_000_000_000 });
		await fresh.db.webs.put(meanwhile);
		const outcome = await applyImport(plan, {}, fresh.target);
		expect(outcome.changedMeanwhile).toBe(1);
		expect(await fresh.db.webs.get(meanwhile.id)).toEqual(meanwhile);
	});

	it('keeps the device’s own settings and fills in only what it has not chosen', async () => {
		const phone = newDevice();
		phone.storage.setItem('PARAGLIDE_LOCALE', 'ar');
		phone.storage.setItem('spinnenweb-simple-mode', 'on');
		const text = await exportText(phone);
		const other = newDevice();
		other.storage.setItem('PARAGLIDE_LOCALE', 'en');
		await importText(other, text);
		expect(Object.fromEntries(other.storage.map)).toEqual({
			PARAGLIDE_LOCALE: 'en',
			'spinnenweb-simple-mode': 'on'
		});
	});
});

/** A file like the app writes, with its checksum made to fit whatever content it is given. */
async function fileWith(content: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
	return JSON.stringify({
		format: 'spinnenweb-backup',
		version: 1,
		createdAt: '2026-11-23T14:05:00.000Z',
		scope: 'personal',
		checksum: { algorithm: 'SHA-256', value: await contentChecksum(content) },
		content,
		...overrides
	});
}

/** The same JSON with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(reverseKeys);
	if (typeof value !== 'object' || value === null) return value;
	return Object.fromEntries(
		Object.entries(value)
			.reverse()
			.map(([k, v]) => [k, reverseKeys(v)])
	);
}

describe('bad files', () => {
	async function reasonFor(text: string) {
		const device = newDevice();
		const result = await readBackupText(text, device.target.sections);
		return result.ok ? 'accepted' : result.reason;
	}

	it('say what is wrong with the whole file', async () => {
		const web = makeWeb(1);
		const good = { webs: { version: 1, records: [web] } };
		expect(await reasonFor('%PDF-1.7 …')).toBe('not-json');
		expect(await reasonFor('{"format": "spinnenweb-backup", "vers')).toBe('not-json');
		expect(await reasonFor('[1, 2, 3]')).toBe('not-a-backup');
		expect(await reasonFor('{"format": "other-app", "version": 1}')).toBe('not-a-backup');
		expect(await reasonFor(await fileWith(good, { version: 2 }))).toBe('newer-version');
		expect(await reasonFor(await fileWith({ ...good, clients: { version: 1, records: [] } }))).toBe(
			'newer-version'
		);
		expect(await reasonFor(await fileWith({ webs: { version: 2, records: [web] } }))).toBe(
			'newer-version'
		);
		expect(await reasonFor(await fileWith(good, { createdAt: 'yesterday' }))).toBe('damaged');
		expect(await reasonFor(await fileWith(good, { content: 'none' }))).toBe('damaged');
		const tampered = JSON.parse(await fileWith(good)) as { content: { webs: { records: Web[] } } };
		tampered.content.webs.records[0]!.answers = { [KEYS[0]!]: 10 };
		expect(await reasonFor(JSON.stringify(tampered))).toBe('bad-checksum');
		expect(await reasonFor(await fileWith(good))).toBe('accepted');
		// Indentation and key order do not matter: the checksum is over canonical JSON.
		const reordered = reverseKeys(JSON.parse(await fileWith(good)));
		expect(await reasonFor(`\uFEFF${JSON.stringify(reordered, null, 7)}`)).toBe('accepted');
	});

	it('refuse a file over 20 MB before reading it', async () => {
		const device = newDevice();
		const big = new Blob([new Uint8Array(MAX_BACKUP_BYTES + 1)]);
		expect(await readBackupFile(big, device.target.sections)).toEqual({
			ok: false,
			reason: 'too-large'
		});
		expect(await reasonFor(' '.repeat(MAX_BACKUP_BYTES + 1))).toBe('too-large');
	});

	it('import the good records and list the bad ones with where they are', async () => {
		const device = newDevice();
		const ok = makeWeb(1);
		const orphan = makeReflection(makeWeb(7), 'van een web dat er niet is');
		const text = await fileWith({
			webs: {
				version: 1,
				records: [ok, { ...makeWeb(2), answers: { [KEYS[0]!]: 12 } }, { hello: 'world' }, ok]
			},
			reflections: { version: 1, records: [makeReflection(ok, 'mijn wens'), orphan] }
		});
		const read = await readBackupText(text, device.target.sections);
		if (!read.ok) throw new Error(read.reason);
		const plan = await planImport(read.backup, device.target);
		const outcome = await applyImport(plan, {}, device.target);
		expect(outcome.counts.webs?.added).toBe(1);
		expect(outcome.counts.reflections?.added).toBe(1);
		expect(
			outcome.bad.map(({ section, position, id, kind }) => ({ section, position, id, kind }))
		).toEqual([
			{ section: 'webs', position: 2, id: makeWeb(2).id, kind: 'invalid' },
			{ section: 'webs', position: 3, id: undefined, kind: 'invalid' },
			{ section: 'webs', position: 4, id: ok.id, kind: 'duplicate' },
			{ section: 'reflections', position: 2, id: orphan.webId, kind: 'orphan' }
		]);
		expect(outcome.bad[0]!.issues.join()).toMatch(/answers/);
		// Where, never what: no stored value appears in the issues.
		expect(JSON.stringify(outcome.bad)).not.toContain('12');
		expect(await device.db.webs.toArray()).toEqual([ok]);
	});

	it('never throw and never change anything when a random or cut-off file is refused', async () => {
		const phone = newDevice();
		await phone.db.webs.bulkPut([makeWeb(1), makeWeb(2)]);
		await phone.db.reflections.put(makeReflection(makeWeb(1), 'een wens'));
		const real = await exportText(phone);
		const before = await snapshot(phone);
		await fc.assert(
			fc.asyncProperty(
				fc.oneof(
					fc.string(),
					fc.json(),
					fc.nat(real.length - 1).map((n) => real.slice(0, n)),
					fc
						.tuple(fc.nat(real.length - 1), fc.string({ minLength: 1, maxLength: 3 }))
						.map(([at, s]) => real.slice(0, at) + s + real.slice(at + 1))
				),
				async (text) => {
					const read = await readBackupText(text, phone.target.sections);
					if (read.ok) {
						// A change that kept it valid (e.g. inside the app field) may import; then it is the same data.
						await applyImport(await planImport(read.backup, phone.target), {}, phone.target);
					}
					expect(await snapshot(phone)).toEqual(before);
				}
			),
			{ numRuns: 300 }
		);
	}, 60_000);
});
