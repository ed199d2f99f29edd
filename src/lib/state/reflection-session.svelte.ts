import type { Day, Focus, NoteField, Reflection } from '$lib/domain/reflection';
import { withFocus, withNote, withStepDate } from '$lib/domain/reflection-changes';
import type { ReflectionLookup, ReflectionRepo } from '$lib/storage/reflection-repo';
import { LatestRecord } from './latest-record.svelte';
import { live } from './live.svelte';
import { reflectionRepo } from './reflection-repository';
import type { SaveProblem } from './save-feedback';

/**
 * The reflection on one web, read live from the database and written whole the moment anything
 * is typed or chosen, like the answers in WebSession: every keystroke's text reaches the
 * database in its own write, started in the same task, so the last one is never lost.
 */
export class ReflectionSession {
	readonly webId: string;
	readonly #repo: ReflectionRepo;
	readonly #lookup: { readonly current: ReflectionLookup | undefined };
	readonly #latest: LatestRecord<Reflection>;

	constructor(webId: string, repo: ReflectionRepo = reflectionRepo()) {
		this.webId = webId;
		this.#repo = repo;
		this.#lookup = live(() => repo.lookup(webId));
		this.#latest = new LatestRecord(() => {
			const lookup = this.#lookup.current;
			if (lookup?.status === 'found') return lookup.reflection;
			// None yet: the first change starts one. A damaged one is never overwritten.
			return lookup?.status === 'missing' ? null : undefined;
		});
	}

	/** undefined while the first read is on its way; `missing` until the first answer. */
	get lookup(): ReflectionLookup | undefined {
		return this.#lookup.current;
	}

	get reflection(): Reflection | undefined {
		return this.#latest.current;
	}

	get isCorrupt(): boolean {
		return this.lookup?.status === 'corrupt';
	}

	get saveProblem(): SaveProblem | null {
		return this.#latest.saveProblem;
	}

	get savedAt(): number | null {
		return this.#latest.savedAt;
	}

	get isSaving(): boolean {
		return this.#latest.isSaving;
	}

	setNote(field: NoteField, text: string): Promise<void> {
		return this.#change((r) => withNote(r, field, text));
	}

	chooseFocus(focus: Focus | null): Promise<void> {
		return this.#change((r) => withFocus(r, focus));
	}

	setStepDate(day: Day | null): Promise<void> {
		return this.#change((r) => withStepDate(r, day));
	}

	#change(change: (reflection: Reflection) => Reflection): Promise<void> {
		return this.#latest.change((latest) =>
			this.#repo.changeNow(this.webId, latest ?? undefined, change)
		);
	}
}
