import { z } from './zod';
import { DIMENSION_IDS } from './dimensions';

/**
 * What a person thinks about their web afterwards, following overzicht → inzicht → uitzicht.
 *
 * Kept apart from the web on purpose, in its own table: a later sync may send a web's scores and
 * its focus, but never free text. So what may leave the device one day (`focus`) and what never
 * does (`notes`) are separate fields, and nothing here is read by the code that builds summaries.
 */

/** The questions, in the order they are asked. Every one may stay empty. */
export const NOTE_FIELDS = [
	// overzicht
	'standsOut',
	'energy',
	'mattersNow',
	// inzicht
	'wish',
	// uitzicht
	'step',
	'help'
] as const;
export type NoteField = (typeof NOTE_FIELDS)[number];

export const PHASES = ['overzicht', 'inzicht', 'uitzicht'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_FIELDS: Readonly<Record<Phase, readonly NoteField[]>> = {
	overzicht: ['standsOut', 'energy', 'mattersNow'],
	inzicht: ['wish'],
	uitzicht: ['step', 'help']
};

/** Long enough for a real answer, short enough that a stuck key cannot fill the disk. */
export const MAX_NOTE_LENGTH = 2000;

export function isNoteField(value: string): value is NoteField {
	return (NOTE_FIELDS as readonly string[]).includes(value);
}

/** The person's own choice of what to work on: a whole dimension, or one aspect of it. */
export const FocusSchema = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('dimension'), dimensionId: z.enum(DIMENSION_IDS) }),
	z.object({
		kind: z.literal('aspect'),
		dimensionId: z.enum(DIMENSION_IDS),
		/** `dimension.aspect`, as in Web.answers. */
		aspectKey: z.string().min(3)
	})
]);
export type Focus = z.infer<typeof FocusSchema>;

/** A calendar day as the person chose it (`<input type="date">`), without a time or zone. */
export const DaySchema = z.iso.date();
export type Day = z.infer<typeof DaySchema>;

const TimeSchema = z.number().int().nonnegative();

export const NotesSchema = z.partialRecord(z.enum(NOTE_FIELDS), z.string().max(MAX_NOTE_LENGTH));
export type Notes = z.infer<typeof NotesSchema>;

export const ReflectionSchema = z
	.object({
		/** The web this is about; also the record's key: one reflection per web. */
		webId: z.uuid(),
		createdAt: TimeSchema,
		updatedAt: TimeSchema,
		focus: FocusSchema.nullable(),
		/** Free text, only ever on this device. An empty answer has no entry. */
		notes: NotesSchema,
		/** When the person wants to look at how the first step went; drives the start page's reminder. */
		stepDate: DaySchema.nullable(),
		/** Set when the person put the reminder away ("niet meer laten zien"). */
		reminderDismissedAt: TimeSchema.nullable()
	})
	.refine(
		(r) => r.focus?.kind !== 'aspect' || r.focus.aspectKey.startsWith(`${r.focus.dimensionId}.`),
		{
			message: 'an aspect focus lies in its own dimension',
			path: ['focus', 'aspectKey']
		}
	);
export type Reflection = z.infer<typeof ReflectionSchema>;

export function emptyReflection(webId: string, now: number): Reflection {
	return {
		webId,
		createdAt: now,
		updatedAt: now,
		focus: null,
		notes: {},
		stepDate: null,
		reminderDismissedAt: null
	};
}

/** The note's text, or '' when there is none or only spaces. */
export function noteText(reflection: Reflection | undefined, field: NoteField): string {
	return reflection?.notes[field]?.trim() ?? '';
}

/** True when the person wrote or chose anything at all. */
export function hasContent(reflection: Reflection | undefined): boolean {
	if (!reflection) return false;
	return (
		reflection.focus !== null ||
		reflection.stepDate !== null ||
		NOTE_FIELDS.some((field) => noteText(reflection, field) !== '')
	);
}
