import {
	ConversationSchema,
	emptyConversation,
	newestConversationFirst,
	type Conversation,
	type WebFillMode
} from '$lib/domain/conversation';
import { withWeb, withWebFilledBy } from '$lib/domain/conversation-changes';
import { CURRENT_QUESTION_SET_ID } from '$lib/domain/question-set';
import { emptyWeb, WebSchema, type Web } from '$lib/domain/web';
import { webFromTransfer, type TransferredWeb } from '$lib/domain/web-transfer';
import type { SpinnenwebDb } from './db';
import { RecordNotFoundError } from './errors';
import { NO_LOCK, SealedWrites, type LockSource, type RecordLock } from './record-lock';
import { RecordParser, type Lookup } from './record-parser';
import { sameStored } from './reencrypt-store';
import type { CorruptRecordReport } from './web-repo';
import type { PendingWrite } from './write-now';

export interface ConversationRepoOptions {
	clock?: () => number;
	onCorrupt?: (report: CorruptRecordReport) => void;
	/** The passcode lock, when one is set and open (record-lock.ts); none by default. */
	lock?: LockSource;
}

/** How often a sealed change is tried again when another write came between its read and put. */
const TRIES = 5;

export interface ConversationList {
	conversations: Conversation[];
	corruptCount: number;
}

/**
 * Conversations with people (README.md, "Tables"), by the same rules as WebRepo: every read
 * parsed, a damaged record skipped and reported, never overwritten; what is typed or chosen is
 * written whole at once (`changeNow`), so the last keystroke before a reload is kept.
 */
export class ConversationRepo {
	readonly #db: SpinnenwebDb;
	readonly #clock: () => number;
	readonly #parser: RecordParser<Conversation>;
	readonly #lock: LockSource;
	readonly #sealedWrites: SealedWrites;

	constructor(db: SpinnenwebDb, options: ConversationRepoOptions = {}) {
		this.#db = db;
		this.#clock = options.clock ?? Date.now;
		this.#parser = new RecordParser(ConversationSchema, 'conversation', options.onCorrupt);
		this.#lock = options.lock ?? NO_LOCK;
		this.#sealedWrites = new SealedWrites(db);
	}

	/** A new conversation with a person who exists (checked in the same transaction). */
	async create(clientId: string, now: number = this.#clock()): Promise<Conversation> {
		const { clients, conversations } = this.#db;
		const conversation = this.#parser.validate(
			emptyConversation(crypto.randomUUID(), clientId, now)
		);
		// Sealed before the transaction: WebCrypto cannot run inside one.
		const lock = this.#lock();
		const stored = lock ? await lock.seal('conversations', conversation) : conversation;
		return this.#db.transaction('rw', clients, conversations, async () => {
			if ((await clients.get(clientId)) === undefined) throw new RecordNotFoundError(clientId);
			await conversations.add(stored as Conversation);
			return conversation;
		});
	}

	async lookup(id: string): Promise<Lookup<Conversation>> {
		const raw = await this.#db.conversations.get(id);
		if (raw === undefined) return { status: 'missing' };
		const record = await this.#parser.read(this.#lock(), 'conversations', raw);
		return record ? { status: 'found', record } : { status: 'corrupt', id };
	}

	/** One person's conversations, newest first. */
	async listForClient(clientId: string): Promise<ConversationList> {
		const raws = await this.#db.conversations.where('clientId').equals(clientId).toArray();
		return this.#toList(raws);
	}

	/** Every conversation, newest first: the people list reads each person's follow-up day. */
	async listAll(): Promise<ConversationList> {
		return this.#toList(await this.#db.conversations.toArray());
	}

	/** Stores the conversation whole, as the screen has it now (see WebRepo.changeNow). */
	changeNow(
		latest: Conversation,
		change: (conversation: Conversation) => Conversation
	): PendingWrite<Conversation> | null {
		const changed = change(latest);
		if (changed === latest) return null;
		const value = this.#parser.validate({
			...changed,
			updatedAt: Math.max(this.#clock(), latest.updatedAt)
		});
		const saved = this.#sealedWrites.put(this.#lock(), 'conversations', value.id, value);
		return { value, saved };
	}

	/**
	 * The conversation's web, begun now if it has none, and the way it is being filled in
	 * (together, or by the person in hand-over mode) remembered. The web and the link to it are
	 * stored in one transaction, so there is never a web without its conversation or the other
	 * way round. The conversation's new version is newer than any the screen wrote before.
	 */
	startWeb(
		conversationId: string,
		locale: string,
		mode: WebFillMode
	): Promise<{ conversation: Conversation; webId: string }> {
		return this.#withWeb(conversationId, mode, (conversation, now) =>
			WebSchema.parse(
				emptyWeb(crypto.randomUUID(), CURRENT_QUESTION_SET_ID, locale, now, conversation.clientId)
			)
		);
	}

	/**
	 * A web the person filled in on their own phone and sent as a file (already parsed by
	 * parseWebTransfer), stored as the conversation's web under a new id, marked with the person's
	 * clientId. Their notes, if the file holds them, are not stored: conversation notes are the
	 * professional's, and a web record never holds notes.
	 */
	carryOverWeb(
		conversationId: string,
		carried: TransferredWeb
	): Promise<{ conversation: Conversation; webId: string }> {
		return this.#withWeb(conversationId, 'carried-over', (conversation, now) =>
			WebSchema.parse({
				...webFromTransfer(carried, crypto.randomUUID(), now),
				clientId: conversation.clientId
			})
		);
	}

	#withWeb(
		conversationId: string,
		mode: WebFillMode,
		makeWeb: (conversation: Conversation, now: number) => Web
	): Promise<{ conversation: Conversation; webId: string }> {
		const lock = this.#lock();
		if (lock) {
			return this.#sealedWrites.inTurn(() =>
				this.#withWebSealed(lock, conversationId, mode, makeWeb)
			);
		}
		const { conversations, webs } = this.#db;
		const now = this.#clock();
		return this.#db.transaction('rw', conversations, webs, async () => {
			const raw = await conversations.get(conversationId);
			if (raw === undefined) throw new RecordNotFoundError(conversationId);
			const current = this.#parser.parseForWrite(raw);
			let webId = current.webId;
			if (webId === null) {
				const web = makeWeb(current, now);
				await webs.add(web);
				webId = web.id;
			} else if (mode === 'carried-over') {
				// A conversation keeps the first web it gets: a file never replaces answers.
				throw new RangeError(`Conversation ${conversationId} already has a web`);
			}
			const changed = withWebFilledBy(withWeb(current, webId), mode);
			if (changed === current) return { conversation: current, webId };
			// Strictly newer than any version the screen holds, so it builds on this one.
			const conversation = this.#parser.validate({
				...changed,
				updatedAt: Math.max(now, current.updatedAt + 1)
			});
			await conversations.put(conversation);
			return { conversation, webId };
		});
	}

	/**
	 * #withWeb with a lock on: read and open, make and seal the web and the conversation outside,
	 * then store both in one short transaction only if the conversation is still the one read
	 * (compare-and-put, as sealed-update.ts), else start again from the new one.
	 */
	async #withWebSealed(
		lock: RecordLock,
		conversationId: string,
		mode: WebFillMode,
		makeWeb: (conversation: Conversation, now: number) => Web
	): Promise<{ conversation: Conversation; webId: string }> {
		const { conversations, webs } = this.#db;
		for (let attempt = 0; attempt < TRIES; attempt++) {
			const now = this.#clock();
			const raw = await conversations.get(conversationId);
			if (raw === undefined) throw new RecordNotFoundError(conversationId);
			const current = await this.#parser.readForWrite(lock, 'conversations', raw);
			let webId = current.webId;
			let sealedWeb: object | undefined;
			if (webId === null) {
				const web = makeWeb(current, now);
				sealedWeb = await lock.seal('webs', web);
				webId = web.id;
			} else if (mode === 'carried-over') {
				throw new RangeError(`Conversation ${conversationId} already has a web`);
			}
			const changed = withWebFilledBy(withWeb(current, webId), mode);
			if (changed === current) return { conversation: current, webId };
			const conversation = this.#parser.validate({
				...changed,
				updatedAt: Math.max(now, current.updatedAt + 1)
			});
			const sealed = await lock.seal('conversations', conversation);
			const isStored = await this.#db.transaction('rw', conversations, webs, async () => {
				if (!sameStored(await conversations.get(conversationId), raw)) return false;
				if (sealedWeb) await webs.add(sealedWeb as Web & { id: string });
				await conversations.put(sealed as Conversation);
				return true;
			});
			if (isStored) return { conversation, webId };
		}
		throw new Error(`Conversation ${conversationId} kept changing while it was being sealed`);
	}

	async #toList(
		raws: Parameters<RecordParser<Conversation>['parseAll']>[0]
	): Promise<ConversationList> {
		const { records, corruptCount } = await this.#parser.readAll(
			this.#lock(),
			'conversations',
			raws
		);
		return { conversations: records.sort(newestConversationFirst), corruptCount };
	}
}
