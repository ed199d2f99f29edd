import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRecord, sealRecord } from '$lib/crypto';
import { newAgreement } from '$lib/domain/agreement';
import { withWhat } from '$lib/domain/agreement-changes';
import { withPseudonym } from '$lib/domain/client';
import { withText } from '$lib/domain/conversation-changes';
import { AgreementRepo } from './agreement-repo';
import { ClientRepo } from './client-repo';
import { ConversationRepo } from './conversation-repo';
import { openDb, type SpinnenwebDb } from './db';
import { createRecordLock, SEALED_ISSUE, type RecordLock } from './record-lock';
import { WebRepo, type CorruptRecordReport } from './web-repo';

const PSEUDONYM = 'Zwaluwstaart Qorvex';
const NOTE = 'Wil weer naar het koor Plimsoll';
const AGREEMENT = 'Bellen met de buurtkamer Vandertrekk';

function newLock(): Promise<RecordLock> {
	return crypto.subtle
		.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'])
		.then((key) => createRecordLock({ sealRecord, openRecord }, key, 'key-1'));
}

let db: SpinnenwebDb;
let lock: RecordLock | null;
let reports: CorruptRecordReport[];
let clients: ClientRepo;
let conversations: ConversationRepo;
let agreements: AgreementRepo;
let webs: WebRepo;

beforeEach(async () => {
	const factory = new IDBFactory();
	globalThis.indexedDB = factory;
	Dexie.dependencies.indexedDB = factory;
	Dexie.dependencies.IDBKeyRange = IDBKeyRange;
	db = openDb();
	reports = [];
	let time = 1_700_000_000_000;
	lock = await newLock();
	const options = {
		clock: () => ++time,
		lock: () => lock,
		onCorrupt: (r: CorruptRecordReport) => reports.push(r)
	};
	clients = new ClientRepo(db, options);
	conversations = new ConversationRepo(db, options);
	agreements = new AgreementRepo(db, options);
	webs = new WebRepo(db, options);
});

afterEach(() => {
	db.close();
});

/** Everything stored, as one string: what someone reading the files would see. */
async function rawDump(): Promise<string> {
	const rows: unknown[] = [];
	for (const table of db.tables) rows.push(...((await table.toArray()) as unknown[]));
	return JSON.stringify(rows, (_key, value: unknown) =>
		value instanceof Uint8Array ? Array.from(value) : value
	);
}

describe('the professional side with a lock', () => {
	it('stores people, conversations, their webs and agreements sealed, and reads them back', async () => {
		const client = await clients.create('Iemand');
		const renamed = clients.changeNow(client, (c) => withPseudonym(c, PSEUDONYM));
		await renamed?.saved;
		const conversation = await conversations.create(client.id);
		const noted = conversations.changeNow(conversation, (c) => withText(c, 'overzicht', NOTE));
		await noted?.saved;
		const { webId, conversation: withWebStored } = await conversations.startWeb(
			conversation.id,
			'nl',
			'together'
		);
		const agreement = newAgreement({
			id: crypto.randomUUID(),
			clientId: client.id,
			conversationId: conversation.id,
			now: 1_700_000_900_000
		});
		const added = agreements.addNow(agreement);
		await added.saved;
		const changed = agreements.changeNow(added.value, (a) =>
			withWhat(a, conversation.id, AGREEMENT)
		);
		await changed?.saved;

		const dump = await rawDump();
		for (const secret of [PSEUDONYM, NOTE, AGREEMENT, 'Iemand']) expect(dump).not.toContain(secret);
		const rawClient = (await db.clients.get(client.id)) as Record<string, unknown>;
		expect(Object.keys(rawClient).sort()).toEqual(['id', 'sealed']);
		const rawAgreement = (await db.agreements.get(agreement.id)) as Record<string, unknown>;
		expect(Object.keys(rawAgreement).sort()).toEqual([
			'clientId',
			'conversationId',
			'id',
			'sealed'
		]);

		expect((await clients.list()).clients.map((c) => c.pseudonym)).toEqual([PSEUDONYM]);
		const found = await conversations.lookup(conversation.id);
		expect(found.status === 'found' && found.record.notes.overzicht).toBe(NOTE);
		expect(found.status === 'found' && found.record.webId).toBe(webId);
		expect(withWebStored.webId).toBe(webId);
		expect((await conversations.listForClient(client.id)).conversations).toHaveLength(1);
		expect((await webs.listForClient(client.id)).webs.map((w) => w.id)).toEqual([webId]);
		// A client's web is never the person's own "verder gaan".
		expect(await webs.latestUnfinished()).toBeUndefined();
		expect((await agreements.listForClient(client.id)).agreements.map((a) => a.what)).toEqual([
			AGREEMENT
		]);
		// Indexes in the clear still count what belongs to a person.
		expect(await clients.contents(client.id)).toEqual({
			conversations: 1,
			webs: 1,
			agreements: 1
		});
		expect(reports).toEqual([]);
	});

	it('reads nothing with another key, reports it without values, and never writes over it', async () => {
		const client = await clients.create(PSEUDONYM);
		const before = await db.clients.get(client.id);
		lock = await newLock();

		expect(await clients.lookup(client.id)).toEqual({ status: 'corrupt', id: client.id });
		expect(await clients.list()).toEqual({ clients: [], corruptCount: 1 });
		expect(reports).toEqual([{ id: client.id, issues: [SEALED_ISSUE] }]);
		expect(await db.clients.get(client.id)).toEqual(before);
	});
});
