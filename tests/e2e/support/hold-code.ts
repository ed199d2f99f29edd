import type { Page } from '@playwright/test';

export interface Hold {
	/** Lets the held responses (and any later ones) through. */
	release(): void;
	/** How many responses are waiting now. */
	readonly waiting: number;
}

/**
 * Holds back the app's code, as a slow phone has it: the page is there, its scripts are still on
 * their way. Until `release()`, every response under /_app/ (or, with `marker`, only those whose
 * text matches, e.g. the storage code) waits. A gate, not a fixed delay: the test acts while the
 * code is certainly still away, however fast or slow the machine is. The page's context must have
 * no service worker (`serviceWorkers: 'block'`), which would answer without asking the network;
 * end the test with `page.unrouteAll({ behavior: 'ignoreErrors' })`, for responses still held.
 */
export async function holdAppCode(page: Page, marker?: RegExp): Promise<Hold> {
	let open!: () => void;
	const gate = new Promise<void>((resolve) => (open = resolve));
	let waiting = 0;
	await page.route('**/_app/**', async (route) => {
		if (!marker) {
			waiting++;
			await gate;
			waiting--;
			await route.continue();
			return;
		}
		const response = await route.fetch();
		const body = await response.text();
		if (marker.test(body)) {
			waiting++;
			await gate;
			waiting--;
		}
		await route.fulfill({ response, body });
	});
	return {
		release: () => open(),
		get waiting() {
			return waiting;
		}
	};
}
