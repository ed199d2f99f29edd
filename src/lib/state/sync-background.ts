import { SyncAgent } from '$lib/sync/agent';
import { SyncClient } from '$lib/sync/client';
import { Flusher, type Locks, type Trigger } from '$lib/sync/flusher';
import { setSyncWanted } from '$lib/sync/hint';
import { DexieOutbox } from '$lib/sync/outbox';
import { reflectionRepo } from './reflection-repository';
import { webRepo } from './repositories';
import { syncRepo } from './sync-repository';

let agent: SyncAgent | undefined;

/** Web Locks where the browser has them; without, tabs may send the same item twice (harmless). */
function browserLocks(): Locks | null {
	if (typeof navigator === 'undefined' || !('locks' in navigator)) return null;
	return { request: (name, callback) => navigator.locks.request(name, () => callback()) };
}

/**
 * This tab's flusher, started on first use: it flushes now (the app's start), when the network
 * comes back, when the person returns to the tab, and when a pass asks for it. Loaded only when
 * the device has sync work (see $lib/sync/hint) or a sync screen needs it.
 */
export function syncAgent(): SyncAgent {
	if (agent) return agent;
	const sync = syncRepo();
	const flusher = new Flusher({
		outbox: new DexieOutbox(sync, webRepo(), reflectionRepo()),
		device: sync,
		client: new SyncClient({ fetch: (input, init) => fetch(input, init) }),
		locks: browserLocks(),
		isOnline: () => navigator.onLine
	});
	const started = new SyncAgent({
		flusher,
		onResult: (result) => setSyncWanted(result.isActive),
		// The error's name only: a message could quote a stored value.
		onError: (error: unknown) =>
			console.warn(
				'Sending summaries failed on this device:',
				error instanceof Error ? error.name : typeof error
			)
	});
	agent = started;
	addEventListener('online', () => void started.request('online'));
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'visible') void started.request('visible');
	});
	void started.request('start');
	return started;
}

/** A pass now; resolves when it is over (the consent screen waits for a withdrawal). */
export function flushNow(trigger: Trigger): Promise<void> {
	return syncAgent().request(trigger);
}

/** An outbox item was just stored with a completed web. */
export function whenItemAdded(): void {
	setSyncWanted(true);
	void syncAgent().request('new-item');
}

/** The person left a web's screens: its summary need not wait for a focus any longer. */
export async function whenWebLeft(webId: string): Promise<void> {
	const started = syncAgent();
	if (await syncRepo().markReady(webId)) await started.request('ready');
}
