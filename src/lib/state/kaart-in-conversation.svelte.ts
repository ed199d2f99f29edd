import type { DimensionId } from '$lib/domain/dimensions';
import type { Voorziening } from '$lib/domain/voorziening';
import { createSearchIndex, type SearchIndex } from '$lib/domain/voorziening-search';
import { byId, orderSuggestions, type Suggestion } from '$lib/domain/voorziening-suggestions';
import type { VoorzieningList } from '$lib/storage/voorziening-repo';
import { live } from './live.svelte';
import { voorzieningRepo } from './sociale-kaart.svelte';

const PAGE_SIZE = 6;

/**
 * The sociale kaart as a conversation uses it: suggestions for the uitzicht phase (focus first),
 * and each agreement's voorziening by id. Read live from the device, so a voorziening edited or
 * deleted on the kaart shows so here at once.
 */
export class KaartInConversation {
	readonly #list = live<VoorzieningList>(() => voorzieningRepo().list());
	readonly #index: SearchIndex = $derived(
		createSearchIndex(this.#list.current?.voorzieningen ?? [])
	);
	readonly byId: ReadonlyMap<string, Voorziening> = $derived(
		byId(this.#list.current?.voorzieningen ?? [])
	);

	query = $state('');
	/** The parts chosen here; null while the web's own marks decide. */
	#chosen = $state<DimensionId[] | null>(null);
	#shown = $state(PAGE_SIZE);

	get isLoading(): boolean {
		return this.#list.current === undefined;
	}

	get isEmpty(): boolean {
		return this.#list.current?.voorzieningen.length === 0;
	}

	get all(): readonly Voorziening[] {
		return this.#list.current?.voorzieningen ?? [];
	}

	focus(fromWeb: readonly DimensionId[]): readonly DimensionId[] {
		return this.#chosen ?? fromWeb;
	}

	toggleFocus(id: DimensionId, fromWeb: readonly DimensionId[]): void {
		const now = this.focus(fromWeb);
		this.#chosen = now.includes(id) ? now.filter((d) => d !== id) : [...now, id];
		this.#shown = PAGE_SIZE;
	}

	suggestions(fromWeb: readonly DimensionId[]): Suggestion[] {
		return orderSuggestions(this.#index, this.focus(fromWeb), this.query);
	}

	/** The suggestions on screen: a page at a time, so a long kaart does not push the rest away. */
	visible(fromWeb: readonly DimensionId[]): { shown: Suggestion[]; hasMore: boolean } {
		const all = this.suggestions(fromWeb);
		return { shown: all.slice(0, this.#shown), hasMore: all.length > this.#shown };
	}

	showMore(): void {
		this.#shown += PAGE_SIZE;
	}

	search(text: string): void {
		this.query = text;
		this.#shown = PAGE_SIZE;
	}
}
