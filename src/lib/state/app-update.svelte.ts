import { dev } from '$app/environment';
import { asset } from '$app/paths';
import type { ServiceWorkerHandle } from '$lib/pwa/sw-registration';

/**
 * The app's own new version: registered once, after the first render; `isReady` once a new
 * version waits. Switching is always the person's choice (`apply()`), never automatic.
 */
class AppUpdate {
	#isReady = $state(false);
	#handle: ServiceWorkerHandle | null = null;
	#isStarted = false;

	get isReady(): boolean {
		return this.#isReady;
	}

	/** Loads the registration code on demand, so it stays out of the first load. */
	async start(): Promise<void> {
		if (this.#isStarted) return;
		this.#isStarted = true;
		const { registerServiceWorker } = await import('$lib/pwa/sw-registration');
		this.#handle = registerServiceWorker({
			// SvelteKit serves the worker at the base path; we set no separate assets origin.
			url: asset('/service-worker.js'),
			type: dev ? 'module' : 'classic',
			onUpdateReady: () => {
				this.#isReady = true;
			}
		});
	}

	/** Switches to the new version and reloads at the same address; every answer is already stored. */
	apply(): void {
		this.#handle?.applyUpdate();
	}
}

export const appUpdate = new AppUpdate();
