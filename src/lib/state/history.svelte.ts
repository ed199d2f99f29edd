import type { WebList, WebRepo, WebSummaryRow } from '$lib/storage/web-repo';
import { live } from './live.svelte';
import { webRepo } from './repositories';

export const HISTORY_PAGE_SIZE = 30;

/**
 * The list of earlier webs, newest first, read a page at a time so a long history (thousands of
 * webs) opens as fast as a short one.
 */
export class HistoryList {
	#shown = $state(HISTORY_PAGE_SIZE);
	readonly #repo: WebRepo;
	// A new live query per page size: a value read only inside the query would not be tracked.
	readonly #page = $derived.by(() => {
		const limit = this.#shown + 1; // one extra row tells whether there is more, without a count
		return live(() => this.#repo.listPage(0, limit));
	});
	#lastList: WebList | undefined;

	constructor(repo: WebRepo = webRepo()) {
		this.#repo = repo;
	}

	/** The newest result, or the previous one while a longer page loads (no flash of "empty"). */
	get #list(): WebList | undefined {
		const current = this.#page.current;
		if (current) this.#lastList = current;
		return current ?? this.#lastList;
	}

	get isLoading(): boolean {
		return this.#list === undefined;
	}

	get webs(): WebSummaryRow[] {
		return (this.#list?.webs ?? []).slice(0, this.#shown);
	}

	get hasMore(): boolean {
		return (this.#list?.webs.length ?? 0) > this.#shown;
	}

	get corruptCount(): number {
		return this.#list?.corruptCount ?? 0;
	}

	showMore(): void {
		this.#shown += HISTORY_PAGE_SIZE;
	}
}
