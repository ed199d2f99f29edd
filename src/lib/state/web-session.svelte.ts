import type { DimensionId } from '$lib/domain/dimensions';
import { findQuestionSet, type QuestionSet } from '$lib/domain/question-set';
import { dimensionScores, type DimensionScores } from '$lib/domain/scoring';
import type { Answer, Position, Web } from '$lib/domain/web';
import { askPersistenceOnce } from '$lib/pwa/storage-persistence';
import type { WebLookup, WebRepo } from '$lib/storage/web-repo';
import { live } from './live.svelte';
import { webRepo } from './repositories';
import { toSaveProblem, type SaveProblem } from './save-feedback';
import { WriteQueue } from './write-queue';

/**
 * One web as the screens see it: read live from the database (the source of truth), written
 * through the repository the moment anything changes. Holds no copy of the answers itself.
 */
export class WebSession {
	readonly id: string;
	readonly #repo: WebRepo;
	readonly #lookup: { readonly current: WebLookup | undefined };
	#lastSaveProblem = $state<SaveProblem | null>(null);
	#savedAt = $state<number | null>(null);
	#isSaving = $state(false);
	readonly #writes = new WriteQueue((error) => {
		this.#isSaving = false;
		this.#lastSaveProblem = error === null ? null : toSaveProblem(error);
		if (error === null) this.#savedAt = Date.now();
	});

	constructor(id: string, repo: WebRepo = webRepo()) {
		this.id = id;
		this.#repo = repo;
		this.#lookup = live(() => repo.lookup(id));
	}

	/** undefined while the first read is on its way. */
	get lookup(): WebLookup | undefined {
		return this.#lookup.current;
	}

	get web(): Web | undefined {
		const lookup = this.lookup;
		return lookup?.status === 'found' ? lookup.web : undefined;
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
		return this.#lastSaveProblem;
	}

	/** When every change so far had landed: for a quiet "opgeslagen". */
	get savedAt(): number | null {
		return this.#savedAt;
	}

	/** True from a change until it is in the database. */
	get isSaving(): boolean {
		return this.#isSaving;
	}

	answer(aspectKey: string, answer: Answer | null): Promise<void> {
		return this.#save(`answer:${aspectKey}`, async () => {
			const saved = await this.#repo.setAnswer(this.id, aspectKey, answer);
			// Now there is something worth keeping: ask the browser once not to clear it.
			void askPersistenceOnce();
			return saved;
		});
	}

	/** One score for the whole dimension (simple mode), or null to take it back. */
	answerDimension(dimensionId: DimensionId, score: number | null): Promise<void> {
		return this.#save(`dimension:${dimensionId}`, async () => {
			const saved = await this.#repo.setDimensionAnswer(this.id, dimensionId, score);
			void askPersistenceOnce();
			return saved;
		});
	}

	flagTalkAbout(aspectKey: string, isFlagged: boolean): Promise<void> {
		return this.#save(`talk:${aspectKey}`, () =>
			this.#repo.setTalkAbout(this.id, aspectKey, isFlagged)
		);
	}

	moveTo(position: Position): Promise<void> {
		return this.#save('position', () => this.#repo.setPosition(this.id, position));
	}

	complete(): Promise<void> {
		return this.#save('complete', () => this.#repo.complete(this.id));
	}

	#save(slot: string, write: () => Promise<Web>): Promise<void> {
		this.#isSaving = true;
		return this.#writes.enqueue(slot, write);
	}
}
