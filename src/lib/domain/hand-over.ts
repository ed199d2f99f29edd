import { z } from './zod';
import { TimeSchema } from './free-text';

/**
 * Hand-over mode: the professional gives the tablet to the person, who then sees only their own
 * web and questions, in their own language. Kept on the device (not in a page's memory) so a
 * reload stays in it, until the professional takes the tablet back.
 */
export const HandOverSchema = z.object({
	conversationId: z.uuid(),
	clientId: z.uuid(),
	/** The only record the person's screens read. */
	webId: z.uuid(),
	/** The person's language for the screens while they hold the tablet. */
	locale: z.string().check(z.minLength(2), z.maxLength(35)),
	/** The professional's own language, for when the mode ends. */
	professionalLocale: z.string().check(z.minLength(2), z.maxLength(35)),
	/** One question per screen, large choices (simple mode), for the person only. */
	isSimple: z.boolean(),
	startedAt: TimeSchema
});
export type HandOver = z.infer<typeof HandOverSchema>;

/**
 * How the professional gets the tablet back. Today a long press; once a team tablet has a lock
 * (a passcode), the passcode instead. This one decision is the seam for that.
 */
export type LeaveMethod = { kind: 'long-press'; holdMs: number } | { kind: 'passcode' };

/** Long enough that a person does not leave by accident, short enough not to annoy. */
export const HOLD_TO_LEAVE_MS = 1500;

export function howToLeave(lock: { hasPasscode: boolean } = { hasPasscode: false }): LeaveMethod {
	return lock.hasPasscode ? { kind: 'passcode' } : { kind: 'long-press', holdMs: HOLD_TO_LEAVE_MS };
}

/** A stored hand-over as text, or null when there is none or it cannot be read (then: none). */
export function parseHandOver(text: string | null): HandOver | null {
	if (text === null) return null;
	try {
		const result = HandOverSchema.safeParse(JSON.parse(text));
		return result.success ? result.data : null;
	} catch {
		return null;
	}
}
