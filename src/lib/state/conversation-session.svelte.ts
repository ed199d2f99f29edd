import { getLocale } from '$lib/content/locale';
import { withHandOverLocale, type Client } from '$lib/domain/client';
import {
	conversationText,
	type Conversation,
	type ConversationText,
	type Phase,
	type WebFillMode,
	type WishOwner
} from '$lib/domain/conversation';
import {
	withFollowUpDate,
	withHandover,
	withPromptDismissed,
	withPromptsShown,
	withText,
	withWishOwner
} from '$lib/domain/conversation-changes';
import { checkText, type TextCheck } from '$lib/domain/free-text';
import type { Day } from '$lib/domain/reflection';
import type { HandoverConsent } from '$lib/domain/warm-handover';
import {
	MAX_WEB_FILE_BYTES,
	parseWebTransfer,
	type WebTransferResult
} from '$lib/domain/web-transfer';
import type { ClientRepo } from '$lib/storage/client-repo';
import type { ConversationRepo } from '$lib/storage/conversation-repo';
import type { Lookup } from '$lib/storage/record-parser';
import { transferredFromQr, type TransferWeb } from '$lib/transfer/transfer-web';
import { AgreementsState } from './agreements-state.svelte';
import { LatestRecord } from './latest-record.svelte';
import { live } from './live.svelte';
import { clientRepo, conversationRepo } from './professional-repositories';
import { toSaveProblem, type SaveProblem } from './save-feedback';
import { WebSession } from './web-session.svelte';

export type WebFileRefusal = Extract<WebTransferResult, { ok: false }>;

/** A file that cannot be read as text (gone, no permission) is no web file either. */
async function readText(file: Pick<Blob, 'text'>): Promise<string> {
	try {
		return await file.text();
	} catch {
		return '';
	}
}

interface Repos {
	conversations: ConversationRepo;
	clients: ClientRepo;
}

/**
 * One conversation as the professional's screens see it: read live, and every note, choice and
 * prompt put away written whole the moment it is made (LatestRecord), as on the personal side.
 * A text holding a BSN is not stored: `check(field)` says so, and the field keeps it on screen.
 * Around it: the person, their other conversations (for the review and the earlier web), the
 * conversation's web, and the agreements.
 */
export class ConversationSession {
	readonly id: string;
	readonly #repos: Repos;
	readonly #lookup: { readonly current: Lookup<Conversation> | undefined };
	readonly #latest: LatestRecord<Conversation>;
	#checks = $state<Partial<Record<ConversationText, TextCheck>>>({});
	#problem = $state<SaveProblem | null>(null);
	#fileRefusal = $state<WebFileRefusal | null>(null);

	// Derived from the ids alone, so a keystroke in a note never restarts these reads.
	readonly #clientId = $derived.by(() => this.conversation?.clientId);
	readonly #webId = $derived.by(() => this.conversation?.webId ?? null);

	readonly #person = $derived.by(() => {
		const clientId = this.#clientId;
		if (!clientId) return undefined;
		const clients = this.#repos.clients;
		const conversations = this.#repos.conversations;
		return live(async () => {
			const [client, theirs] = await Promise.all([
				clients.lookup(clientId),
				conversations.listForClient(clientId)
			]);
			return { client, conversations: theirs.conversations };
		});
	});

	/** The conversation's web, once it has one. */
	readonly web = $derived.by(() => {
		const webId = this.#webId;
		return webId ? new WebSession(webId) : null;
	});

	/** The person's agreements, for this conversation. */
	readonly agreements = $derived.by(() => {
		const clientId = this.#clientId;
		return clientId ? new AgreementsState(clientId, this.id) : null;
	});

	/** The web of the person's conversation before this one, to compare with (dashed). */
	readonly #earlierWebId = $derived.by(() => {
		const own = this.conversation;
		if (!own) return null;
		const earlier = this.conversations.find((c) => c.createdAt < own.createdAt && c.webId !== null);
		return earlier?.webId ?? null;
	});

	readonly earlierWeb = $derived.by(() => {
		const webId = this.#earlierWebId;
		return webId ? new WebSession(webId) : null;
	});

	constructor(
		id: string,
		repos: Repos = { conversations: conversationRepo(), clients: clientRepo() }
	) {
		this.id = id;
		this.#repos = repos;
		this.#lookup = live(() => repos.conversations.lookup(id));
		this.#latest = new LatestRecord(() => {
			const lookup = this.#lookup.current;
			return lookup?.status === 'found' ? lookup.record : undefined;
		});
	}

	get lookup(): Lookup<Conversation> | undefined {
		return this.#lookup.current;
	}

	get conversation(): Conversation | undefined {
		return this.lookup?.status === 'found' ? this.#latest.current : undefined;
	}

	get client(): Client | undefined {
		const lookup = this.#person?.current?.client;
		return lookup?.status === 'found' ? lookup.record : undefined;
	}

	/** The person's conversations, newest first, this one among them. */
	get conversations(): Conversation[] {
		return this.#person?.current?.conversations ?? [];
	}

	get isLoading(): boolean {
		return (
			this.lookup === undefined ||
			(this.#clientId !== undefined && this.#person?.current === undefined)
		);
	}

	get saveProblem(): SaveProblem | null {
		return this.#problem ?? this.#latest.saveProblem ?? this.agreements?.saveProblem ?? null;
	}

	get savedAt(): number | null {
		return this.#latest.savedAt;
	}

	get isSaving(): boolean {
		return this.#latest.isSaving;
	}

	text(field: ConversationText): string {
		const conversation = this.conversation;
		return conversation ? conversationText(conversation, field) : '';
	}

	/** `bsn` while the text last typed in the field holds one (and so was not stored). */
	check(field: ConversationText): TextCheck {
		return this.#checks[field] ?? 'ok';
	}

	setText(field: ConversationText, text: string): TextCheck {
		const check = checkText(text);
		this.#checks[field] = check;
		if (check === 'ok') void this.#change((c) => withText(c, field, text));
		return check;
	}

	setWishOwner(owner: WishOwner | null): Promise<void> {
		return this.#change((c) => withWishOwner(c, owner));
	}

	setFollowUpDate(day: Day | null): Promise<void> {
		return this.#change((c) => withFollowUpDate(c, day));
	}

	/** Keeps the person's consent to a warm handover with the conversation. */
	recordHandover(consent: HandoverConsent): Promise<void> {
		return this.#change((c) => withHandover(c, consent));
	}

	dismissPrompt(promptId: string): Promise<void> {
		return this.#change((c) => withPromptDismissed(c, promptId));
	}

	showPrompts(phase: Phase): Promise<void> {
		return this.#change((c) => withPromptsShown(c, phase));
	}

	/**
	 * Begins the conversation's web (or goes on with it) in this way of filling it in; returns
	 * its id, or undefined when it could not be stored (then: saveProblem).
	 */
	async startWeb(mode: WebFillMode, locale: string): Promise<string | undefined> {
		try {
			const { conversation, webId } = await this.#repos.conversations.startWeb(
				this.id,
				locale,
				mode
			);
			this.#latest.accept(conversation);
			return webId;
		} catch (error) {
			this.#problem = toSaveProblem(error);
			return undefined;
		}
	}

	/** Why the last web file chosen could not be taken over; null once one is. */
	get fileRefusal(): WebFileRefusal | null {
		return this.#fileRefusal;
	}

	/**
	 * The web file the person's phone made ("Stuur je web naar je hulpverlener") as this
	 * conversation's web. A file that is too large is refused unread; one that does not parse is
	 * refused with its reason (fileRefusal) and nothing stored changes. The web id, or undefined.
	 */
	async carryOver(file: Pick<Blob, 'size' | 'text'>): Promise<string | undefined> {
		const parsed: WebTransferResult =
			file.size > MAX_WEB_FILE_BYTES
				? { ok: false, reason: 'not-a-web-file', detail: 'too-large' }
				: parseWebTransfer(await readText(file));
		if (!parsed.ok) {
			// The reason only, never the file's content: it is health data.
			console.warn('Web file refused:', parsed.reason, parsed.detail ?? '');
			this.#fileRefusal = parsed;
			return undefined;
		}
		this.#fileRefusal = null;
		try {
			const { conversation, webId } = await this.#repos.conversations.carryOverWeb(
				this.id,
				parsed.web
			);
			this.#latest.accept(conversation);
			return webId;
		} catch (error) {
			this.#problem = toSaveProblem(error);
			return undefined;
		}
	}

	/**
	 * A web read from the person's phone by QR code (already opened and parsed by the scanner) as
	 * this conversation's web, as carryOver does for a file. The web id, or undefined.
	 */
	async carryOverFromQr(web: TransferWeb): Promise<string | undefined> {
		this.#fileRefusal = null;
		try {
			const { conversation, webId } = await this.#repos.conversations.carryOverWeb(
				this.id,
				transferredFromQr(web, getLocale())
			);
			this.#latest.accept(conversation);
			return webId;
		} catch (error) {
			this.#problem = toSaveProblem(error);
			return undefined;
		}
	}

	/** Remembers the language the person chose, for the next hand-over. */
	rememberHandOverLocale(locale: string): void {
		const client = this.client;
		if (!client) return;
		const pending = this.#repos.clients.changeNow(client, (c) => withHandOverLocale(c, locale));
		pending?.saved.catch((error: unknown) => {
			this.#problem = toSaveProblem(error);
		});
	}

	#change(change: (conversation: Conversation) => Conversation): Promise<void> {
		return this.#latest.change((latest) =>
			latest === null ? null : this.#repos.conversations.changeNow(latest, change)
		);
	}
}
