import type { Day, Focus, NoteField, Reflection } from '$lib/domain/reflection';
import type { ReflectionLookup, ReflectionRepo } from '$lib/storage/reflection-repo';
import { live } from './live.svelte';
import { reflectionRepo } from './reflection-repository';
import { toSaveProblem, type SaveProblem } from './save-feedback';
import { WriteQueue } from './write-queue';

/**
 * The reflection on one web, read live from the database and written the moment anything is
 * typed or chosen. Keystrokes go through a WriteQueue with one slot per question, like the
 * sliders in WebSession: a fast typist makes many writes a second, and only the newest text per
 * question needs to land, right after the one in flight.
 */
export class ReflectionSession {
	readonly webId: string;
	readonly #repo: ReflectionRepo;
	readonly #lookup: { readonly current: ReflectionLookup | undefined };
	#saveProblem = $state<SaveProblem | null>(null);
	#savedAt = $state<number | null>(null);
	#isSaving = $state(false);
	readonly #writes = new WriteQueue((error) => {
		this.#isSaving = false;
		this.#saveProblem = error === null ? null : toSaveProblem(error);
		if (error === null) this.#savedAt = Date.now();
	});

	constructor(webId: string, repo: ReflectionRepo = reflectionRepo()) {
		this.webId = webId;
		this.#repo = repo;
		this.#lookup = live(() => repo.lookup(webId));
	}

	/** undefined while the first read is on its way; `missing` until the first answer. */
	get lookup(): ReflectionLookup | undefined {
		return this.#lookup.current;
	}

	get reflection(): Reflection | undefined {
		const lookup = this.lookup;
		return lookup?.status === 'found' ? lookup.reflection : undefined;
	}

	get isCorrupt(): boolean {
		return this.lookup?.status === 'corrupt';
	}

	get saveProblem(): SaveProblem | null {
		return this.#saveProblem;
	}

	get savedAt(): number | null {
		return this.#savedAt;
	}

	get isSaving(): boolean {
		return this.#isSaving;
	}

	setNote(field: NoteField, text: string): Promise<void> {
		return this.#save(`note:${field}`, () => this.#repo.setNote(this.webId, field, text));
	}

	chooseFocus(focus: Focus | null): Promise<void> {
		return this.#save('focus', () => this.#repo.setFocus(this.webId, focus));
	}

	setStepDate(day: Day | null): Promise<void> {
		return this.#save('stepDate', () => this.#repo.setStepDate(this.webId, day));
	}

	#save(slot: string, write: () => Promise<Reflection>): Promise<void> {
		this.#isSaving = true;
		return this.#writes.enqueue(slot, write);
	}
}
