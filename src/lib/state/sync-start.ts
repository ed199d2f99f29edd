import { isSyncWanted } from '$lib/sync/hint';
import { webIdOfScreen } from './urls';

// In every page's first load, so only what decides whether to load the sync: the hint and an
// address check. The flusher itself (Dexie, the protocol) comes in by import() when wanted.

/** At the app's start, after the first paint: flush if this device has sync work. */
export function startSyncIfWanted(): void {
	if (!isSyncWanted()) return;
	afterNextPaint(() => {
		void import('./sync-background').then(({ syncAgent }) => syncAgent());
	});
}

/**
 * After each navigation: leaving a web's screens (result, reflection, …) for one that is not
 * about that web means its focus is chosen or not, so its summary may go now (sync README, "The
 * focus").
 */
export function noteNavigation(from: URL | null | undefined, to: URL | null | undefined): void {
	const left = from ? webIdOfScreen(from) : null;
	if (left === null || (to && webIdOfScreen(to) === left) || !isSyncWanted()) return;
	void import('./sync-background').then(({ whenWebLeft }) => whenWebLeft(left));
}

/** Once the browser has painted (a task queued from a frame callback), or soon in a hidden tab. */
function afterNextPaint(callback: () => void): void {
	let isDone = false;
	const once = () => {
		if (isDone) return;
		isDone = true;
		callback();
	};
	requestAnimationFrame(() => setTimeout(once, 0));
	setTimeout(once, 200);
}
