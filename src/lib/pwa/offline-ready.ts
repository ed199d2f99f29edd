/**
 * Whether this page is served by the app's service worker, i.e. everything it needs is on the
 * device and the app opens without a network. On a first visit that becomes true a moment after
 * the page loads, once the worker has cached the app and taken over.
 */
export function isOfflineReady(): boolean {
	return 'serviceWorker' in navigator && navigator.serviceWorker.controller !== null;
}

/** Calls `listener` when the page gets (another) service worker. Returns an unsubscribe. */
export function onOfflineReadyChange(listener: () => void): () => void {
	if (!('serviceWorker' in navigator)) return () => undefined;
	navigator.serviceWorker.addEventListener('controllerchange', listener);
	return () => navigator.serviceWorker.removeEventListener('controllerchange', listener);
}
