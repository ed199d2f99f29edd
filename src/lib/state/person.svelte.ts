import type { Agreement } from '$lib/domain/agreement';
import {
	checkPseudonym,
	withPseudonym,
	type Client,
	type PseudonymCheck
} from '$lib/domain/client';
import type { Conversation } from '$lib/domain/conversation';
import { followUpDateOf } from '$lib/domain/follow-up';
import type { Day } from '$lib/domain/reflection';
import type { Web } from '$lib/domain/web';
import type { AgreementRepo } from '$lib/storage/agreement-repo';
import type { ClientContents, ClientRepo } from '$lib/storage/client-repo';
import type { ConversationRepo } from '$lib/storage/conversation-repo';
import type { Lookup } from '$lib/storage/record-parser';
import type { WebRepo } from '$lib/storage/web-repo';
import { LatestRecord } from './latest-record.svelte';
import { live } from './live.svelte';
import { agreementRepo, clientRepo, conversationRepo } from './professional-repositories';
import { webRepo } from './repositories';
import { toSaveProblem, type SaveProblem } from './save-feedback';

// Screens take the counts for the delete confirmation from here, never from storage.
export type { ClientContents };

interface Repos {
	clients: ClientRepo;
	conversations: ConversationRepo;
	agreements: AgreementRepo;
	webs: WebRepo;
}

function appRepos(): Repos {
	return {
		clients: clientRepo(),
		conversations: conversationRepo(),
		agreements: agreementRepo(),
		webs: webRepo()
	};
}

interface Theirs {
	conversations: Conversation[];
	agreements: Agreement[];
	webs: Web[];
	corruptCount: number;
}

/**
 * A person's page: their pseudonym (renamed as typed, never with a BSN), their conversations
 * newest first, every agreement with how it went, their webs over time, a new conversation, and
 * deleting them with everything of theirs.
 */
export class PersonState {
	readonly id: string;
	readonly #repos: Repos;
	readonly #lookup: { readonly current: Lookup<Client> | undefined };
	readonly #theirs: { readonly current: Theirs | undefined };
	readonly #latest: LatestRecord<Client>;
	#nameCheck = $state<PseudonymCheck>('ok');
	#problem = $state<SaveProblem | null>(null);

	constructor(id: string, repos: Repos = appRepos()) {
		this.id = id;
		this.#repos = repos;
		this.#lookup = live(() => repos.clients.lookup(id));
		this.#theirs = live(async () => {
			const [conversations, agreements, webs] = await Promise.all([
				repos.conversations.listForClient(id),
				repos.agreements.listForClient(id),
				repos.webs.listForClient(id)
			]);
			return {
				conversations: conversations.conversations,
				agreements: agreements.agreements,
				webs: webs.webs,
				corruptCount: conversations.corruptCount + agreements.corruptCount + webs.corruptCount
			};
		});
		this.#latest = new LatestRecord(() => {
			const lookup = this.#lookup.current;
			return lookup?.status === 'found' ? lookup.record : undefined;
		});
	}

	get lookup(): Lookup<Client> | undefined {
		return this.#lookup.current;
	}

	get client(): Client | undefined {
		return this.lookup?.status === 'found' ? this.#latest.current : undefined;
	}

	get isLoading(): boolean {
		return this.lookup === undefined || this.#theirs.current === undefined;
	}

	get conversations(): Conversation[] {
		return this.#theirs.current?.conversations ?? [];
	}

	get agreements(): Agreement[] {
		return this.#theirs.current?.agreements ?? [];
	}

	/** Their conversations' webs, newest first. */
	get webs(): Web[] {
		return this.#theirs.current?.webs ?? [];
	}

	get corruptCount(): number {
		return this.#theirs.current?.corruptCount ?? 0;
	}

	get followUpDate(): Day | null {
		return followUpDateOf(this.conversations);
	}

	/** What the pseudonym field says about the text typed last (kept on screen when not `ok`). */
	get nameCheck(): PseudonymCheck {
		return this.#nameCheck;
	}

	get saveProblem(): SaveProblem | null {
		return this.#problem ?? this.#latest.saveProblem;
	}

	get savedAt(): number | null {
		return this.#latest.savedAt;
	}

	/** Stores the new pseudonym at once, unless it is empty or holds a BSN (then: only the check). */
	rename(text: string): Promise<void> {
		this.#nameCheck = checkPseudonym(text);
		if (this.#nameCheck !== 'ok') return Promise.resolve();
		return this.#latest.change((latest) =>
			latest === null ? null : this.#repos.clients.changeNow(latest, (c) => withPseudonym(c, text))
		);
	}

	/** A new conversation; its id, or undefined when it could not be stored (then: saveProblem). */
	async startConversation(): Promise<string | undefined> {
		try {
			return (await this.#repos.conversations.create(this.id)).id;
		} catch (error) {
			this.#problem = toSaveProblem(error);
			return undefined;
		}
	}

	/** What deleting takes with it, for the confirmation. */
	contents(): Promise<ClientContents> {
		return this.#repos.clients.contents(this.id);
	}

	/** Deletes the person and everything of theirs; false (and saveProblem) when it failed. */
	async deleteEverything(): Promise<boolean> {
		try {
			await this.#repos.clients.deleteWithEverything(this.id);
			return true;
		} catch (error) {
			this.#problem = toSaveProblem(error);
			return false;
		}
	}
}
