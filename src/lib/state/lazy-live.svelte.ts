/** What a lazily loaded query turns out to be: a query to follow, or an answer known at once. */
export type LazyQuery<T> = { readonly query: () => Promise<T> } | { readonly value: T };

/**
 * Like live(), for screens on the first load: the database code (Dexie, the schemas) is fetched
 * after the screen is painted, so the first paint waits neither for it nor for the time a slow
 * phone takes to run it; and not at all when the loader knows the answer without it. Call during
 * component setup; the query stops when the component goes.
 */
export function lazyLive<T>(load: () => Promise<LazyQuery<T>>): {
	readonly current: T | undefined;
} {
	let current = $state.raw<T | undefined>(undefined);
	$effect(() => {
		let subscription: { unsubscribe(): void } | undefined;
		let isClosed = false;
		void afterNextPaint()
			.then(load)
			.then(async (loaded) => {
				if (isClosed) return;
				if ('value' in loaded) {
					current = loaded.value;
					return;
				}
				const { liveQuery } = await import('dexie');
				if (isClosed) return;
				subscription = liveQuery(loaded.query).subscribe({
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

/**
 * Resolves once the browser has painted the current frame (a task queued from a frame callback),
 * or after a short while in a tab that is not shown, where frames do not come.
 */
function afterNextPaint(): Promise<void> {
	return new Promise((resolve) => {
		requestAnimationFrame(() => setTimeout(resolve, 0));
		setTimeout(resolve, 100);
	});
}
