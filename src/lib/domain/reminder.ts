import type { Day } from './reflection';

/**
 * The start page's gentle question "Hoe ging het met …?": once the day a person chose to look at
 * their first step has come, until they fill in a new web or put the reminder away.
 */
export interface ReminderCandidate {
	webId: string;
	/** When the reflection's web was begun: a web begun after it means the person looked again. */
	webCreatedAt: number;
	/** The first small step, as written; a reminder without a step has nothing to ask about. */
	step: string;
	stepDate: Day | null;
	reminderDismissedAt: number | null;
}

export interface DueReminder {
	webId: string;
	step: string;
	stepDate: Day;
}

/** The local calendar day of a moment, as `YYYY-MM-DD` (what `<input type="date">` gives). */
export function dayOf(epochMs: number): Day {
	const date = new Date(epochMs);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The reminder to show today, or null. Due when the step's day is today or past, it was not put
 * away, and no web was begun after the reflection's own (then the person has already looked
 * again). Of several, the one with the latest day. `today` is injected so the rule is testable.
 */
export function dueReminder(
	candidates: readonly ReminderCandidate[],
	latestWebCreatedAt: number | null,
	today: Day
): DueReminder | null {
	let due: DueReminder | null = null;
	for (const c of candidates) {
		const step = c.step.trim();
		if (c.stepDate === null || step === '' || c.reminderDismissedAt !== null) continue;
		// Days as YYYY-MM-DD compare correctly as strings.
		if (c.stepDate > today) continue;
		if (latestWebCreatedAt !== null && latestWebCreatedAt > c.webCreatedAt) continue;
		if (due === null || c.stepDate > due.stepDate)
			due = { webId: c.webId, step, stepDate: c.stepDate };
	}
	return due;
}
