import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newAgreement } from '$lib/domain/agreement';
import { withStatus, withWhat } from '$lib/domain/agreement-changes';
import { withPseudonym } from '$lib/domain/client';
import { withText } from '$lib/domain/conversation-changes';
import { emptyReflection } from '$lib/domain/reflection';
import { webForTransfer } from '$lib/domain/web-transfer';
import { AgreementRepo } from './agreement-repo';
import { ClientRepo } from './client-repo';
import { ConversationRepo } from './conversation-repo';
import { openDb, type SpinnenwebDb } from './db';
import { CorruptRecordError, RecordNotFoundError } from './errors';
import { ReflectionRepo } from './reflection-repo';
import type { CorruptRecordReport } from './web-repo';
import { WebRepo } from './web-repo';

let db: SpinnenwebDb;
let time: number;
let reports: CorruptRecordReport[];
let clients: ClientRepo;
let conversations: ConversationRepo;
let agreements: AgreementRepo;
let webs: WebRepo;

beforeEach(() => {
	const factory = new IDBFactory();
	globalThis.indexedDB = factory;
	Dexie.dependencies.indexedDB = factory;
	Dexie.dependencies.IDBKeyRange = IDBKeyRange;
	db = openDb();
	time = 1_700_000_000_000;
	reports = [];
	const options = { clock: () => ++time, onCorrupt: (r: CorruptRecordReport) => reports.push(r) };
	clients = new ClientRepo(db, options);
	conversations = new ConversationRepo(db, options);
	agreements = new AgreementRepo(db, options);
	webs = new WebRepo(db, options);
});

afterEach(() => {
	db.close();
});

describe('ClientRepo', () => {
	it('makes a person under a pseudonym and reads them back', async () => {
		const client = await clients.create(' Fatima ');
		expect(client.pseudonym).toBe('Fatima');
		expect(await clients.lookup(client.id)).toEqual({ status: 'found', record: client });
		expect((await clients.list()).clients).toEqual([client]);
		expect(await clients.lookup(crypto.randomUUID())).toEqual({ status: 'missing' });
	});

	it('refuses a pseudonym with a BSN in it, and one that is empty, storing nothing', async () => {
		await expect(clients.create('F. 123 456 782')).rejects.toThrow();
		await expect(clients.create('   ')).rejects.toThrow();
		expect(await db.clients.count()).toBe(0);
	});

	it('stores a rename at once, and refuses one with a BSN', async () => {
		const client = await clients.create('F.');
		const pending = clients.changeNow(client, (c) => withPseudonym(c, 'Fatima'));
		expect(pending?.value.pseudonym).toBe('Fatima');
		await pending?.saved;
		expect((await clients.list()).clients[0]?.pseudonym).toBe('Fatima');
		expect(() => clients.changeNow(client, (c) => withPseudonym(c, '111222333'))).toThrow();
		expect(clients.changeNow(client, (c) => c)).toBeNull();
		expect((await clients.list()).clients[0]?.pseudonym).toBe('Fatima');
	});

	it('skips a damaged person in the list and reports it once, without its values', async () => {
		await db.clients.add({ id: 'damaged', pseudonym: 123_456_782 });
		expect(await clients.list()).toEqual({ clients: [], corruptCount: 1 });
		expect(await clients.lookup('damaged')).toEqual({ status: 'corrupt', id: 'damaged' });
		expect(reports).toHaveLength(1);
		expect(JSON.stringify(reports)).not.toContain('123456782');
	});

	it('deletes a person with everything of theirs, and nothing of anyone else', async () => {
		const fatima = await clients.create('Fatima');
		const ali = await clients.create('Ali');
		const own = await webs.create('nl');
		const first = await conversations.create(fatima.id);
		const second = await conversations.create(fatima.id);
		const alis = await conversations.create(ali.id);
		await conversations.startWeb(first.id, 'nl', 'together');
		await conversations.startWeb(second.id, 'ar', 'hand-over');
		const { webId: alisWeb } = await conversations.startWeb(alis.id, 'nl', 'together');
		for (const conversation of [first, second, alis]) {
			await agreements.addNow(
				newAgreement({
					id: crypto.randomUUID(),
					clientId: conversation.clientId,
					conversationId: conversation.id,
					now: time
				})
			).saved;
		}
		// A damaged conversation that still names her goes too.
		await db.conversations.add({ id: 'damaged', clientId: fatima.id, notes: 7 });

		expect(await clients.contents(fatima.id)).toEqual({ conversations: 3, webs: 2, agreements: 2 });
		await clients.deleteWithEverything(fatima.id);

		expect(await clients.lookup(fatima.id)).toEqual({ status: 'missing' });
		expect(await clients.contents(fatima.id)).toEqual({ conversations: 0, webs: 0, agreements: 0 });
		expect(await clients.contents(ali.id)).toEqual({ conversations: 1, webs: 1, agreements: 1 });
		expect(await webs.get(own.id)).toEqual(own);
		expect(await webs.get(alisWeb)).toBeDefined();
		expect(await db.webs.count()).toBe(2);
	});

	it('deletes nothing when the person is gone already', async () => {
		await expect(clients.deleteWithEverything(crypto.randomUUID())).rejects.toBeInstanceOf(
			RecordNotFoundError
		);
	});
});

describe('ConversationRepo', () => {
	it('starts a conversation only for a person who exists, newest first in their list', async () => {
		const client = await clients.create('Fatima');
		const older = await conversations.create(client.id);
		const newer = await conversations.create(client.id);
		await expect(conversations.create(crypto.randomUUID())).rejects.toBeInstanceOf(
			RecordNotFoundError
		);
		expect((await conversations.listForClient(client.id)).conversations.map((c) => c.id)).toEqual([
			newer.id,
			older.id
		]);
		expect((await conversations.listAll()).conversations).toHaveLength(2);
	});

	it('stores every keystroke whole, so the last text is what is kept', async () => {
		const client = await clients.create('Fatima');
		let latest = await conversations.create(client.id);
		const text = 'Zingt graag, koor op dinsdag';
		const writes: Promise<void>[] = [];
		for (let i = 1; i <= text.length; i++) {
			const pending = conversations.changeNow(latest, (c) =>
				withText(c, 'overzicht', text.slice(0, i))
			);
			if (pending) {
				latest = pending.value;
				writes.push(pending.saved);
			}
		}
		await Promise.all(writes);
		const stored = await conversations.lookup(latest.id);
		expect(stored.status === 'found' && stored.record.notes).toEqual({ overzicht: text });
	});

	it('refuses to store a note with a BSN', async () => {
		const client = await clients.create('Fatima');
		const conversation = await conversations.create(client.id);
		expect(() =>
			conversations.changeNow(conversation, (c) => withText(c, 'inzicht', 'bsn 123456782'))
		).toThrow();
		const stored = await conversations.lookup(conversation.id);
		expect(stored.status === 'found' && stored.record.notes).toEqual({});
	});

	it('begins the web once, marked with the person, and remembers each way it was filled', async () => {
		const client = await clients.create('Fatima');
		const conversation = await conversations.create(client.id);
		const together = await conversations.startWeb(conversation.id, 'nl', 'together');
		const handOver = await conversations.startWeb(conversation.id, 'ar', 'hand-over');

		expect(handOver.webId).toBe(together.webId);
		expect(handOver.conversation.webFilledBy).toEqual(['together', 'hand-over']);
		expect(handOver.conversation.updatedAt).toBeGreaterThan(together.conversation.updatedAt);
		const web = await webs.get(together.webId);
		expect(web).toMatchObject({ clientId: client.id, locale: 'nl', answers: {} });
		// Not the person's own.
		expect((await webs.list()).webs).toEqual([]);
	});

	it('carries over a web from the phone under a new id, but never over one it has', async () => {
		const client = await clients.create('Fatima');
		const conversation = await conversations.create(client.id);
		const phone = await webs.create('tr', 1_000);
		const carried = webForTransfer(
			{ ...phone, answers: { 'mentaal.vrolijk': 8 }, completedAt: 2_000 },
			{ ...emptyReflection(phone.id, 1_500), notes: { energy: 'Mijn eigen notitie' } }
		);
		const { webId, conversation: after } = await conversations.carryOverWeb(
			conversation.id,
			carried
		);
		expect(webId).not.toBe(phone.id);
		expect(after.webFilledBy).toEqual(['carried-over']);
		const stored = await webs.get(webId);
		expect(stored).toMatchObject({
			clientId: client.id,
			locale: 'tr',
			answers: { 'mentaal.vrolijk': 8 },
			completedAt: 2_000
		});
		// The person's notes never land in a web record.
		expect(JSON.stringify(await db.webs.get(webId))).not.toContain('Mijn eigen notitie');
		await expect(conversations.carryOverWeb(conversation.id, carried)).rejects.toBeInstanceOf(
			RangeError
		);
	});

	it('leaves a damaged conversation as it is', async () => {
		await db.conversations.add({ id: 'damaged', clientId: 'x', notes: 3 });
		await expect(conversations.startWeb('damaged', 'nl', 'together')).rejects.toBeInstanceOf(
			CorruptRecordError
		);
		expect(await db.conversations.get('damaged')).toEqual({
			id: 'damaged',
			clientId: 'x',
			notes: 3
		});
		expect(await db.webs.count()).toBe(0);
	});
});

describe('AgreementRepo', () => {
	it('adds, changes and removes agreements, listed in the order they were made', async () => {
		const client = await clients.create('Fatima');
		const conversation = await conversations.create(client.id);
		const make = () =>
			newAgreement({
				id: crypto.randomUUID(),
				clientId: client.id,
				conversationId: conversation.id,
				now: ++time
			});
		const first = agreements.addNow(make());
		const second = agreements.addNow(make());
		await Promise.all([first.saved, second.saved]);
		const changed = agreements.changeNow(first.value, (a) =>
			withStatus(withWhat(a, conversation.id, 'belt het buurthuis'), 'done', conversation.id, 5)
		);
		await changed?.saved;

		const list = (await agreements.listForClient(client.id)).agreements;
		expect(list.map((a) => a.id)).toEqual([first.value.id, second.value.id]);
		expect(list[0]).toMatchObject({ what: 'belt het buurthuis', status: 'done' });

		await agreements.delete(second.value.id);
		expect((await agreements.listForClient(client.id)).agreements).toHaveLength(1);
	});

	it('refuses an agreement that names a BSN', async () => {
		const client = await clients.create('Fatima');
		const conversation = await conversations.create(client.id);
		const agreement = withWhat(
			newAgreement({
				id: crypto.randomUUID(),
				clientId: client.id,
				conversationId: conversation.id,
				now: 1
			}),
			conversation.id,
			'stuurt 123456782 door'
		);
		expect(() => agreements.addNow(agreement)).toThrow();
		expect(await db.agreements.count()).toBe(0);
	});
});

describe('notes stay apart from what may be sent', () => {
	it('keeps no text of a conversation in its web, nor a reflection for it', async () => {
		const client = await clients.create('Fatima');
		let conversation = await conversations.create(client.id);
		const { webId, conversation: withWeb } = await conversations.startWeb(
			conversation.id,
			'nl',
			'together'
		);
		conversation = withWeb;
		await conversations.changeNow(conversation, (c) => withText(c, 'overzicht', 'Zingt graag'))
			?.saved;
		expect(JSON.stringify(await db.webs.get(webId))).not.toContain('Zingt');
		expect(await new ReflectionRepo(db).get(webId)).toBeUndefined();
	});
});
