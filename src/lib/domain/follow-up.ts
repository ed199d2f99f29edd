import type { Day } from './reflection';

/**
 * The professional's start screen lists the people whose follow-up day has come first: the
 * longest waiting at the top. The others follow, the most recently seen first.
 */

export interface PersonOverview {
	id: string;
	pseudonym: string;
	createdAt: number;
	/** When their newest conversation began, or null before the first. */
	lastConversationAt: number | null;
	/** The follow-up day of their newest conversation, or null. */
	followUpDate: Day | null;
}

/**
 * A person's follow-up day is the one set in their newest conversation: a newer conversation
 * means they have looked again, so an older day no longer counts.
 */
export function followUpDateOf(
	conversations: readonly { createdAt: number; followUpDate: Day | null }[]
): Day | null {
	let newest: { createdAt: number; followUpDate: Day | null } | undefined;
	for (const c of conversations) if (!newest || c.createdAt > newest.createdAt) newest = c;
	return newest?.followUpDate ?? null;
}

/** Due on the day itself and every day after it. Days as YYYY-MM-DD compare as strings. */
export function isFollowUpDue(followUpDate: Day | null, today: Day): boolean {
	return followUpDate !== null && followUpDate <= today;
}

function lastSeen(person: PersonOverview): number {
	return person.lastConversationAt ?? person.createdAt;
}

export function orderPeople(people: readonly PersonOverview[], today: Day): PersonOverview[] {
	return [...people].sort((a, b) => {
		const aDue = isFollowUpDue(a.followUpDate, today);
		const bDue = isFollowUpDue(b.followUpDate, today);
		if (aDue !== bDue) return aDue ? -1 : 1;
		if (aDue && a.followUpDate !== b.followUpDate) {
			return (a.followUpDate ?? '') < (b.followUpDate ?? '') ? -1 : 1;
		}
		return (
			lastSeen(b) - lastSeen(a) || a.pseudonym.localeCompare(b.pseudonym) || (a.id < b.id ? -1 : 1)
		);
	});
}
