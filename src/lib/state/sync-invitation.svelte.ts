import type { SyncRepo } from '$lib/storage/sync-repo';
import { syncRepo } from './sync-repository';

/**
 * The one quiet line on a finished web's result that sharing exists (sync README, "Asking"):
 * shown on the first result after the app has this feature, never again, never while sharing is
 * on. It is marked as shown when it is shown, so a reload does not bring it back.
 */
export class SyncInvitation {
	#isShown = $state(false);

	constructor(sync: SyncRepo = syncRepo()) {
		void (async () => {
			const [consent, shownAt] = await Promise.all([sync.consent(), sync.invitationShownAt()]);
			if (consent.isOn || consent.changedAt > 0 || shownAt !== null) return;
			await sync.markInvited();
			this.#isShown = true;
		})().catch((error: unknown) => console.error(error));
	}

	get isShown(): boolean {
		return this.#isShown;
	}
}
