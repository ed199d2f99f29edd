import { noteText } from '$lib/domain/reflection';
import { dayOf, dueReminder, type DueReminder, type ReminderCandidate } from '$lib/domain/reminder';
import type { ReflectionRepo } from '$lib/storage/reflection-repo';
import type { WebRepo } from '$lib/storage/web-repo';
import { live } from './live.svelte';
import { reflectionRepo } from './reflection-repository';
import { webRepo } from './repositories';
import { toSaveProblem, type SaveProblem } from './save-feedback';

/**
 * The start page's gentle question, once the day has come that the person chose to look at their
 * first step. Loaded after the start page itself (it is not needed to begin a web), so it adds
 * nothing to the first load.
 */
export class ReminderState {
	readonly #reflections: ReflectionRepo;
	readonly #due: { readonly current: DueReminder | null | undefined };
	#problem = $state<SaveProblem | null>(null);

	constructor(
		webs: WebRepo = webRepo(),
		reflections: ReflectionRepo = reflectionRepo(),
		today: () => string = () => dayOf(Date.now())
	) {
		this.#reflections = reflections;
		this.#due = live(async () => {
			const { reflections: withDate } = await reflections.listWithStepDate();
			if (withDate.length === 0) return null;
			// Only the newest web and the few webs with a step are read, not the whole history.
			const newest = (await webs.listPage(0, 1)).webs[0];
			const candidates: ReminderCandidate[] = [];
			for (const r of withDate) {
				const web = await webs.get(r.webId);
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

	/** The step to ask about, or null (also while still looking). */
	get due(): DueReminder | null {
		return this.#due.current ?? null;
	}

	get problem(): SaveProblem | null {
		return this.#problem;
	}

	async dismiss(webId: string): Promise<void> {
		try {
			await this.#reflections.dismissReminder(webId);
		} catch (error) {
			this.#problem = toSaveProblem(error);
		}
	}
}
