import { liveQuery } from 'dexie';
import { createSubscriber } from 'svelte/reactivity';

/**
 * A database query whose `current` follows the database: while something on screen reads it,
 * it re-runs whenever a table it read changes, in this tab or another. `current` is undefined
 * until the first result arrives. Read outside the screen (in an event handler, say), it gives the
 * last result the screen had, without starting a query of its own.
 */
export function live<T>(query: () => Promise<T>): { readonly current: T | undefined } {
	let latest: T | undefined;
	const track = createSubscriber((update) => {
		const subscription = liveQuery(query).subscribe({
			next: (value) => {
				latest = value;
				update();
			},
			// A failed read leaves the last result in place; the cause goes to the console.
			error: (error: unknown) => console.error(error)
		});
		return () => subscription.unsubscribe();
	});
	return {
		get current() {
			track();
			return latest;
		}
	};
}
