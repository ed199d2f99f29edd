import type { SyncRepo, SyncStatus } from '$lib/storage/sync-repo';
import { live } from './live.svelte';
import { syncRepo } from './sync-repository';

/** What the settings page shows of the sharing: on or off, and the items the server refused. */
export class SyncSettings {
	readonly #sync: SyncRepo;
	readonly #status: { readonly current: SyncStatus | undefined };
	#isBusy = $state(false);

	constructor(sync: SyncRepo = syncRepo()) {
		this.#sync = sync;
		this.#status = live(() => sync.status());
	}

	get status(): SyncStatus | undefined {
		return this.#status.current;
	}

	get isBusy(): boolean {
		return this.#isBusy;
	}

	/** Sends the set-aside items once more (the person asked). */
	async retrySetAside(): Promise<void> {
		this.#isBusy = true;
		try {
			await this.#sync.putBack();
			const { flushNow } = await import('./sync-background');
			await flushNow('manual');
		} finally {
			this.#isBusy = false;
		}
	}
}
