import { describe, expect, it } from 'vitest';
import {
	emptyReflection,
	hasContent,
	MAX_NOTE_LENGTH,
	noteText,
	ReflectionSchema
} from './reflection';

const WEB_ID = '3b241101-e2bb-4255-8caf-4136c566a962';

const valid = {
	webId: WEB_ID,
	createdAt: 1_700_000_000_000,
	updatedAt: 1_700_000_100_000,
	focus: { kind: 'aspect', dimensionId: 'meedoen', aspectKey: 'meedoen.steun' },
	notes: { energy: 'Wandelen met de hond', step: 'Elke ochtend tien minuten lopen' },
	stepDate: '2026-03-01',
	reminderDismissedAt: null
};

describe('ReflectionSchema', () => {
	it.each([
		{ name: 'a full reflection', value: valid },
		{ name: 'an empty one', value: emptyReflection(WEB_ID, 0) },
		{
			name: 'a dimension focus',
			value: { ...valid, focus: { kind: 'dimension', dimensionId: 'zingeving' } }
		},
		{ name: 'no focus', value: { ...valid, focus: null } },
		{ name: 'a dismissed reminder', value: { ...valid, reminderDismissedAt: 1_700_000_200_000 } },
		{
			name: 'a note of the longest length',
			value: { ...valid, notes: { wish: 'a'.repeat(MAX_NOTE_LENGTH) } }
		},
		{
			name: 'Dutch letters and an emoji',
			value: { ...valid, notes: { help: 'Mijn buurvrouw Iĳsbrand 😊' } }
		}
	])('accepts $name', ({ value }) => {
		expect(ReflectionSchema.safeParse(value).success).toBe(true);
	});

	it.each([
		{ name: 'a web id that is no UUID', patch: { webId: 'abc' } },
		{ name: 'an unknown dimension', patch: { focus: { kind: 'dimension', dimensionId: 'geluk' } } },
		{
			name: 'an aspect outside its dimension',
			patch: { focus: { kind: 'aspect', dimensionId: 'meedoen', aspectKey: 'mentaal.vrolijk' } }
		},
		{ name: 'an unknown focus kind', patch: { focus: { kind: 'alles' } } },
		{ name: 'an unknown note', patch: { notes: { geheim: 'x' } } },
		{ name: 'a note that is not text', patch: { notes: { step: 42 } } },
		{
			name: 'a note past the longest length',
			patch: { notes: { wish: 'a'.repeat(MAX_NOTE_LENGTH + 1) } }
		},
		{ name: 'a date with a time', patch: { stepDate: '2026-03-01T10:00:00Z' } },
		{ name: 'a date that does not exist', patch: { stepDate: '2026-02-30' } },
		{ name: 'a missing createdAt', patch: { createdAt: undefined } }
	])('rejects $name', ({ patch }) => {
		expect(ReflectionSchema.safeParse({ ...valid, ...patch }).success).toBe(false);
	});
});

describe('noteText and hasContent', () => {
	const empty = emptyReflection(WEB_ID, 0);

	it('treat spaces only as nothing', () => {
		const spaces = { ...empty, notes: { step: '   ' } };
		expect(noteText(spaces, 'step')).toBe('');
		expect(hasContent(spaces)).toBe(false);
	});

	it.each([
		{ name: 'a note', patch: { notes: { energy: ' Mijn kleinkinderen ' } } },
		{ name: 'a focus', patch: { focus: { kind: 'dimension', dimensionId: 'mentaal' } as const } },
		{ name: 'a date', patch: { stepDate: '2026-01-01' } }
	])('see $name as content', ({ patch }) => {
		expect(hasContent({ ...empty, ...patch })).toBe(true);
	});

	it('see no reflection as no content', () => {
		expect(hasContent(undefined)).toBe(false);
		expect(noteText(undefined, 'wish')).toBe('');
	});
});
