import {
	MAX_NOTE_LENGTH,
	type Day,
	type Focus,
	type NoteField,
	type Reflection
} from './reflection';

/**
 * The changes a person makes to a reflection, as pure functions. Each returns the same object
 * when nothing changes, and leaves `updatedAt` to the caller, as in web-changes.ts.
 */

/**
 * One answer as typed. Kept as is (spaces and all: trimming while someone types would eat the
 * space before their next word); an empty answer removes the entry.
 */
export function withNote(reflection: Reflection, field: NoteField, text: string): Reflection {
	const limited = text.slice(0, MAX_NOTE_LENGTH);
	if ((reflection.notes[field] ?? '') === limited) return reflection;
	const notes = { ...reflection.notes };
	if (limited === '') delete notes[field];
	else notes[field] = limited;
	return { ...reflection, notes };
}

export function withFocus(reflection: Reflection, focus: Focus | null): Reflection {
	return JSON.stringify(reflection.focus) === JSON.stringify(focus)
		? reflection
		: { ...reflection, focus };
}

/** A new date also brings a put-away reminder back: it is a new appointment with oneself. */
export function withStepDate(reflection: Reflection, stepDate: Day | null): Reflection {
	return reflection.stepDate === stepDate
		? reflection
		: { ...reflection, stepDate, reminderDismissedAt: null };
}

export function withReminderDismissed(reflection: Reflection, now: number): Reflection {
	return reflection.reminderDismissedAt === null
		? { ...reflection, reminderDismissedAt: now }
		: reflection;
}
