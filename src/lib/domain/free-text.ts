import { z } from './zod';
import { containsBsn } from './bsn';

/**
 * Text a professional types about a person: names, notes, wishes, steps, agreements. Never stored
 * with a BSN in it (DESIGN.md §5): the schema refuses one, so even a bug cannot write it, and the
 * screens check first (checkText) to say so in words and keep the text on screen to fix.
 */
export const BSN_ISSUE = 'holds a number that passes the elfproef (a BSN)';

export function freeText(maxLength: number) {
	return z.string().check(
		z.maxLength(maxLength),
		z.refine((text) => !containsBsn(text), BSN_ISSUE)
	);
}

/** Whether a typed text may be stored: `bsn` when it holds a BSN, which is never saved. */
export type TextCheck = 'ok' | 'bsn';

export function checkText(text: string): TextCheck {
	return containsBsn(text) ? 'bsn' : 'ok';
}

/** Epoch milliseconds, as every record's times are. */
export const TimeSchema = z.int().check(z.nonnegative());
