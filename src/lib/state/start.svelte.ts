import { goto } from '$app/navigation';
import { getLocale } from '$lib/paraglide/runtime.js';
import type { Web } from '$lib/domain/web';
import type { WebRepo } from '$lib/storage/web-repo';
import { live } from './live.svelte';
import { webRepo } from './repositories';
import { toSaveProblem, type SaveProblem } from './save-feedback';
import { fillUrl } from './urls';

/** The start page: an unfinished web to resume, and starting a new one. */
export class StartState {
	readonly #repo: WebRepo;
	readonly #unfinished: { readonly current: Web | undefined | null };
	#problem = $state<SaveProblem | null>(null);

	constructor(repo: WebRepo = webRepo()) {
		this.#repo = repo;
		// null tells "looked, found none" apart from undefined "still looking".
		this.#unfinished = live(async () => (await repo.latestUnfinished()) ?? null);
	}

	get unfinished(): Web | null | undefined {
		return this.#unfinished.current;
	}

	get problem(): SaveProblem | null {
		return this.#problem;
	}

	async startNew(): Promise<void> {
		try {
			const web = await this.#repo.create(getLocale());
			await goto(fillUrl(web.id, 0));
		} catch (error) {
			this.#problem = toSaveProblem(error);
		}
	}
}
