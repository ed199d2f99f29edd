import { Dexie } from 'dexie';
import fc from 'fast-check';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { contentChecksum } from '$lib/backup/checksum';
import { makeBackup } from '$lib/backup/export';
import type { BackupEnvelope } from '$lib/backup/format';
import { applyImport, planImport, type Choice } from '$lib/backup/import';
import { readBackupText } from '$lib/backup/read-backup';
import type { BackupTarget } from '$lib/backup/sections';
import { AgreementSchema, type Agreement } from '$lib/domain/agreement';
import { ClientSchema, type Client } from '$lib/domain/client';
import { ConversationSchema, emptyConversation, type Conversation } from '$lib/domain/conversation';
import { ADULT_V1, allAspectKeys } from '$lib/domain/question-set';
import type { Reflection } from '$lib/domain/reflection';
import type { Web } from '$lib/domain/web';
import { voorzieningListArb } from '$lib/sociale-kaart/testing/arbitraries';
import {
	agreementSection,
	clientSection,
	conversationSection,
	databaseTarget,
	personalOnly,
	reflectionSection,
	voorzieningSection,
	webSection
} from './backup-sections';
import { openDb, type SpinnenwebDb } from './db';
import { DexieMergeBaseStore } from './merge-bases';

beforeEach(() => {
	const factory = new IDBFactory();
	globalThis.indexedDB = factory;
	Dexie.dependencies.indexedDB = factory;
	Dexie.dependencies.IDBKeyRange = IDBKeyRange;
});

const PROFESSIONAL_ONLY = ['clients', 'conversations', 'agreements', 'voorzieningen'];

interface Device {
	db: SpinnenwebDb;
	tablet: BackupTarget;
	personal: BackupTarget;
}

let deviceCount = 0;
/** One device with both sides' targets, as the app has them (backup-target.ts). */
function newDevice(): Device {
	const name = `pro-device-${++deviceCount}`;
	const db = openDb(name);
	const bases = new DexieMergeBaseStore(`${name}-bases`);
	return {
		db,
		tablet: databaseTarget(
			db,
			[
				clientSection(db),
				conversationSection(db),
				agreementSection(db),
				webSection(db),
				reflectionSection(db),
				voorzieningSection(db)
			],
			bases
		),
		personal: databaseTarget(
			db,
			personalOnly(webSection(db), reflectionSection(db)),
			bases,
			PROFESSIONAL_ONLY
		)
	};
}

async function snapshot({ db }: Device) {
	return {
		clients: await db.clients.orderBy('id').toArray(),
		conversations: await db.conversations.orderBy('id').toArray(),
		agreements: await db.agreements.orderBy('id').toArray(),
		webs: await db.webs.orderBy('id').toArray(),
		reflections: await db.reflections.orderBy('webId').toArray(),
		voorzieningen: await db.table('voorzieningen').orderBy('id').toArray()
	};
}

const NOW = Date.UTC(2026, 11, 1, 10);

async function exportFrom(target: BackupTarget, scope: BackupEnvelope['scope'] = 'professional') {
	return makeBackup(target, { now: NOW, scope, app: 'test' });
}

async function importInto(
	target: BackupTarget,
	text: string,
	choices: Record<string, Choice> = {}
) {
	const read = await readBackupText(text, target.sections, target.otherSide);
	if (!read.ok) throw new Error(`refused: ${read.reason}`);
	const plan = await planImport(read.backup, target);
	return { plan, outcome: await applyImport(plan, choices, target) };
}

/** A hand-edited file, with its checksum made right again so only the edit is tested. */
async function edited(
	text: string,
	edit: (content: Record<string, { records: unknown[] }>) => void
) {
	const envelope = JSON.parse(text) as BackupEnvelope;
	edit(envelope.content);
	envelope.checksum.value = await contentChecksum(envelope.content);
	return JSON.stringify(envelope);
}

const KEYS = allAspectKeys(ADULT_V1);
const uuid = fc.uuid({ version: 4 });
const time = fc.integer({ min: 1_600_000_000_000, max: 1_900_000_000_000 });
/** Free text as a professional might type it, script-like text included; never a BSN. */
const text = (max: number) =>
	fc
		.oneof(
			fc.string({ maxLength: max }),
			fc.constantFrom(
				'<script>window.pwned=1</script>',
				'<img src=x onerror=alert(1)>',
				'javascript:alert(1)',
				'\u202Eevil\u202C'
			)
		)
		.filter((t) => AgreementSchema.shape.what.safeParse(t).success && t.length <= max);

function web(id: string, createdAt: number, clientId?: string): Web {
	return {
		id,
		questionSetId: ADULT_V1.id,
		locale: 'nl',
		createdAt,
		updatedAt: createdAt + 10,
		completedAt: null,
		answers: { [KEYS[createdAt % KEYS.length]!]: createdAt % 11 },
		talkAbout: [],
		dimensionAnswers: {},
		position: { dimensionIndex: 0, aspectKey: null },
		...(clientId ? { clientId } : {})
	};
}

/** A tablet's data: people, each with conversations (some with a web) and agreements. */
const tabletArb = fc
	.record({
		people: fc.uniqueArray(fc.record({ id: uuid, pseudonym: text(40), at: time }), {
			selector: (p) => p.id,
			maxLength: 4
		}),
		conversations: fc.array(
			fc.record({
				id: uuid,
				webId: uuid,
				hasWeb: fc.boolean(),
				person: fc.nat(),
				at: time,
				note: text(200),
				wish: text(200)
			}),
			{ maxLength: 6 }
		),
		agreements: fc.array(fc.record({ id: uuid, conversation: fc.nat(), what: text(120) }), {
			maxLength: 6
		}),
		ownWebs: fc.uniqueArray(uuid, { maxLength: 3 }),
		voorzieningen: voorzieningListArb
	})
	.map(({ people, conversations, agreements, ownWebs, voorzieningen }) => {
		const clients: Client[] = people
			.filter((p) => p.pseudonym.trim() !== '')
			.map((p) =>
				ClientSchema.parse({
					id: p.id,
					pseudonym: p.pseudonym,
					createdAt: p.at,
					updatedAt: p.at,
					handOverLocale: null
				})
			);
		const seen = new Set(clients.map((c) => c.id));
		const convs: Conversation[] = [];
		const webs: Web[] = ownWebs
			.filter((id) => !seen.has(id) && seen.add(id))
			.map((id, i) => web(id, 1_700_000_000_000 + i));
		for (const c of clients.length === 0 ? [] : conversations) {
			if (seen.has(c.id) || seen.has(c.webId)) continue;
			seen.add(c.id);
			const client = clients[c.person % clients.length]!;
			const hasWeb = c.hasWeb && seen.add(c.webId) !== undefined;
			if (hasWeb) webs.push(web(c.webId, c.at, client.id));
			convs.push(
				ConversationSchema.parse({
					...emptyConversation(c.id, client.id, c.at),
					webId: hasWeb ? c.webId : null,
					notes: c.note === '' ? {} : { overzicht: c.note },
					wish: c.wish
				})
			);
		}
		const agrs: Agreement[] = [];
		for (const a of convs.length === 0 ? [] : agreements) {
			if (seen.has(a.id)) continue;
			seen.add(a.id);
			const conv = convs[a.conversation % convs.length]!;
			agrs.push(
				AgreementSchema.parse({
					id: a.id,
					clientId: conv.clientId,
					conversationId: conv.id,
					createdAt: conv.createdAt,
					updatedAt: conv.createdAt + 5,
					what: a.what,
					who: { kind: 'person', name: '' },
					byWhen: null,
					status: 'open',
					history: []
				})
			);
		}
		const reflections: Reflection[] = webs.map((w) => ({
			webId: w.id,
			createdAt: w.createdAt,
			updatedAt: w.updatedAt,
			focus: null,
			notes: { wish: 'meer buiten zijn' },
			stepDate: null,
			reminderDismissedAt: null
		}));
		return { clients, conversations: convs, agreements: agrs, webs, reflections, voorzieningen };
	});

type TabletData = typeof tabletArb extends fc.Arbitrary<infer T> ? T : never;

async function fill({ db }: Device, data: TabletData) {
	await db.clients.bulkPut(data.clients);
	await db.conversations.bulkPut(data.conversations);
	await db.agreements.bulkPut(data.agreements);
	await db.webs.bulkPut(data.webs);
	await db.reflections.bulkPut(data.reflections);
	await db.table('voorzieningen').bulkPut(data.voorzieningen);
}

describe('the tablet’s backup', () => {
	it('restores into a fresh tablet exactly what was backed up: people, conversations, agreements, webs, the kaart', async () => {
		await fc.assert(
			fc.asyncProperty(tabletArb, async (data) => {
				const tablet = newDevice();
				await fill(tablet, data);
				const made = await exportFrom(tablet.tablet);
				expect(made.envelope.scope).toBe('professional');

				const fresh = newDevice();
				const { outcome } = await importInto(fresh.tablet, made.text);
				expect(outcome.bad).toEqual([]);
				expect(await snapshot(fresh)).toEqual(await snapshot(tablet));

				// And a second time changes nothing and asks nothing.
				const again = await importInto(fresh.tablet, made.text);
				expect(again.plan.conflicts).toEqual([]);
				expect(again.outcome.isNothingChanged).toBe(true);
			}),
			{ numRuns: 25 }
		);
	}, 60_000);

	it('lists every link of a chain whose person is nowhere, and imports the rest', async () => {
		const tablet = newDevice();
		const [fatima, joost] = [
			'00000000-0000-4000-8000-00000000000a',
			'00000000-0000-4000-8000-00000000000b'
		];
		const conv = emptyConversation('00000000-0000-4000-8000-0000000000c1', fatima, NOW);
		const webId = '00000000-0000-4000-8000-0000000000e1';
		await fill(tablet, {
			clients: [fatima, joost].map((id) => ({
				id,
				pseudonym: id === fatima ? 'Fatima' : 'Joost',
				createdAt: NOW,
				updatedAt: NOW,
				handOverLocale: null
			})),
			conversations: [{ ...conv, webId }],
			agreements: [
				{
					id: '00000000-0000-4000-8000-0000000000d1',
					clientId: fatima,
					conversationId: conv.id,
					createdAt: NOW,
					updatedAt: NOW,
					what: 'belt het buurthuis',
					who: { kind: 'person', name: '' },
					byWhen: null,
					status: 'open',
					history: []
				}
			],
			webs: [web(webId, NOW, fatima)],
			reflections: [],
			voorzieningen: []
		});
		const text = await edited((await exportFrom(tablet.tablet)).text, (content) => {
			content.clients!.records = content.clients!.records.filter(
				(c) => (c as Client).id !== fatima
			);
		});

		const fresh = newDevice();
		const { outcome } = await importInto(fresh.tablet, text);
		expect(outcome.bad.map((b) => [b.section, b.kind])).toEqual([
			['conversations', 'orphan'],
			['agreements', 'orphan'],
			['webs', 'orphan']
		]);
		const stored = await snapshot(fresh);
		expect(stored.clients.map((c) => c.pseudonym)).toEqual(['Joost']);
		expect(stored.conversations).toEqual([]);
		expect(stored.agreements).toEqual([]);
		expect(stored.webs).toEqual([]);

		// On a tablet that has Fatima, the same file brings her conversation, web and agreement.
		const hers = newDevice();
		await hers.db.clients.put({ id: fatima, pseudonym: 'F.', createdAt: NOW, updatedAt: NOW });
		const withHer = await importInto(hers.tablet, text);
		expect(withHer.outcome.bad).toEqual([]);
		expect((await snapshot(hers)).agreements).toHaveLength(1);
	});

	it('shows a conversation changed on both sides side by side and takes the one chosen', async () => {
		const tablet = newDevice();
		const client = '00000000-0000-4000-8000-00000000000a';
		const conv = { ...emptyConversation('00000000-0000-4000-8000-0000000000c1', client, NOW) };
		await tablet.db.clients.put({
			id: client,
			pseudonym: 'Fatima',
			createdAt: NOW,
			updatedAt: NOW
		});
		await tablet.db.conversations.put(conv);
		const made = await exportFrom(tablet.tablet);
		const other = newDevice();
		await importInto(other.tablet, made.text);

		await tablet.db.conversations.put({ ...conv, wish: 'weer fietsen', updatedAt: NOW + 1000 });
		await other.db.conversations.put({ ...conv, wish: 'vaker wandelen', updatedAt: NOW + 2000 });
		const fromTablet = (await exportFrom(tablet.tablet)).text;
		const read = await readBackupText(fromTablet, other.tablet.sections);
		if (!read.ok) throw new Error(read.reason);
		const plan = await planImport(read.backup, other.tablet);
		expect(plan.conflicts.map((c) => c.key)).toEqual([`conversations/${conv.id}`]);

		await applyImport(plan, { [`conversations/${conv.id}`]: 'file' }, other.tablet);
		expect((await other.db.conversations.get(conv.id))?.wish).toBe('weer fietsen');
	});
});

describe('the personal side’s backup on the same device', () => {
	async function deviceWithBoth() {
		const device = newDevice();
		const client = '00000000-0000-4000-8000-00000000000a';
		await fill(device, {
			clients: [
				{ id: client, pseudonym: 'Fatima', createdAt: NOW, updatedAt: NOW, handOverLocale: null }
			],
			conversations: [],
			agreements: [],
			webs: [
				web('00000000-0000-4000-8000-0000000000e1', NOW),
				web('00000000-0000-4000-8000-0000000000e2', NOW, client)
			],
			reflections: ['e1', 'e2'].map((end) => ({
				webId: `00000000-0000-4000-8000-0000000000${end}`,
				createdAt: NOW,
				updatedAt: NOW,
				focus: null,
				notes: { wish: end },
				stepDate: null,
				reminderDismissedAt: null
			})),
			voorzieningen: []
		});
		return device;
	}

	it('holds only the person’s own webs and their reflections', async () => {
		const device = await deviceWithBoth();
		const made = await exportFrom(device.personal, 'personal');
		expect(Object.keys(made.envelope.content).sort()).toEqual(['reflections', 'webs']);
		expect(made.counts).toEqual({ webs: 1, reflections: 1 });
		expect(made.text).not.toContain('Fatima');
		expect(made.text).not.toContain('0000000000e2');
	});

	it('restores from a tablet’s backup only what is the person’s own, refusing nothing', async () => {
		const tablet = await deviceWithBoth();
		const text = (await exportFrom(tablet.tablet)).text;
		const phone = newDevice();
		const { outcome } = await importInto(phone.personal, text);
		const stored = await snapshot(phone);
		expect(stored.webs.map((w) => w.id)).toEqual(['00000000-0000-4000-8000-0000000000e1']);
		expect(stored.clients).toEqual([]);
		// The conversation's web and its notes belong to a person this side does not hold.
		expect(outcome.bad.map((b) => [b.section, b.kind])).toEqual([
			['webs', 'orphan'],
			['reflections', 'orphan']
		]);
	});
});
