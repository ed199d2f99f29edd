import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import {
	MAX_WHO_NAME_LENGTH,
	newAgreement,
	oldestAgreementFirst,
	type Agreement,
	type AgreementStatus,
	type WhoKind
} from '$lib/domain/agreement';
import {
	agreementsToReview,
	withByWhen,
	withVoorziening,
	withStatus,
	withWhat,
	withWhoKind,
	withWhoName,
	type ConversationMoment
} from '$lib/domain/agreement-changes';
import { checkText, type TextCheck } from '$lib/domain/free-text';
import type { Day } from '$lib/domain/reflection';
import type { AgreementRepo } from '$lib/storage/agreement-repo';
import { LatestRecord } from './latest-record.svelte';
import { live } from './live.svelte';
import { agreementRepo } from './professional-repositories';
import { toSaveProblem, type SaveProblem } from './save-feedback';

/** The texts of an agreement that are checked for a BSN before they are stored. */
export type AgreementText = 'what' | 'name';

/**
 * One person's agreements as a conversation sees them: its own (added, worded and removed here)
 * and the earlier ones it reviews ("Hoe ging het met …?"). Each agreement is kept in a
 * LatestRecord and written whole at once, so what is typed a moment before a reload is kept; one
 * added here shows at once, before the database's next read has it.
 */
export class AgreementsState {
	readonly clientId: string;
	readonly conversationId: string;
	readonly #repo: AgreementRepo;
	readonly #clock: () => number;
	readonly #stored: { readonly current: Agreement[] | undefined };
	readonly #records = new SvelteMap<string, LatestRecord<Agreement>>();
	readonly #added = new SvelteSet<string>();
	readonly #removed = new SvelteSet<string>();
	#checks = $state<Record<string, Partial<Record<AgreementText, TextCheck>>>>({});
	#problem = $state<SaveProblem | null>(null);

	constructor(
		clientId: string,
		conversationId: string,
		repo: AgreementRepo = agreementRepo(),
		clock: () => number = Date.now
	) {
		this.clientId = clientId;
		this.conversationId = conversationId;
		this.#repo = repo;
		this.#clock = clock;
		this.#stored = live(async () => (await repo.listForClient(clientId)).agreements);
	}

	get isLoading(): boolean {
		return this.#stored.current === undefined;
	}

	/** Every agreement of the person, newest version of each, in the order they were made. */
	get all(): Agreement[] {
		const edited = [...this.#records.values()]
			.map((record) => record.current)
			.filter((a): a is Agreement => a !== undefined);
		const editedIds = edited.map((a) => a.id);
		const stored = (this.#stored.current ?? []).filter((a) => !editedIds.includes(a.id));
		return [...stored, ...edited]
			.filter((a) => !this.#removed.has(a.id))
			.sort(oldestAgreementFirst);
	}

	/** The agreements made in this conversation. */
	get own(): Agreement[] {
		return this.all.filter((a) => a.conversationId === this.conversationId);
	}

	/** The earlier agreements this conversation opens with. */
	review(conversations: readonly ConversationMoment[]): Agreement[] {
		return agreementsToReview(this.all, conversations, this.conversationId);
	}

	check(id: string, text: AgreementText): TextCheck {
		return this.#checks[id]?.[text] ?? 'ok';
	}

	get saveProblem(): SaveProblem | null {
		if (this.#problem) return this.#problem;
		for (const record of this.#records.values()) if (record.saveProblem) return record.saveProblem;
		return null;
	}

	/** A new, empty agreement of this conversation, stored at once; returns its id. */
	add(): string {
		const agreement = newAgreement({
			id: crypto.randomUUID(),
			clientId: this.clientId,
			conversationId: this.conversationId,
			now: this.#clock()
		});
		this.#added.add(agreement.id);
		void this.#record(agreement.id).change((latest) =>
			latest === null ? this.#repo.addNow(agreement) : null
		);
		return agreement.id;
	}

	/**
	 * A new agreement with a voorziening of the sociale kaart: who does it is the voorziening, by
	 * its name (left empty should the name hold a number that could be a BSN). Returns its id.
	 */
	addWithVoorziening(voorziening: { id: string; name: string }): string {
		const name = voorziening.name.slice(0, MAX_WHO_NAME_LENGTH);
		const agreement: Agreement = {
			...newAgreement({
				id: crypto.randomUUID(),
				clientId: this.clientId,
				conversationId: this.conversationId,
				now: this.#clock()
			}),
			who: { kind: 'voorziening', name: checkText(name) === 'ok' ? name : '' },
			voorzieningId: voorziening.id
		};
		this.#added.add(agreement.id);
		void this.#record(agreement.id).change((latest) =>
			latest === null ? this.#repo.addNow(agreement) : null
		);
		return agreement.id;
	}

	setWhat(id: string, text: string): TextCheck {
		return this.#setText(id, 'what', text, (a) => withWhat(a, this.conversationId, text));
	}

	setWhoName(id: string, text: string): TextCheck {
		return this.#setText(id, 'name', text, (a) => withWhoName(a, this.conversationId, text));
	}

	setWhoKind(id: string, kind: WhoKind): Promise<void> {
		return this.#change(id, (a) => withWhoKind(a, this.conversationId, kind));
	}

	setByWhen(id: string, day: Day | null): Promise<void> {
		return this.#change(id, (a) => withByWhen(a, this.conversationId, day));
	}

	/** Points the agreement to a voorziening of the sociale kaart, or to none. */
	setVoorziening(id: string, voorzieningId: string | null): Promise<void> {
		return this.#change(id, (a) => withVoorziening(a, this.conversationId, voorzieningId));
	}

	/** How it went, chosen in this conversation. */
	setStatus(id: string, status: AgreementStatus): Promise<void> {
		return this.#change(id, (a) => withStatus(a, status, this.conversationId, this.#clock()));
	}

	async remove(id: string): Promise<void> {
		this.#removed.add(id);
		try {
			await this.#repo.delete(id);
			this.#records.delete(id);
		} catch (error) {
			this.#removed.delete(id);
			this.#problem = toSaveProblem(error);
		}
	}

	#setText(
		id: string,
		field: AgreementText,
		text: string,
		change: (agreement: Agreement) => Agreement
	): TextCheck {
		const check = checkText(text);
		this.#checks[id] = { ...this.#checks[id], [field]: check };
		// A BSN is never stored: the field keeps the text on screen to be fixed.
		if (check === 'ok') void this.#change(id, change);
		return check;
	}

	#change(id: string, change: (agreement: Agreement) => Agreement): Promise<void> {
		return this.#record(id).change((latest) =>
			latest === null ? null : this.#repo.changeNow(latest, change)
		);
	}

	#record(id: string): LatestRecord<Agreement> {
		let record = this.#records.get(id);
		if (!record) {
			record = new LatestRecord(() => {
				const stored = this.#stored.current;
				const found = stored?.find((a) => a.id === id);
				if (found) return found;
				// One added here that the database's read does not have yet may be written.
				return this.#added.has(id) ? null : undefined;
			});
			this.#records.set(id, record);
		}
		return record;
	}
}
