import { z } from './zod';
import { freeText, TimeSchema } from './free-text';
import { VoorzieningIdSchema } from './voorziening';

/**
 * A warm handover: a summary of a conversation for a colleague or another organisation, made only
 * after the person agreed. What was agreed is kept with the conversation (who receives it, which
 * parts, who recorded the consent and when), so it can be told later what left the tablet.
 */

/** The parts a person can choose, as on the personal share screen. */
export const HANDOVER_PARTS = ['web', 'words', 'agreements', 'notes'] as const;
export type HandoverPart = (typeof HANDOVER_PARTS)[number];

export const MAX_RECEIVER_LENGTH = 200;
export const MAX_REASON_LENGTH = 1000;
export const MAX_PROFESSIONAL_NAME_LENGTH = 80;

export const ReceiverSchema = z.object({
	/** A person or organisation typed in, or a voorziening of the sociale kaart. */
	name: freeText(MAX_RECEIVER_LENGTH).check(z.trim(), z.minLength(1)),
	voorzieningId: z.optional(VoorzieningIdSchema)
});
export type Receiver = z.infer<typeof ReceiverSchema>;

export const HandoverConsentSchema = z.object({
	/** When the person agreed and the PDF was made. */
	at: TimeSchema,
	/** The professional's own name as they recorded it. */
	professionalName: freeText(MAX_PROFESSIONAL_NAME_LENGTH).check(z.trim(), z.minLength(1)),
	receiver: ReceiverSchema,
	parts: z.array(z.enum(HANDOVER_PARTS))
});
export type HandoverConsent = z.infer<typeof HandoverConsentSchema>;

export interface HandoverForm {
	receiver: string;
	receiverVoorzieningId: string | null;
	reason: string;
	professionalName: string;
	parts: Record<HandoverPart, boolean>;
	hasConsent: boolean;
}

/** Why the PDF cannot be made yet, first reason first; null when it can. */
export type HandoverBlock = 'consent' | 'receiver' | 'professional' | 'reason' | 'bsn';

export function handoverBlock(
	form: HandoverForm,
	hasBsn: (text: string) => boolean
): HandoverBlock | null {
	if (!form.hasConsent) return 'consent';
	if (form.receiver.trim() === '') return 'receiver';
	if (form.professionalName.trim() === '') return 'professional';
	if (form.reason.trim() === '') return 'reason';
	if ([form.receiver, form.professionalName, form.reason].some(hasBsn)) return 'bsn';
	return null;
}

/** The consent to store, once handoverBlock says nothing stands in the way. */
export function consentOf(form: HandoverForm, at: number): HandoverConsent {
	const receiver: Receiver = { name: form.receiver.trim() };
	if (form.receiverVoorzieningId !== null) receiver.voorzieningId = form.receiverVoorzieningId;
	return {
		at,
		professionalName: form.professionalName.trim(),
		receiver,
		parts: HANDOVER_PARTS.filter((part) => form.parts[part])
	};
}
