import type { Day } from './reflection';
import {
	isOpen,
	MAX_WHAT_LENGTH,
	MAX_WHO_NAME_LENGTH,
	oldestAgreementFirst,
	type Agreement,
	type AgreementStatus,
	type WhoKind
} from './agreement';

/**
 * The rules for agreements, as pure functions that return the same object when nothing changes
 * (and leave `updatedAt` to the caller):
 *
 * - An agreement starts open. Its wording (what, who, by when) belongs to the conversation that
 *   made it and is changed only there; later conversations set how it went.
 * - Each status change is remembered with the conversation it was chosen in, one per
 *   conversation: choosing again in the same conversation corrects the earlier choice (a slip of
 *   the finger is not history), and choosing the status it had before that conversation removes
 *   the entry altogether.
 * - The next conversation reviews ("Hoe ging het met …?") every agreement of the conversation
 *   before it, and every earlier one still open or partly done.
 */

/** Whether this conversation may change the agreement's wording. */
export function canEditWording(agreement: Agreement, conversationId: string): boolean {
	return agreement.conversationId === conversationId;
}

function assertWording(agreement: Agreement, conversationId: string): void {
	if (!canEditWording(agreement, conversationId)) {
		throw new RangeError(`Agreement ${agreement.id} is worded in its own conversation only`);
	}
}

export function withWhat(agreement: Agreement, conversationId: string, text: string): Agreement {
	assertWording(agreement, conversationId);
	const what = text.slice(0, MAX_WHAT_LENGTH);
	return agreement.what === what ? agreement : { ...agreement, what };
}

/** Who does it; a name typed for another kind stays, as it often still fits ("Sara"). */
export function withWhoKind(
	agreement: Agreement,
	conversationId: string,
	kind: WhoKind
): Agreement {
	assertWording(agreement, conversationId);
	return agreement.who.kind === kind
		? agreement
		: { ...agreement, who: { ...agreement.who, kind } };
}

/** Links a voorziening (by id), or none; the wording stays as it is. */
export function withVoorziening(
	agreement: Agreement,
	conversationId: string,
	voorzieningId: string | null
): Agreement {
	assertWording(agreement, conversationId);
	if ((agreement.voorzieningId ?? null) === voorzieningId) return agreement;
	const next: Agreement = { ...agreement };
	if (voorzieningId === null) delete next.voorzieningId;
	else next.voorzieningId = voorzieningId;
	return next;
}

export function withWhoName(agreement: Agreement, conversationId: string, text: string): Agreement {
	assertWording(agreement, conversationId);
	const name = text.slice(0, MAX_WHO_NAME_LENGTH);
	return agreement.who.name === name
		? agreement
		: { ...agreement, who: { ...agreement.who, name } };
}

export function withByWhen(
	agreement: Agreement,
	conversationId: string,
	day: Day | null
): Agreement {
	assertWording(agreement, conversationId);
	return agreement.byWhen === day ? agreement : { ...agreement, byWhen: day };
}

/** The status it had before the given conversation changed it. */
function statusBefore(agreement: Agreement, index: number): AgreementStatus {
	return agreement.history[index - 1]?.status ?? 'open';
}

export function withStatus(
	agreement: Agreement,
	status: AgreementStatus,
	conversationId: string,
	now: number
): Agreement {
	if (agreement.status === status) return agreement;
	const lastIndex = agreement.history.length - 1;
	const last = agreement.history[lastIndex];
	if (last?.conversationId === conversationId) {
		const earlier = agreement.history.slice(0, lastIndex);
		const history =
			status === statusBefore(agreement, lastIndex)
				? earlier
				: [...earlier, { status, at: now, conversationId }];
		return { ...agreement, status, history };
	}
	return {
		...agreement,
		status,
		history: [...agreement.history, { status, at: now, conversationId }]
	};
}

/** When the latest status was chosen, or null while it is as agreed. */
export function statusChangedAt(agreement: Agreement): number | null {
	return agreement.history.at(-1)?.at ?? null;
}

/** The conversations as far as the review needs them. */
export interface ConversationMoment {
	id: string;
	createdAt: number;
}

/**
 * The agreements a conversation opens with ("Hoe ging het met …?"): all of the conversation
 * before it, and every earlier one still open or partly done, or changed in this conversation
 * (so an agreement does not vanish the moment its status is set). Newest conversation first, then
 * in the order they were made.
 */
export function agreementsToReview(
	agreements: readonly Agreement[],
	conversations: readonly ConversationMoment[],
	currentId: string
): Agreement[] {
	const current = conversations.find((c) => c.id === currentId);
	if (!current) return [];
	const earlier = conversations
		.filter((c) => c.id !== currentId && c.createdAt < current.createdAt)
		.sort((a, b) => b.createdAt - a.createdAt);
	const previousId = earlier[0]?.id;
	const createdAt = new Map(earlier.map((c) => [c.id, c.createdAt]));
	return agreements
		.filter((a) => {
			if (!createdAt.has(a.conversationId)) return false;
			return (
				a.conversationId === previousId ||
				isOpen(a) ||
				a.history.some((change) => change.conversationId === currentId)
			);
		})
		.sort(
			(a, b) =>
				(createdAt.get(b.conversationId) ?? 0) - (createdAt.get(a.conversationId) ?? 0) ||
				oldestAgreementFirst(a, b)
		);
}
