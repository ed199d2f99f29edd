import type { DimensionId } from '$lib/domain/dimensions';
import type { Voorziening, VoorzieningFields } from '$lib/domain/voorziening';
import { createSearchIndex, type SearchIndex } from '$lib/domain/voorziening-search';
import { getDb } from '$lib/storage/db';
import { VoorzieningRepo, type VoorzieningList } from '$lib/storage/voorziening-repo';
import { live } from './live.svelte';

let repo: VoorzieningRepo | undefined;

const PAGE_SIZE = 50;

/** The app's one sociale kaart repository, apart so that other screens never load it. */
export function voorzieningRepo(): VoorzieningRepo {
	repo ??= new VoorzieningRepo(getDb());
	return repo;
}

/**
 * The sociale kaart as the list screen sees it: the stored list, live, with a search index built
 * once per change of the list, and the person's search and filter.
 */
export class SocialMap {
	readonly #list = live<VoorzieningList>(() => voorzieningRepo().list());
	readonly #index: SearchIndex = $derived(
		createSearchIndex(this.#list.current?.voorzieningen ?? [])
	);

	#query = $state('');
	#dimensions = $state<DimensionId[]>([]);
	#includeInactive = $state(false);
	/** How many results are on screen: a long list is drawn a page at a time. */
	#shown = $state(PAGE_SIZE);

	readonly results: Voorziening[] = $derived(
		this.#index.search({
			text: this.#query,
			dimensions: this.#dimensions,
			includeInactive: this.#includeInactive
		})
	);

	readonly visible: Voorziening[] = $derived(this.results.slice(0, this.#shown));

	get query(): string {
		return this.#query;
	}

	set query(text: string) {
		this.#query = text;
		this.#shown = PAGE_SIZE;
	}

	get dimensions(): readonly DimensionId[] {
		return this.#dimensions;
	}

	get includeInactive(): boolean {
		return this.#includeInactive;
	}

	set includeInactive(value: boolean) {
		this.#includeInactive = value;
		this.#shown = PAGE_SIZE;
	}

	showMore(): void {
		this.#shown += PAGE_SIZE;
	}

	get isLoading(): boolean {
		return this.#list.current === undefined;
	}

	get total(): number {
		return this.#list.current?.voorzieningen.length ?? 0;
	}

	get corruptCount(): number {
		return this.#list.current?.corruptCount ?? 0;
	}

	get all(): readonly Voorziening[] {
		return this.#list.current?.voorzieningen ?? [];
	}

	toggleDimension(id: DimensionId): void {
		this.#dimensions = this.#dimensions.includes(id)
			? this.#dimensions.filter((d) => d !== id)
			: [...this.#dimensions, id];
		this.#shown = PAGE_SIZE;
	}
}

/** One voorziening by id, live; `undefined` while loading, `null` when it is not there. */
export function liveVoorziening(id: string): { readonly current: Voorziening | null | undefined } {
	const found = live(async () => (await voorzieningRepo().get(id)) ?? null);
	return {
		get current() {
			return found.current;
		}
	};
}

export function saveVoorziening(
	id: string | null,
	fields: VoorzieningFields
): Promise<Voorziening> {
	return id === null ? voorzieningRepo().create(fields) : voorzieningRepo().update(id, fields);
}

export function deleteVoorziening(id: string): Promise<void> {
	return voorzieningRepo().delete(id);
}

export type ExportKind = 'csv' | 'json' | 'hsds';

/** Writes the whole list as a file; the file code loads only now. */
export async function exportSocialMap(
	kind: ExportKind,
	list: readonly Voorziening[]
): Promise<void> {
	const [{ toCsv, toJson, exportFileName }, { toHsdsJson }, { downloadFile }] = await Promise.all([
		import('$lib/sociale-kaart/export'),
		import('$lib/sociale-kaart/hsds'),
		import('$lib/pdf/deliver')
	]);
	const text = kind === 'csv' ? toCsv(list) : kind === 'json' ? toJson(list) : toHsdsJson(list);
	const type = kind === 'csv' ? 'text/csv' : 'application/json';
	downloadFile(new File([text], exportFileName(kind), { type: `${type};charset=utf-8` }));
}
