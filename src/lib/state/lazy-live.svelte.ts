/**
 * Like live(), for screens on the first load: the database code (Dexie, the schemas) is fetched
 * after the screen is drawn, so the first paint does not wait for it. Call during component
 * setup; the query stops when the component goes.
 */
export function lazyLive<T>(loadQuery: () => Promise<() => Promise<T>>): {
	readonly current: T | undefined;
} {
	let current = $state.raw<T | undefined>(undefined);
	$effect(() => {
		let subscription: { unsubscribe(): void } | undefined;
		let isClosed = false;
		void Promise.all([import('dexie'), loadQuery()]).then(([{ liveQuery }, query]) => {
			if (isClosed) return;
			subscription = liveQuery(query).subscribe({
				next: (value) => (current = value),
				// A failed read leaves the last result in place; the cause goes to the console.
				error: (error: unknown) => console.error(error)
			});
		});
		return () => {
			isClosed = true;
			subscription?.unsubscribe();
		};
	});
	return {
		get current() {
			return current;
		}
	};
}
