import { z } from './zod';
import { freeText, TimeSchema } from './free-text';
import { DaySchema } from './reflection';
import { VoorzieningIdSchema } from './voorziening';

/**
 * An agreement made in a conversation: what will happen, who does it, by when, and how it went.
 * Shown as a sentence ("Fatima belt het buurthuis, vóór 12 maart"), never as a grid. Its status
 * is set in a later conversation ("Hoe ging het met …?"); agreement-changes.ts holds the rules.
 */

/** open; done; partly done; changed course (it went another way, which is fine too). */
export const AGREEMENT_STATUSES = ['open', 'done', 'partly', 'changed'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** Who does it: the person, the professional, someone from their network, or a voorziening. */
export const WHO_KINDS = ['person', 'professional', 'network', 'voorziening'] as const;
export type WhoKind = (typeof WHO_KINDS)[number];

export const MAX_WHAT_LENGTH = 300;
export const MAX_WHO_NAME_LENGTH = 80;

export const WhoSchema = z.object({
	kind: z.enum(WHO_KINDS),
	/** "dochter Sara", "het buurthuis", a colleague's name; '' to say only the kind. */
	name: freeText(MAX_WHO_NAME_LENGTH)
});
export type Who = z.infer<typeof WhoSchema>;

/** One outcome per conversation: the status chosen in it, and when. */
export const StatusChangeSchema = z.object({
	status: z.enum(AGREEMENT_STATUSES),
	at: TimeSchema,
	conversationId: z.uuid()
});
export type StatusChange = z.infer<typeof StatusChangeSchema>;

export const AgreementSchema = z.object({
	id: z.uuid(),
	clientId: z.uuid(),
	/** The conversation in which it was agreed. */
	conversationId: z.uuid(),
	createdAt: TimeSchema,
	updatedAt: TimeSchema,
	/** What will happen, without who: "belt het buurthuis". '' while being written. */
	what: freeText(MAX_WHAT_LENGTH),
	who: WhoSchema,
	byWhen: z.nullable(DaySchema),
	status: z.enum(AGREEMENT_STATUSES),
	/** Each later status, oldest first; empty while it is as agreed (open). */
	history: z.array(StatusChangeSchema),
	/**
	 * A voorziening of the sociale kaart this agreement points to, by id. Optional, so records
	 * made before it read as they are; the voorziening may be deleted later, which the screens
	 * and the PDF say in words rather than fail on.
	 */
	voorzieningId: z.optional(VoorzieningIdSchema)
});
export type Agreement = z.infer<typeof AgreementSchema>;

export function newAgreement(ids: {
	id: string;
	clientId: string;
	conversationId: string;
	now: number;
}): Agreement {
	return {
		id: ids.id,
		clientId: ids.clientId,
		conversationId: ids.conversationId,
		createdAt: ids.now,
		updatedAt: ids.now,
		what: '',
		who: { kind: 'person', name: '' },
		byWhen: null,
		status: 'open',
		history: []
	};
}

/** Still to do: it shows again in the next conversation. */
export function isOpen(agreement: Pick<Agreement, 'status'>): boolean {
	return agreement.status === 'open' || agreement.status === 'partly';
}

/** In the order they were made: the sentences read as the conversation went. */
export function oldestAgreementFirst(
	a: Pick<Agreement, 'id' | 'createdAt'>,
	b: Pick<Agreement, 'id' | 'createdAt'>
): number {
	return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
