// The outbox as the flusher sees it: ready items, each built into its summary as it leaves, from
// the web and its reflection as they are at that moment (README, "The focus"). Only the
// repositories are touched, never Dexie itself.
import type { ReflectionRepo } from '$lib/storage/reflection-repo';
import type { SyncRepo } from '$lib/storage/sync-repo';
import type { WebRepo } from '$lib/storage/web-repo';
import type { Outbox } from './flusher';
import type { Summary } from './protocol';
import { buildSummary } from './summary';

/** The reason shown for an item whose web is damaged or cannot be summarised. */
export const UNREADABLE = 'unreadable';

export interface DexieOutboxOptions {
	/** Tests move time on, so items waiting for their focus become ready. */
	readonly clock?: () => number;
}

export class DexieOutbox implements Outbox {
	readonly #sync: SyncRepo;
	readonly #webs: WebRepo;
	readonly #reflections: ReflectionRepo;
	readonly #clock: () => number;

	constructor(
		sync: SyncRepo,
		webs: WebRepo,
		reflections: ReflectionRepo,
		options: DexieOutboxOptions = {}
	) {
		this.#sync = sync;
		this.#webs = webs;
		this.#reflections = reflections;
		this.#clock = options.clock ?? Date.now;
	}

	/**
	 * Up to `limit` summaries, oldest first. Nothing while consent is off. An item whose web is
	 * gone is dropped (there is nothing to send); one whose web is damaged is set aside, so it
	 * shows in the settings instead of blocking the rest.
	 */
	async peek(limit: number): Promise<Summary[]> {
		for (;;) {
			const { consent, items } = await this.#sync.readyItems(limit, this.#clock());
			if (items.length === 0) return [];
			const summaries: Summary[] = [];
			for (const item of items) {
				const lookup = await this.#webs.lookup(item.webId);
				if (lookup.status === 'missing') {
					await this.#sync.remove([item.uuid]);
					continue;
				}
				let summary: Summary | null = null;
				if (lookup.status === 'found') {
					// A damaged reflection reads as none: the summary goes without a focus.
					const reflection = await this.#reflections.get(item.webId);
					summary = safely(() => buildSummary(item.uuid, lookup.web, reflection, consent));
				}
				if (summary === null) await this.#sync.setAside(item.uuid, UNREADABLE);
				else summaries.push(summary);
			}
			// Everything read was dropped or set aside: look at the next ones.
			if (summaries.length > 0) return summaries;
		}
	}

	remove(uuids: readonly string[]): Promise<void> {
		return this.#sync.remove(uuids);
	}

	setAside(uuid: string, reason: string): Promise<void> {
		return this.#sync.setAside(uuid, reason);
	}

	size(): Promise<number> {
		return this.#sync.size();
	}
}

/** A summary that does not pass the protocol's schema is a bug or damage: never sent. */
function safely<T>(build: () => T | null): T | null {
	try {
		return build();
	} catch {
		return null;
	}
}
