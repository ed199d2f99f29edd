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
import { RecordParser, type Lookup } from './record-parser';
import type { CorruptRecordReport } from './web-repo';
import { writeNow, type PendingWrite } from './write-now';

export interface ConversationRepoOptions {
	clock?: () => number;
	onCorrupt?: (report: CorruptRecordReport) => void;
}

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

	constructor(db: SpinnenwebDb, options: ConversationRepoOptions = {}) {
		this.#db = db;
		this.#clock = options.clock ?? Date.now;
		this.#parser = new RecordParser(ConversationSchema, 'conversation', options.onCorrupt);
	}

	/** A new conversation with a person who exists (checked in the same transaction). */
	create(clientId: string, now: number = this.#clock()): Promise<Conversation> {
		const { clients, conversations } = this.#db;
		return this.#db.transaction('rw', clients, conversations, async () => {
			if ((await clients.get(clientId)) === undefined) throw new RecordNotFoundError(clientId);
			const conversation = this.#parser.validate(
				emptyConversation(crypto.randomUUID(), clientId, now)
			);
			await conversations.add(conversation);
			return conversation;
		});
	}

	async lookup(id: string): Promise<Lookup<Conversation>> {
		const raw = await this.#db.conversations.get(id);
		if (raw === undefined) return { status: 'missing' };
		const record = this.#parser.parse(raw);
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
		return { value, saved: writeNow(this.#db, [{ table: 'conversations', value }]) };
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

	#toList(raws: Parameters<RecordParser<Conversation>['parseAll']>[0]): ConversationList {
		const { records, corruptCount } = this.#parser.parseAll(raws);
		return { conversations: records.sort(newestConversationFirst), corruptCount };
	}
}
