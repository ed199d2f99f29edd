import { goto } from '$app/navigation';
import { getLocale } from '$lib/paraglide/runtime.js';
import { webRepo } from './repositories';
import { toSaveProblem, type SaveProblem } from './save-feedback';
import { fillUrl } from './urls';

/**
 * Begins a new web and opens its first screen in place of the address that asked for it (the
 * start page's "Begin" goes to NEW_WEB_URL, a plain address, so it works before the app's code has
 * run). Back then leads to the start page, and a reload opens the web rather than another one.
 */
export class NewWeb {
	#problem = $state<SaveProblem | null>(null);
	#started: Promise<void> | undefined;

	get problem(): SaveProblem | null {
		return this.#problem;
	}

	/** Makes the web once, however often it is asked. */
	begin(): Promise<void> {
		this.#started ??= this.#create();
		return this.#started;
	}

	async #create(): Promise<void> {
		try {
			const web = await webRepo().create(getLocale());
			await goto(fillUrl(web.id, 0), { replaceState: true });
		} catch (error) {
			this.#problem = toSaveProblem(error);
		}
	}
}
