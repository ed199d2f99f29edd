import { createSubscriber } from 'svelte/reactivity';
import { isOfflineReady, onOfflineReadyChange } from '$lib/pwa/offline-ready';
import {
	readStorageReport,
	requestPersistence,
	type StorageReport
} from '$lib/pwa/storage-persistence';

/** What the settings page tells about this device: storage kept for good, space used, offline. */
export class DeviceStatus {
	#storage = $state.raw<StorageReport | undefined>(undefined);
	#hasAskedAgain = $state(false);
	// Once the worker takes over, the app is cached: offline-ready, and using more space.
	readonly #subscribeOffline = createSubscriber((update) =>
		onOfflineReadyChange(() => {
			update();
			void this.refresh();
		})
	);

	constructor() {
		void this.refresh();
	}

	/** undefined while the browser is asked. */
	get storage(): StorageReport | undefined {
		return this.#storage;
	}

	/** True once the person asked again on this page, so the answer can be shown. */
	get hasAskedAgain(): boolean {
		return this.#hasAskedAgain;
	}

	get isOfflineReady(): boolean {
		this.#subscribeOffline();
		return isOfflineReady();
	}

	async refresh(): Promise<void> {
		this.#storage = await readStorageReport();
	}

	/** Asks the browser again to keep the data, e.g. after the app was installed. */
	async askPersistence(): Promise<void> {
		await requestPersistence();
		await this.refresh();
		this.#hasAskedAgain = true;
	}
}
