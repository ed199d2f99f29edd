import { goto } from '$app/navigation';
import { getLocale } from '$lib/paraglide/runtime.js';
import type { Web } from '$lib/domain/web';
import { lazyLive } from './lazy-live.svelte';
import type { SaveProblem } from './save-feedback';
import { fillUrl } from './urls';

/**
 * The start page: an unfinished web to resume, and starting a new one. The storage code loads
 * after the page is drawn (see lazyLive): the start page is the phone's first load.
 */
export class StartState {
	readonly #unfinished = lazyLive(async () => {
		const { webRepo } = await import('./repositories');
		const repo = webRepo();
		// null tells "looked, found none" apart from undefined "still looking".
		return async () => (await repo.latestUnfinished()) ?? null;
	});
	#problem = $state<SaveProblem | null>(null);

	get unfinished(): Web | null | undefined {
		return this.#unfinished.current;
	}

	get problem(): SaveProblem | null {
		return this.#problem;
	}

	async startNew(): Promise<void> {
		try {
			const { webRepo } = await import('./repositories');
			const web = await webRepo().create(getLocale());
			await goto(fillUrl(web.id, 0));
		} catch (error) {
			const { toSaveProblem } = await import('./save-feedback');
			this.#problem = toSaveProblem(error);
		}
	}
}
