import { liveQuery } from 'dexie';
import { syncRepo } from './sync-repository';

/**
 * What completing a web needs to know of the sync, at the very moment of the click: whether
 * consent is on (then the outbox item is stored in the same transaction as the completed web),
 * and whom to tell afterwards.
 */
export interface Sharing {
	isOn(): boolean;
	/** An outbox item was stored: time for a flush. */
	itemAdded(): void;
}

let isOn = false;
let isWatching = false;

/**
 * The app's consent, followed for the rest of the tab's life from the first screen that may
 * complete a web, so the answer is there synchronously when the person taps "Klaar". Until the
 * first read arrives it says off: a web is never sent without a yes that was read.
 */
export function appSharing(): Sharing {
	if (!isWatching) {
		isWatching = true;
		liveQuery(() => syncRepo().consent()).subscribe({
			next: (consent) => (isOn = consent.isOn),
			error: (error: unknown) => console.error(error)
		});
	}
	return {
		isOn: () => isOn,
		itemAdded: () => {
			void import('./sync-background').then(({ whenItemAdded }) => whenItemAdded());
		}
	};
}
