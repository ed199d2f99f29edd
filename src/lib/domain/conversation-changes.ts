import type { Day } from './reflection';
import { PHASE_PROMPTS } from './conversation-prompts';
import {
	conversationText,
	MAX_TEXT_LENGTH,
	type Conversation,
	type ConversationText,
	type Phase,
	type WebFillMode,
	type WishOwner
} from './conversation';
import type { HandoverConsent } from './warm-handover';

/**
 * The changes a professional makes to a conversation, as pure functions. Each returns the same
 * object when nothing changes (the caller then writes nothing) and leaves `updatedAt` to the
 * caller, as in web-changes.ts. They do not look for a BSN: the screens check first and say so,
 * and the schema refuses one before anything is stored.
 */

/** A text as typed (spaces kept: trimming mid-typing eats the space before the next word). */
export function withText(
	conversation: Conversation,
	field: ConversationText,
	text: string
): Conversation {
	const limited = text.slice(0, MAX_TEXT_LENGTH[field]);
	if (conversationText(conversation, field) === limited) return conversation;
	if (field === 'wish') return { ...conversation, wish: limited };
	if (field === 'firstStep') return { ...conversation, firstStep: limited };
	const notes = { ...conversation.notes };
	if (limited === '') delete notes[field];
	else notes[field] = limited;
	return { ...conversation, notes };
}

export function withWishOwner(conversation: Conversation, owner: WishOwner | null): Conversation {
	return conversation.wishOwner === owner ? conversation : { ...conversation, wishOwner: owner };
}

export function withFollowUpDate(conversation: Conversation, day: Day | null): Conversation {
	return conversation.followUpDate === day ? conversation : { ...conversation, followUpDate: day };
}

/** Put one prompt away; putting it away twice changes nothing. */
export function withPromptDismissed(conversation: Conversation, promptId: string): Conversation {
	if (conversation.dismissedPrompts.includes(promptId)) return conversation;
	return { ...conversation, dismissedPrompts: [...conversation.dismissedPrompts, promptId] };
}

/** Show a phase's prompts again. */
export function withPromptsShown(conversation: Conversation, phase: Phase): Conversation {
	const ofPhase: readonly string[] = PHASE_PROMPTS[phase];
	const kept = conversation.dismissedPrompts.filter((id) => !ofPhase.includes(id));
	return kept.length === conversation.dismissedPrompts.length
		? conversation
		: { ...conversation, dismissedPrompts: kept };
}

/** The conversation's web, once it exists; a conversation keeps the first web it gets. */
export function withWeb(conversation: Conversation, webId: string): Conversation {
	if (conversation.webId === webId) return conversation;
	if (conversation.webId !== null) {
		throw new RangeError(`Conversation ${conversation.id} already has a web`);
	}
	return { ...conversation, webId };
}

/** One more way the web was filled in; a way used before is not repeated. */
export function withWebFilledBy(conversation: Conversation, mode: WebFillMode): Conversation {
	if (conversation.webFilledBy.includes(mode)) return conversation;
	return { ...conversation, webFilledBy: [...conversation.webFilledBy, mode] };
}

/** A warm handover the person agreed to, kept beside the earlier ones. */
export function withHandover(conversation: Conversation, consent: HandoverConsent): Conversation {
	return { ...conversation, handovers: [...(conversation.handovers ?? []), consent] };
}
