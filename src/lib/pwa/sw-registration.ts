import { Workbox } from 'workbox-window';

export interface ServiceWorkerOptions {
	/** Where SvelteKit serves the worker: `<base>/service-worker.js`. */
	url: string;
	/** In development Vite serves the worker as a module; the build is a classic script. */
	type: 'module' | 'classic';
	/** A new version is installed and can take over once the person chooses to. */
	onUpdateReady: () => void;
}

export interface ServiceWorkerHandle {
	/** Switches to the waiting version, then reloads the page at the same address. */
	applyUpdate(): void;
}

/**
 * Registers the app's service worker and reports a waiting new version. Never reloads on its own:
 * the page reloads only after `applyUpdate()`, when the person chose it, so a web being filled in
 * is never interrupted. Loaded with `import()` after the first render: it is not part of the first
 * load. Returns null where the browser has no service workers (the app still works, online).
 * Workbox waits for the window's `load` event before it registers.
 */
export function registerServiceWorker(options: ServiceWorkerOptions): ServiceWorkerHandle | null {
	if (!('serviceWorker' in navigator)) return null;

	const wb = new Workbox(options.url, { type: options.type });
	let isUpdateChosen = false;
	// Another tab may have switched to the new version already; then only a reload is left to do.
	let isNewVersionInControl = false;

	wb.addEventListener('waiting', () => options.onUpdateReady());
	wb.addEventListener('controlling', (event) => {
		if (isUpdateChosen) {
			location.reload();
		} else if (event.isUpdate) {
			isNewVersionInControl = true;
			options.onUpdateReady();
		}
	});

	// A page can stay open for days (an installed app, a tablet on a desk); client-side navigation
	// never makes the browser look for a new worker. Look when the app comes back into view or
	// back online. Offline, the check fails quietly: there is nothing to find.
	const checkForUpdate = () => {
		wb.update().catch(() => undefined);
	};
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'visible') checkForUpdate();
	});
	addEventListener('online', checkForUpdate);

	// Without a worker the app still runs; it just will not open offline next time.
	wb.register().catch((error: unknown) => console.error(error));

	return {
		applyUpdate() {
			isUpdateChosen = true;
			if (isNewVersionInControl) location.reload();
			else wb.messageSkipWaiting();
		}
	};
}
