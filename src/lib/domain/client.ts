import { z } from './zod';
import { containsBsn } from './bsn';
import { freeText, TimeSchema } from './free-text';

/**
 * A person a professional holds conversations with ("cliënt" in the code; the screens say
 * "persoon"). Stored under a pseudonym or initials the professional chooses: never a BSN, and the
 * screens ask for no other detail that could identify someone.
 */

/** Initials or a first name fit; a long name is more than the list needs. */
export const MAX_PSEUDONYM_LENGTH = 40;

export const PseudonymSchema = freeText(MAX_PSEUDONYM_LENGTH).check(
	z.refine((text) => text.trim().length > 0, 'is empty')
);

export const ClientSchema = z.object({
	id: z.uuid(),
	pseudonym: PseudonymSchema,
	createdAt: TimeSchema,
	updatedAt: TimeSchema,
	/**
	 * The language the person chose the last time the tablet was handed to them (a locale tag), so
	 * the next hand-over starts in it. The professional's own language is not stored here.
	 */
	handOverLocale: z._default(z.nullable(z.string().check(z.minLength(2), z.maxLength(35))), null)
});
export type Client = z.infer<typeof ClientSchema>;

/** Why a typed pseudonym cannot be stored, or `ok`. */
export type PseudonymCheck = 'ok' | 'empty' | 'bsn';

export function checkPseudonym(text: string): PseudonymCheck {
	if (text.trim() === '') return 'empty';
	return containsBsn(text) ? 'bsn' : 'ok';
}

export function newClient(id: string, pseudonym: string, now: number): Client {
	return {
		id,
		pseudonym: pseudonym.trim().slice(0, MAX_PSEUDONYM_LENGTH),
		createdAt: now,
		updatedAt: now,
		handOverLocale: null
	};
}

/** The pseudonym as typed (trimmed only when shown); the same text changes nothing. */
export function withPseudonym(client: Client, text: string): Client {
	const limited = text.slice(0, MAX_PSEUDONYM_LENGTH);
	return client.pseudonym === limited ? client : { ...client, pseudonym: limited };
}

export function withHandOverLocale(client: Client, locale: string): Client {
	return client.handOverLocale === locale ? client : { ...client, handOverLocale: locale };
}
