// A one-word note in localStorage that this device has sync work: consent is on, or a withdrawal
// waits for the server. The app reads it on every start, before any database code is loaded, so
// a device that never said yes loads none of the sync (README, "Loading"). It is only a hint:
// the truth is in IndexedDB, and the flusher sets the hint from what it finds there.
const KEY = 'spinnenweb.sync';

export function isSyncWanted(): boolean {
	try {
		return localStorage.getItem(KEY) === '1';
	} catch {
		// Storage blocked: then the flusher starts only where the sync's own screens load it.
		return false;
	}
}

export function setSyncWanted(isWanted: boolean): void {
	try {
		if (isWanted) localStorage.setItem(KEY, '1');
		else localStorage.removeItem(KEY);
	} catch {
		// Blocked or full: the hint is lost, the work is not (it is in IndexedDB).
	}
}
