import { goto } from '$app/navigation';
import { getLocale } from '$lib/paraglide/runtime.js';
import { noteText } from '$lib/domain/reflection';
import { dayOf, dueReminder, type DueReminder } from '$lib/domain/reminder';
import type { Web } from '$lib/domain/web';
import type { ReflectionRepo } from '$lib/storage/reflection-repo';
import type { WebRepo } from '$lib/storage/web-repo';
import { live } from './live.svelte';
import { reflectionRepo, webRepo } from './repositories';
import { toSaveProblem, type SaveProblem } from './save-feedback';
import { fillUrl } from './urls';

/**
 * The start page: an unfinished web to resume, starting a new one, and a gentle reminder once the
 * day has come that the person chose to look at their first step.
 */
export class StartState {
	readonly #repo: WebRepo;
	readonly #reflections: ReflectionRepo;
	readonly #unfinished: { readonly current: Web | undefined | null };
	readonly #reminder: { readonly current: DueReminder | null | undefined };
	#problem = $state<SaveProblem | null>(null);

	constructor(
		repo: WebRepo = webRepo(),
		reflections: ReflectionRepo = reflectionRepo(),
		today: () => string = () => dayOf(Date.now())
	) {
		this.#repo = repo;
		this.#reflections = reflections;
		// null tells "looked, found none" apart from undefined "still looking".
		this.#unfinished = live(async () => (await repo.latestUnfinished()) ?? null);
		this.#reminder = live(async () => {
			const { reflections: withDate } = await reflections.listWithStepDate();
			if (withDate.length === 0) return null;
			// Only the newest web and the few webs with a step are read, not the whole history.
			const newest = (await repo.listPage(0, 1)).webs[0];
			const candidates = [];
			for (const r of withDate) {
				const web = await repo.get(r.webId);
				if (!web) continue;
				candidates.push({
					webId: r.webId,
					webCreatedAt: web.createdAt,
					step: noteText(r, 'step'),
					stepDate: r.stepDate,
					reminderDismissedAt: r.reminderDismissedAt
				});
			}
			return dueReminder(candidates, newest?.createdAt ?? null, today());
		});
	}

	get unfinished(): Web | null | undefined {
		return this.#unfinished.current;
	}

	/** The step to ask about, or null (also while still looking). */
	get reminder(): DueReminder | null {
		return this.#reminder.current ?? null;
	}

	get problem(): SaveProblem | null {
		return this.#problem;
	}

	async startNew(): Promise<void> {
		try {
			const web = await this.#repo.create(getLocale());
			await goto(fillUrl(web.id, 0));
		} catch (error) {
			this.#problem = toSaveProblem(error);
		}
	}

	async dismissReminder(webId: string): Promise<void> {
		try {
			await this.#reflections.dismissReminder(webId);
		} catch (error) {
			this.#problem = toSaveProblem(error);
		}
	}
}
