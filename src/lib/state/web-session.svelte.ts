import type { DimensionId } from '$lib/domain/dimensions';
import { findQuestionSet, type QuestionSet } from '$lib/domain/question-set';
import { dimensionScores, type DimensionScores } from '$lib/domain/scoring';
import type { Answer, Position, Web } from '$lib/domain/web';
import {
	completed,
	withAnswer,
	withDimensionAnswer,
	withPosition,
	withTalkAbout
} from '$lib/domain/web-changes';
import { askPersistenceOnce } from '$lib/pwa/storage-persistence';
import type { WebLookup, WebRepo } from '$lib/storage/web-repo';
import type { WholeRecord } from '$lib/storage/write-now';
import { newOutboxItem } from '$lib/sync/summary';
import { LatestRecord } from './latest-record.svelte';
import { live } from './live.svelte';
import { webRepo } from './repositories';
import type { SaveProblem } from './save-feedback';
import { appSharing, type Sharing } from './sharing';

/**
 * One web as the screens see it: read live from the database (the source of truth), and every
 * change written whole the moment it is made (LatestRecord). Between a change and the live read
 * that confirms it, the screens show the version just written.
 */
export class WebSession {
	readonly id: string;
	readonly #repo: WebRepo;
	readonly #lookup: { readonly current: WebLookup | undefined };
	readonly #latest: LatestRecord<Web>;
	readonly #sharing: Sharing;

	constructor(id: string, repo: WebRepo = webRepo(), sharing: Sharing = appSharing()) {
		this.id = id;
		this.#repo = repo;
		this.#sharing = sharing;
		this.#lookup = live(() => repo.lookup(id));
		this.#latest = new LatestRecord(() => {
			const lookup = this.#lookup.current;
			return lookup?.status === 'found' ? lookup.web : undefined;
		});
	}

	/** undefined while the first read is on its way. */
	get lookup(): WebLookup | undefined {
		return this.#lookup.current;
	}

	get web(): Web | undefined {
		return this.lookup?.status === 'found' ? this.#latest.current : undefined;
	}

	get questionSet(): QuestionSet | undefined {
		const web = this.web;
		return web ? findQuestionSet(web.questionSetId) : undefined;
	}

	get scores(): DimensionScores | undefined {
		const web = this.web;
		const set = this.questionSet;
		return web && set ? dimensionScores(set, web.answers, web.dimensionAnswers) : undefined;
	}

	get saveProblem(): SaveProblem | null {
		return this.#latest.saveProblem;
	}

	/** When every change so far had landed: for a quiet "opgeslagen". */
	get savedAt(): number | null {
		return this.#latest.savedAt;
	}

	/** True from a change until it is in the database. */
	get isSaving(): boolean {
		return this.#latest.isSaving;
	}

	answer(aspectKey: string, answer: Answer | null): Promise<void> {
		const saved = this.#change((web) => withAnswer(web, aspectKey, answer));
		// Now there is something worth keeping: ask the browser once not to clear it.
		void saved.then(() => askPersistenceOnce());
		return saved;
	}

	/** One score for the whole dimension (simple mode), or null to take it back. */
	answerDimension(dimensionId: DimensionId, score: number | null): Promise<void> {
		const saved = this.#change((web) => withDimensionAnswer(web, dimensionId, score));
		void saved.then(() => askPersistenceOnce());
		return saved;
	}

	flagTalkAbout(aspectKey: string, isFlagged: boolean): Promise<void> {
		return this.#change((web) => withTalkAbout(web, aspectKey, isFlagged));
	}

	moveTo(position: Position): Promise<void> {
		return this.#change((web) => withPosition(web, position));
	}

	/**
	 * Marks the web finished. With consent on at this moment, its outbox item is stored in the
	 * same transaction (both or neither), only on the first completion; with consent off, none is
	 * made, and the web is never sent later without asking.
	 */
	complete(): Promise<void> {
		const isSharing = this.#sharing.isOn();
		let hasItem = false;
		const withItem = (web: Web, before: Web): WholeRecord[] => {
			if (!isSharing || before.completedAt !== null || web.completedAt === null) return [];
			hasItem = true;
			return [{ table: 'outbox', value: newOutboxItem(web.id, web.completedAt) }];
		};
		return this.#change((web) => completed(web, Date.now()), withItem).then(() => {
			if (hasItem && this.#latest.saveProblem === null) this.#sharing.itemAdded();
		});
	}

	#change(
		change: (web: Web) => Web,
		alongside?: (web: Web, before: Web) => readonly WholeRecord[]
	): Promise<void> {
		return this.#latest.change((latest) =>
			// A web is only changed once it has been read (the screens wait for it).
			latest === null ? null : this.#repo.changeNow(latest, change, alongside)
		);
	}
}
