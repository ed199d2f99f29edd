import type { Web } from '$lib/domain/web';
import { mayHoldData } from '$lib/storage/stored-data';
import { lazyLive } from './lazy-live.svelte';

/**
 * The start page: an unfinished web to resume. The storage code loads after the page is drawn
 * (see lazyLive), and on a first visit not at all: a device that never stored anything has nothing
 * to resume. Beginning a new web needs none of this (see NEW_WEB_URL): it works before the answer.
 */
export class StartState {
	#hasStoredData = $state<boolean | undefined>(undefined);

	readonly #unfinished = lazyLive(async () => {
		this.#hasStoredData = await mayHoldData();
		// null tells "looked, found none" apart from undefined "still looking".
		if (!this.#hasStoredData) return { value: null };
		const { webRepo } = await import('./repositories');
		const repo = webRepo();
		return { query: async () => (await repo.latestUnfinished()) ?? null };
	});

	get unfinished(): Web | null | undefined {
		return this.#unfinished.current;
	}

	/** Whether this device may hold anything of ours; undefined while still looking. */
	get hasStoredData(): boolean | undefined {
		return this.#hasStoredData;
	}
}
