import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CURRENT_QUESTION_SET_ID } from '$lib/domain/question-set';
import { emptyWeb } from '$lib/domain/web';
import { encodeWebTransfer, MAX_WEB_FILE_BYTES, webForTransfer } from '$lib/domain/web-transfer';
import { AgreementRepo } from '$lib/storage/agreement-repo';
import { ClientRepo } from '$lib/storage/client-repo';
import { ConversationRepo } from '$lib/storage/conversation-repo';
import { openDb, type SpinnenwebDb } from '$lib/storage/db';
import { AgreementsState } from './agreements-state.svelte';
import { ConversationSession } from './conversation-session.svelte';

let db: SpinnenwebDb;
let clients: ClientRepo;
let conversations: ConversationRepo;
let agreements: AgreementRepo;
let clientId: string;
let conversationId: string;
const stops: (() => void)[] = [];

beforeEach(async () => {
	const factory = new IDBFactory();
	globalThis.indexedDB = factory;
	Dexie.dependencies.indexedDB = factory;
	Dexie.dependencies.IDBKeyRange = IDBKeyRange;
	db = openDb();
	clients = new ClientRepo(db);
	conversations = new ConversationRepo(db);
	agreements = new AgreementRepo(db);
	clientId = (await clients.create('Fatima')).id;
	conversationId = (await conversations.create(clientId)).id;
});

afterEach(() => {
	for (const stop of stops.splice(0)) stop();
	db.close();
});

/** On screen: live reads only run while something shows them. */
function shown<T>(state: T, read: (state: T) => unknown): T {
	stops.push(
		$effect.root(() => {
			$effect(() => {
				void read(state);
			});
		})
	);
	return state;
}

async function storedConversation() {
	const found = await conversations.lookup(conversationId);
	if (found.status !== 'found') throw new Error('conversation not stored');
	return found.record;
}

describe('ConversationSession', () => {
	async function session(): Promise<ConversationSession> {
		const s = shown(new ConversationSession(conversationId, { conversations, clients }), (x) => {
			void x.conversation;
			void x.client;
		});
		await vi.waitFor(() => expect(s.client?.pseudonym).toBe('Fatima'));
		return s;
	}

	it('writes every keystroke whole, at once, so the last text is what is stored', async () => {
		const s = await session();
		const text = 'Zingt graag in het koor';
		for (let i = 1; i <= text.length; i++) s.setText('overzicht', text.slice(0, i));
		s.setText('wish', 'Weer zingen');
		expect(s.text('overzicht')).toBe(text);
		await vi.waitFor(async () =>
			expect((await storedConversation()).notes).toEqual({ overzicht: text })
		);
		expect((await storedConversation()).wish).toBe('Weer zingen');
	});

	it('does not store a text with a BSN, says so, and stores it once fixed', async () => {
		const s = await session();
		s.setText('firstStep', 'Belt de gemeente');
		expect(s.setText('firstStep', 'Belt de gemeente, bsn 123 456 782')).toBe('bsn');
		flushSync();
		expect(s.check('firstStep')).toBe('bsn');
		// What is shown and stored is the last text without the number.
		expect(s.text('firstStep')).toBe('Belt de gemeente');
		await vi.waitFor(async () =>
			expect((await storedConversation()).firstStep).toBe('Belt de gemeente')
		);
		expect(s.setText('firstStep', 'Belt de gemeente, zonder nummer')).toBe('ok');
		expect(s.check('firstStep')).toBe('ok');
		await vi.waitFor(async () =>
			expect((await storedConversation()).firstStep).toBe('Belt de gemeente, zonder nummer')
		);
	});

	it('remembers prompts put away, and builds on the web it begins', async () => {
		const s = await session();
		await s.dismissPrompt('overzicht.energy');
		const webId = await s.startWeb('together', 'nl');
		// A change right after builds on the version with the web, never on one without it.
		s.setText('inzicht', 'Meer rust');
		await vi.waitFor(async () =>
			expect((await storedConversation()).notes.inzicht).toBe('Meer rust')
		);
		const stored = await storedConversation();
		expect(stored.webId).toBe(webId);
		expect(stored.webFilledBy).toEqual(['together']);
		expect(stored.dismissedPrompts).toEqual(['overzicht.energy']);
	});

	it('takes over a web file from the phone; a bad file says why and changes nothing', async () => {
		const s = await session();
		const before = await storedConversation();
		const unread = { size: MAX_WEB_FILE_BYTES + 1, text: vi.fn(() => Promise.resolve('{}')) };
		expect(await s.carryOver(unread)).toBeUndefined();
		expect(unread.text).not.toHaveBeenCalled();
		expect(s.fileRefusal).toMatchObject({ reason: 'not-a-web-file', detail: 'too-large' });
		expect(await s.carryOver(new Blob(['{"format":"spinnenweb-web"'], {}))).toBeUndefined();
		expect(s.fileRefusal?.reason).toBe('not-json');
		expect(await storedConversation()).toEqual(before);
		expect(await db.webs.count()).toBe(0);

		const phone = {
			...emptyWeb(crypto.randomUUID(), CURRENT_QUESTION_SET_ID, 'ar', 1_000),
			answers: { 'mentaal.vrolijk': 7 },
			completedAt: 2_000
		};
		const file = new Blob([encodeWebTransfer(webForTransfer(phone))]);
		const webId = await s.carryOver(file);
		expect(webId).toBeDefined();
		expect(s.fileRefusal).toBeNull();
		const stored = await storedConversation();
		expect(stored.webId).toBe(webId);
		expect(stored.webFilledBy).toEqual(['carried-over']);
		expect(await db.webs.get(webId ?? '')).toMatchObject({
			clientId,
			locale: 'ar',
			answers: { 'mentaal.vrolijk': 7 },
			completedAt: 2_000
		});
	});
});

describe('AgreementsState', () => {
	function state(forConversation = conversationId): AgreementsState {
		return shown(new AgreementsState(clientId, forConversation, agreements), (x) => void x.all);
	}

	it('adds, words and removes agreements, showing each change at once', async () => {
		const s = state();
		await vi.waitFor(() => expect(s.isLoading).toBe(false));
		const first = s.add();
		const second = s.add();
		s.setWhat(first, 'belt het buurthuis');
		await s.setWhoKind(second, 'network');
		s.setWhoName(second, 'Sara');
		expect(s.own.map((a) => a.id)).toEqual([first, second]);
		expect(s.own[0]?.what).toBe('belt het buurthuis');

		await vi.waitFor(async () =>
			expect((await agreements.listForClient(clientId)).agreements.map((a) => a.who)).toEqual([
				{ kind: 'person', name: '' },
				{ kind: 'network', name: 'Sara' }
			])
		);
		await s.remove(first);
		expect(s.own.map((a) => a.id)).toEqual([second]);
		expect((await agreements.listForClient(clientId)).agreements.map((a) => a.id)).toEqual([
			second
		]);
	});

	it('keeps a BSN out of an agreement', async () => {
		const s = state();
		await vi.waitFor(() => expect(s.isLoading).toBe(false));
		const id = s.add();
		expect(s.setWhat(id, 'geeft 111 222 333 door')).toBe('bsn');
		expect(s.check(id, 'what')).toBe('bsn');
		await vi.waitFor(async () =>
			expect((await agreements.listForClient(clientId)).agreements).toHaveLength(1)
		);
		expect((await agreements.listForClient(clientId)).agreements[0]?.what).toBe('');
	});

	it('reviews the earlier agreements in the next conversation and sets how they went', async () => {
		const earlier = state();
		await vi.waitFor(() => expect(earlier.isLoading).toBe(false));
		const id = earlier.add();
		earlier.setWhat(id, 'belt het buurthuis');
		await vi.waitFor(async () =>
			expect((await agreements.listForClient(clientId)).agreements[0]?.what).toBe(
				'belt het buurthuis'
			)
		);

		const next = await conversations.create(clientId, Date.now() + 1000);
		const followUp = state(next.id);
		const moments = [
			{ id: conversationId, createdAt: 1 },
			{ id: next.id, createdAt: 2 }
		];
		await vi.waitFor(() => expect(followUp.review(moments).map((a) => a.id)).toEqual([id]));
		await followUp.setStatus(id, 'partly');
		expect(followUp.review(moments)[0]?.status).toBe('partly');
		const stored = (await agreements.listForClient(clientId)).agreements[0];
		expect(stored?.history.map((h) => [h.status, h.conversationId])).toEqual([['partly', next.id]]);
	});
});
