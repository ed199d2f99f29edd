import { checkPseudonym, type PseudonymCheck } from '$lib/domain/client';
import {
	followUpDateOf,
	isFollowUpDue,
	orderPeople,
	type PersonOverview
} from '$lib/domain/follow-up';
import type { Conversation } from '$lib/domain/conversation';
import { dayOf } from '$lib/domain/reminder';
import type { ClientRepo } from '$lib/storage/client-repo';
import type { ConversationRepo } from '$lib/storage/conversation-repo';
import { live } from './live.svelte';
import { clientRepo, conversationRepo } from './professional-repositories';
import { toSaveProblem, type SaveProblem } from './save-feedback';

export interface PersonRow extends PersonOverview {
	isDue: boolean;
}

interface PeopleList {
	people: PersonRow[];
	corruptCount: number;
}

/** Why a new person was not added: what was typed, or the device refused. */
export type AddProblem = Exclude<PseudonymCheck, 'ok'> | SaveProblem;

/**
 * The professional's start screen: everyone, those whose follow-up day has come first, and
 * adding a person. Read live, so a person added or a conversation held shows at once.
 */
export class PeopleState {
	readonly #clients: ClientRepo;
	readonly #list: { readonly current: PeopleList | undefined };
	#problem = $state<AddProblem | null>(null);

	constructor(
		clients: ClientRepo = clientRepo(),
		conversations: ConversationRepo = conversationRepo(),
		today: () => string = () => dayOf(Date.now())
	) {
		this.#clients = clients;
		this.#list = live(async () => {
			const [people, held] = await Promise.all([clients.list(), conversations.listAll()]);
			// Newest first (listAll), so each person's first is their newest.
			const byClient: Record<string, Conversation[]> = {};
			for (const c of held.conversations) (byClient[c.clientId] ??= []).push(c);
			const day = today();
			const rows = people.clients.map((client): PersonOverview => {
				const theirs = byClient[client.id] ?? [];
				return {
					id: client.id,
					pseudonym: client.pseudonym.trim(),
					createdAt: client.createdAt,
					lastConversationAt: theirs[0]?.createdAt ?? null,
					followUpDate: followUpDateOf(theirs)
				};
			});
			return {
				people: orderPeople(rows, day).map((p) => ({
					...p,
					isDue: isFollowUpDue(p.followUpDate, day)
				})),
				corruptCount: people.corruptCount + held.corruptCount
			};
		});
	}

	get isLoading(): boolean {
		return this.#list.current === undefined;
	}

	get people(): PersonRow[] {
		return this.#list.current?.people ?? [];
	}

	get corruptCount(): number {
		return this.#list.current?.corruptCount ?? 0;
	}

	get problem(): AddProblem | null {
		return this.#problem;
	}

	/** Clears the message once the professional changes what they typed. */
	clearProblem(): void {
		this.#problem = null;
	}

	/** Adds a person; returns their id, or null with `problem` saying why not (nothing stored). */
	async add(pseudonym: string): Promise<string | null> {
		const check = checkPseudonym(pseudonym);
		if (check !== 'ok') {
			this.#problem = check;
			return null;
		}
		try {
			const client = await this.#clients.create(pseudonym);
			this.#problem = null;
			return client.id;
		} catch (error) {
			this.#problem = toSaveProblem(error);
			return null;
		}
	}
}
