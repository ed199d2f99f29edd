import { liveQuery } from 'dexie';
import { fromStore, type Readable } from 'svelte/store';

/**
 * A database query whose `current` follows the database: it re-runs whenever a table it read
 * changes, in this tab or another. `current` is undefined until the first result arrives.
 */
export function live<T>(query: () => Promise<T>): { readonly current: T | undefined } {
	const observable = liveQuery(query);
	const store: Readable<T | undefined> = {
		subscribe(run) {
			run(undefined);
			const subscription = observable.subscribe({
				next: run,
				// A failed read leaves the last result in place; the cause goes to the console.
				error: (error: unknown) => console.error(error)
			});
			return () => subscription.unsubscribe();
		}
	};
	return fromStore(store);
}
