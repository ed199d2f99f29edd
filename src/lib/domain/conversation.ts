import { z } from './zod';
import { freeText, TimeSchema } from './free-text';
import { DaySchema, PHASES, type Phase } from './reflection';
import { HandoverConsentSchema } from './warm-handover';

/**
 * One conversation (het andere gesprek) with one person: overzicht → inzicht → uitzicht, with a
 * web, a short note per phase, the person's own wish in their words, the first small step and a
 * date to look again. Agreements are records of their own (agreement.ts).
 *
 * Kept in its own table, apart from the web: the web's scores may one day leave the device as an
 * anonymous summary (context `conversation`); notes, wishes and steps never do.
 */

export { PHASES, type Phase };

/** How the web got filled in; a web can be filled half together and half by the person alone. */
export const WEB_FILL_MODES = ['together', 'hand-over', 'carried-over'] as const;
export type WebFillMode = (typeof WEB_FILL_MODES)[number];

/**
 * Whose wish the inzicht records. It should be the person's own; saying so when it is not (the
 * wish of someone close, or the professional's idea) keeps that honest without pushing.
 */
export const WISH_OWNERS = ['person', 'network', 'professional'] as const;
export type WishOwner = (typeof WISH_OWNERS)[number];

/** A short note: the web and the person's own words lead, the notes are secondary. */
export const MAX_PHASE_NOTE_LENGTH = 1000;
export const MAX_WISH_LENGTH = 500;
export const MAX_STEP_LENGTH = 500;

/** The texts of a conversation, by field: a phase's note, the wish, the first small step. */
export const CONVERSATION_TEXTS = [...PHASES, 'wish', 'firstStep'] as const;
export type ConversationText = (typeof CONVERSATION_TEXTS)[number];

export const MAX_TEXT_LENGTH: Readonly<Record<ConversationText, number>> = {
	overzicht: MAX_PHASE_NOTE_LENGTH,
	inzicht: MAX_PHASE_NOTE_LENGTH,
	uitzicht: MAX_PHASE_NOTE_LENGTH,
	wish: MAX_WISH_LENGTH,
	firstStep: MAX_STEP_LENGTH
};

export const ConversationSchema = z.object({
	id: z.uuid(),
	clientId: z.uuid(),
	/** The conversation's web, a record in `webs` marked with the same clientId; null until begun. */
	webId: z.nullable(z.uuid()),
	createdAt: TimeSchema,
	updatedAt: TimeSchema,
	/** One short note per phase; an empty note has no entry. */
	notes: z.partialRecord(z.enum(PHASES), freeText(MAX_PHASE_NOTE_LENGTH)),
	/** The person's own wish, in their words; '' while there is none. */
	wish: freeText(MAX_WISH_LENGTH),
	wishOwner: z.nullable(z.enum(WISH_OWNERS)),
	/** Think big, start small: the first small step; '' while there is none. */
	firstStep: freeText(MAX_STEP_LENGTH),
	/** Prompt ids (conversation-prompts.ts) put away with one tap, for this conversation. */
	dismissedPrompts: z.array(z.string().check(z.maxLength(60))),
	/** When to look again together; drives the order of the people list. */
	followUpDate: z.nullable(DaySchema),
	/** Every way the web was filled in, in the order first used. */
	webFilledBy: z.array(z.enum(WEB_FILL_MODES)),
	/** Each warm handover the person agreed to, oldest first; absent on older records. */
	handovers: z.optional(z.array(HandoverConsentSchema))
});
export type Conversation = z.infer<typeof ConversationSchema>;

export function emptyConversation(id: string, clientId: string, now: number): Conversation {
	return {
		id,
		clientId,
		webId: null,
		createdAt: now,
		updatedAt: now,
		notes: {},
		wish: '',
		wishOwner: null,
		firstStep: '',
		dismissedPrompts: [],
		followUpDate: null,
		webFilledBy: []
	};
}

/** A text of the conversation as stored ('' when there is none). */
export function conversationText(conversation: Conversation, field: ConversationText): string {
	switch (field) {
		case 'wish':
			return conversation.wish;
		case 'firstStep':
			return conversation.firstStep;
		default:
			return conversation.notes[field] ?? '';
	}
}

/** Newest first, ties by id, as every list of a person's conversations is shown. */
export function newestConversationFirst(
	a: Pick<Conversation, 'id' | 'createdAt'>,
	b: Pick<Conversation, 'id' | 'createdAt'>
): number {
	return b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}
