import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Web } from '$lib/domain/web';
import {
	DB_NAME,
	getDb,
	isQuotaError,
	LATEST_VERSION,
	openDb,
	SCHEMA_VERSIONS,
	type SchemaVersion
} from './db';
import type { Agreement } from '$lib/domain/agreement';
import type { Client } from '$lib/domain/client';
import type { Conversation } from '$lib/domain/conversation';
import type { Reflection } from '$lib/domain/reflection';
import { AgreementRepo } from './agreement-repo';
import { ClientRepo } from './client-repo';
import { ConversationRepo } from './conversation-repo';
import { ReflectionRepo } from './reflection-repo';
import { emptyFields, type Voorziening } from '$lib/domain/voorziening';
import { VoorzieningRepo } from './voorziening-repo';
import { CONSENT_OFF, type Consent, type OutboxItem } from '$lib/sync/records';
import { SyncRepo } from './sync-repo';
import { WebRepo } from './web-repo';
import { readLockState, type LockState } from '$lib/crypto';
import { DexieReencryptStore } from './reencrypt-store';
import { LOCK_TABLE, SEALED_TABLES } from './sealed-tables';

beforeEach(() => {
	// A fresh, empty IndexedDB per test. Dexie keeps its own reference, so set both.
	const factory = new IDBFactory();
	globalThis.indexedDB = factory;
	Dexie.dependencies.indexedDB = factory;
	Dexie.dependencies.IDBKeyRange = IDBKeyRange;
});

/** A database as an earlier app version left it: its versions only, none of the upgrades. */
function openRawAt(name: string, fromVersion: number): Dexie {
	const raw = new Dexie(name);
	for (const { version, stores } of SCHEMA_VERSIONS) {
		if (version <= fromVersion) raw.version(version).stores(stores);
	}
	return raw;
}

/** Webs as version 1 of the app stored them: before whole-dimension scores (dimensionAnswers). */
const UNFINISHED_V1 = {
	id: '0b9a3c1e-5d2f-4a6b-8c7d-9e0f1a2b3c4d',
	questionSetId: 'volwassenen-v1',
	locale: 'nl',
	createdAt: 1_700_000_000_000,
	updatedAt: 1_700_000_100_000,
	completedAt: null,
	answers: { 'mentaal.vrolijk': 7, 'zingeving.vertrouwen': 'liever-niet' },
	talkAbout: ['mentaal.vrolijk'],
	position: { dimensionIndex: 2, aspectKey: 'zingeving.vertrouwen' }
} satisfies Omit<Web, 'dimensionAnswers'>;

const FINISHED_V1 = {
	...UNFINISHED_V1,
	id: '6f1d2e3c-4b5a-4978-a6b5-c4d3e2f1a0b9',
	locale: 'ar',
	completedAt: 1_690_000_000_000,
	createdAt: 1_600_000_000_000,
	updatedAt: 1_690_000_000_000
} satisfies Omit<Web, 'dimensionAnswers'>;

/** How the app reads them today: with no whole-dimension scores. */
const UNFINISHED: Web = { ...UNFINISHED_V1, dimensionAnswers: {} };
const FINISHED: Web = { ...FINISHED_V1, dimensionAnswers: {} };

const REFLECTION: Reflection = {
	webId: FINISHED.id,
	createdAt: 1_690_000_100_000,
	updatedAt: 1_690_000_200_000,
	focus: { kind: 'aspect', dimensionId: 'meedoen', aspectKey: 'meedoen.steun' },
	notes: { energy: 'Tuinieren', step: 'Buurvrouw vragen om samen te wandelen' },
	stepDate: '2023-08-01',
	reminderDismissedAt: null
};

/** The professional side (version 3): a person, a conversation with its web, an agreement. */
const CLIENT: Client = {
	id: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a',
	pseudonym: 'F.',
	createdAt: 1_710_000_000_000,
	updatedAt: 1_710_000_000_000,
	handOverLocale: 'ar'
};

const CLIENT_WEB: Web = {
	...UNFINISHED,
	id: '5e4d3c2b-1a09-4f8e-8d7c-6b5a4f3e2d1c',
	createdAt: 1_710_000_100_000,
	updatedAt: 1_710_000_200_000,
	clientId: CLIENT.id
};

const CONVERSATION: Conversation = {
	id: '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
	clientId: CLIENT.id,
	webId: CLIENT_WEB.id,
	createdAt: 1_710_000_100_000,
	updatedAt: 1_710_000_300_000,
	notes: { overzicht: 'Zingt graag' },
	wish: 'Weer naar het koor',
	wishOwner: 'person',
	firstStep: 'Het koor bellen',
	dismissedPrompts: ['overzicht.energy'],
	followUpDate: '2024-04-01',
	webFilledBy: ['together', 'hand-over']
};

const AGREEMENT: Agreement = {
	id: '8b7a6c5d-4e3f-4b2a-8c1d-0e9f8a7b6c5d',
	clientId: CLIENT.id,
	conversationId: CONVERSATION.id,
	createdAt: 1_710_000_250_000,
	updatedAt: 1_710_000_250_000,
	what: 'belt het koor',
	who: { kind: 'person', name: '' },
	byWhen: '2024-03-20',
	status: 'open',
	history: []
};

const OUTBOX_ITEM: OutboxItem = {
	uuid: '3d7c2a10-9b8e-4f6d-a5c4-b3a2918f7e6d',
	webId: FINISHED.id,
	completedAt: FINISHED_V1.completedAt,
	readyAt: FINISHED_V1.completedAt + 3_600_000,
	setAside: null
};

const CONSENT: Consent = {
	key: 'consent',
	isOn: true,
	changedAt: 1_680_000_000_000,
	hostName: 'Gemeente Voorbeeld',
	area: '3581',
	ageBand: '65-79'
};

interface UpgradeCase {
	fromVersion: number;
	/** Rows per table, in the shape that version stored. */
	seed: Record<string, readonly object[]>;
	/** What the app reads after opening at the latest version. */
	expect: {
		/** The person's own webs, as their history lists them. */
		webs: readonly Web[];
		corruptCount: number;
		reflections: readonly Reflection[];
		clients?: readonly Client[];
		conversations?: readonly Conversation[];
		agreements?: readonly Agreement[];
		clientWebs?: readonly Web[];
		/** Since version 4; absent means none. */
		voorzieningen?: readonly Voorziening[];
		/** The sync's records as its repository reads them; none and off when not given. */
		outbox?: readonly OutboxItem[];
		consent?: Consent;
		/** Since version 6: the passcode lock's state; absent means no passcode. */
		lockState?: LockState;
	};
}

/** A passcode set and every record sealed: what the lock table holds (never the data key). */
const LOCK_STATE: LockState = {
	phase: 'sealed',
	key: {
		v: 1,
		keyId: '0123456789abcdef',
		kdf: { name: 'PBKDF2-HMAC-SHA-256', iterations: 600_000, salt: new Uint8Array(16).fill(7) },
		wrap: 'AES-KW',
		wrappedKey: new Uint8Array(40).fill(9),
		createdAt: 1_700_000_000_000,
		changedAt: 1_700_000_500_000
	}
};

const VOORZIENING: Voorziening = {
	...emptyFields(),
	id: 'SK-001',
	name: 'Taalcafé',
	organisation: 'Bibliotheek',
	dimensions: ['meedoen'],
	postcode: '7411 EF',
	lastChecked: '2025-03-01',
	createdAt: 1_700_000_000_000,
	updatedAt: 1_700_000_000_000
};

/**
 * One case per schema version, at least: a new version adds its predecessor's data here and what it
 * must become. The last case opens the latest version as it is.
 */
const UPGRADE_CASES: readonly UpgradeCase[] = [
	{
		fromVersion: 1,
		seed: {
			webs: [UNFINISHED_V1, FINISHED_V1, { id: 'damaged', answers: { 'mentaal.vrolijk': 42 } }]
		},
		// Version 2 added the reflections table: the webs stay as they were, reflections start empty.
		expect: { webs: [UNFINISHED, FINISHED], corruptCount: 1, reflections: [] }
	},
	{
		fromVersion: 2,
		seed: {
			webs: [UNFINISHED, FINISHED],
			reflections: [REFLECTION, { webId: 'damaged', notes: { step: 42 } }]
		},
		// Version 3 added the professional side's tables and the clientId index on webs: the
		// webs, all the person's own, stay as they were.
		expect: { webs: [UNFINISHED, FINISHED], corruptCount: 0, reflections: [REFLECTION] }
	},
	{
		fromVersion: 3,
		seed: {
			webs: [UNFINISHED, FINISHED, CLIENT_WEB],
			reflections: [REFLECTION],
			clients: [CLIENT, { id: 'damaged', pseudonym: '' }],
			conversations: [CONVERSATION],
			agreements: [AGREEMENT]
		},
		expect: {
			webs: [UNFINISHED, FINISHED],
			corruptCount: 0,
			reflections: [REFLECTION],
			clients: [CLIENT],
			conversations: [CONVERSATION],
			agreements: [AGREEMENT],
			clientWebs: [CLIENT_WEB]
		}
	},
	{
		fromVersion: 4,
		seed: {
			webs: [FINISHED],
			reflections: [REFLECTION],
			voorzieningen: [VOORZIENING, { id: 'damaged', name: 42 }]
		},
		expect: {
			webs: [FINISHED],
			corruptCount: 0,
			reflections: [REFLECTION],
			voorzieningen: [VOORZIENING]
		}
	},
	{
		// Version 5 added the sync's tables: they start empty, consent off.
		fromVersion: 5,
		seed: {
			webs: [UNFINISHED, FINISHED],
			reflections: [REFLECTION],
			outbox: [OUTBOX_ITEM, { uuid: 'damaged', webId: 42 }],
			syncState: [CONSENT, { key: 'device', token: 12 }]
		},
		expect: {
			webs: [UNFINISHED, FINISHED],
			corruptCount: 0,
			reflections: [REFLECTION],
			outbox: [OUTBOX_ITEM],
			consent: CONSENT
		}
	},
	{
		// Version 6 added the lock's table: no passcode (no row) until one is set. Opened as it is,
		// the lock state is read back whole, and a plain web beside it (written before the lock, or
		// while re-encryption runs) reads as before.
		fromVersion: 6,
		seed: {
			webs: [UNFINISHED],
			reflections: [REFLECTION],
			lock: [{ id: 'lock', state: LOCK_STATE }]
		},
		expect: {
			webs: [UNFINISHED],
			corruptCount: 0,
			reflections: [REFLECTION],
			lockState: LOCK_STATE
		}
	}
];

describe('schema versions', () => {
	it('rise from 1, in whole numbers that may leave gaps for versions made elsewhere', () => {
		const versions = SCHEMA_VERSIONS.map((v: SchemaVersion) => v.version);
		expect(versions[0]).toBe(1);
		for (const [i, version] of versions.entries()) {
			expect(Number.isInteger(version), `version ${version}`).toBe(true);
			if (i > 0)
				expect(version, `version ${version} after ${versions[i - 1]}`).toBeGreaterThan(
					versions[i - 1]!
				);
		}
		expect(LATEST_VERSION).toBe(versions.at(-1));
	});

	it('each have an upgrade case', () => {
		const tested = new Set(UPGRADE_CASES.map((c) => c.fromVersion));
		expect([...tested].sort((a, b) => a - b)).toEqual(SCHEMA_VERSIONS.map((v) => v.version));
	});

	it('open at the latest version with the webs indexes', async () => {
		const db = openDb('schema');
		await db.open();
		expect(db.verno).toBe(LATEST_VERSION);
		expect(db.webs.schema.primKey.keyPath).toBe('id');
		expect(db.webs.schema.indexes.map((i) => i.name).sort()).toEqual([
			'clientId',
			'completedAt',
			'createdAt',
			'updatedAt'
		]);
		db.close();
	});

	it.each(UPGRADE_CASES)('bring data from version $fromVersion', async (upgrade) => {
		const name = `upgrade-from-${upgrade.fromVersion}`;
		const raw = openRawAt(name, upgrade.fromVersion);
		await raw.transaction('rw', raw.tables, async () => {
			for (const [table, rows] of Object.entries(upgrade.seed))
				await raw.table(table).bulkAdd(rows);
		});
		raw.close();

		const db = openDb(name);
		const repo = new WebRepo(db, { onCorrupt: () => undefined });
		const { webs, corruptCount } = await repo.list();

		expect(db.verno).toBe(LATEST_VERSION);
		expect(corruptCount).toBe(upgrade.expect.corruptCount);
		expect(webs.map((w) => w.id)).toEqual(upgrade.expect.webs.map((w) => w.id));
		for (const web of upgrade.expect.webs) expect(await repo.get(web.id)).toEqual(web);
		const reflections = new ReflectionRepo(db, { onCorrupt: () => undefined });
		for (const reflection of upgrade.expect.reflections) {
			expect(await reflections.get(reflection.webId)).toEqual(reflection);
		}
		const quiet = { onCorrupt: () => undefined };
		const clients = await new ClientRepo(db, quiet).list();
		expect(clients.clients).toEqual(upgrade.expect.clients ?? []);
		expect((await new ConversationRepo(db, quiet).listAll()).conversations).toEqual(
			upgrade.expect.conversations ?? []
		);
		for (const client of upgrade.expect.clients ?? []) {
			expect((await new AgreementRepo(db, quiet).listForClient(client.id)).agreements).toEqual(
				(upgrade.expect.agreements ?? []).filter((a) => a.clientId === client.id)
			);
			expect((await repo.listForClient(client.id)).webs).toEqual(
				(upgrade.expect.clientWebs ?? []).filter((w) => w.clientId === client.id)
			);
		}
		const kaart = new VoorzieningRepo(db, quiet);
		expect((await kaart.list()).voorzieningen).toEqual(upgrade.expect.voorzieningen ?? []);
		const sync = new SyncRepo(db, { onCorrupt: () => undefined });
		expect(await sync.consent()).toEqual(upgrade.expect.consent ?? CONSENT_OFF);
		for (const item of upgrade.expect.outbox ?? []) {
			expect(await sync.itemForWeb(item.webId)).toEqual(item);
		}
		const lockStore = new DexieReencryptStore(db, SEALED_TABLES, LOCK_TABLE);
		expect(await readLockState(lockStore)).toEqual(upgrade.expect.lockState);
		// Nothing stored is lost, damaged records included, in every table the version had.
		for (const table of db.tables) {
			expect(await table.count(), table.name).toBe(upgrade.seed[table.name]?.length ?? 0);
		}
		db.close();
	});

	it('open the professional side’s tables, found by person and conversation', async () => {
		const db = openDb('professional');
		await db.open();
		expect(db.clients.schema.primKey.keyPath).toBe('id');
		expect(db.conversations.schema.indexes.map((i) => i.name)).toEqual(['clientId']);
		expect(db.agreements.schema.indexes.map((i) => i.name)).toEqual(['clientId', 'conversationId']);
		db.close();
	});

	it('open the reflections table keyed by web id, with the step date indexed', async () => {
		const db = openDb('reflections');
		await db.open();
		expect(db.reflections.schema.primKey.keyPath).toBe('webId');
		expect(db.reflections.schema.indexes.map((i) => i.name)).toEqual(['stepDate']);
		db.close();
	});
});

describe('the sync tables', () => {
	it('key outbox items by their summary uuid, indexed by web, and sync records by key', async () => {
		const db = openDb('sync-tables');
		await db.open();
		expect(db.outbox.schema.primKey.keyPath).toBe('uuid');
		expect(db.outbox.schema.indexes.map((i) => i.name)).toEqual(['webId']);
		expect(db.syncState.schema.primKey.keyPath).toBe('key');
		expect(db.syncState.schema.indexes).toEqual([]);
		db.close();
	});
});

describe('openDb and getDb', () => {
	it('shares one app connection named spinnenweb', () => {
		expect(getDb()).toBe(getDb());
		expect(getDb().name).toBe(DB_NAME);
	});

	it('makes a new connection per call', () => {
		expect(openDb('a')).not.toBe(openDb('a'));
	});
});

describe('a change from another tab', () => {
	it('closes the connection and tells the listeners', async () => {
		const db = openDb('tabs');
		await db.open();
		const listener = vi.fn();
		const removed = vi.fn();
		db.onVersionChange(listener);
		db.onVersionChange(removed)();

		// Another tab, running a newer app version, upgrades the database.
		const newer = new Dexie('tabs');
		newer.version(LATEST_VERSION + 1).stores({ webs: 'id, createdAt, updatedAt, completedAt' });
		await newer.open();

		expect(listener).toHaveBeenCalledExactlyOnceWith('upgrade');
		expect(removed).not.toHaveBeenCalled();
		expect(db.isOpen()).toBe(false);
		// It stays closed: this tab's older code must not write into the newer database.
		await expect(db.webs.count()).rejects.toMatchObject({ name: 'DatabaseClosedError' });
		newer.close();
	});

	it('reports a deleted database', async () => {
		const db = openDb('deleted');
		await db.open();
		const listener = vi.fn();
		db.onVersionChange(listener);

		await Dexie.delete('deleted');

		expect(listener).toHaveBeenCalledExactlyOnceWith('delete');
	});
});

describe('isQuotaError', () => {
	const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');

	it.each([
		{ name: 'a QuotaExceededError', error: quota, expected: true },
		{ name: "Dexie's own", error: new Dexie.QuotaExceededError(), expected: true },
		{
			name: 'an AbortError wrapping one',
			error: new Dexie.AbortError('Transaction aborted', quota),
			expected: true
		},
		{
			name: 'an AbortError wrapping something else',
			error: new Dexie.AbortError('Transaction aborted', new Error('other')),
			expected: false
		},
		{ name: 'another error', error: new Dexie.ConstraintError(), expected: false },
		{
			name: 'a plain object with that name',
			error: { name: 'QuotaExceededError' },
			expected: true
		},
		{ name: 'a string', error: 'QuotaExceededError', expected: false },
		{ name: 'nothing', error: undefined, expected: false }
	])('tells $name', ({ error, expected }) => {
		expect(isQuotaError(error)).toBe(expected);
	});
});
