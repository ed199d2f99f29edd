import { describe, expect, it } from 'vitest';
import { WebSchema } from './web';

const valid = {
	id: '3b241101-e2bb-4255-8caf-4136c566a962',
	questionSetId: 'volwassenen-v1',
	locale: 'nl',
	createdAt: 1_700_000_000_000,
	updatedAt: 1_700_000_000_000,
	completedAt: null,
	answers: { 'mentaal.vrolijk': 7, 'mentaal.controle': 'liever-niet' },
	talkAbout: ['mentaal.vrolijk'],
	position: { dimensionIndex: 1, aspectKey: 'mentaal.vrolijk' }
};

describe('WebSchema', () => {
	it('accepts a well-formed web', () => {
		expect(WebSchema.safeParse(valid).success).toBe(true);
	});

	it('reads a web stored before whole-dimension scores existed as having none', () => {
		const parsed = WebSchema.parse(valid);
		expect(parsed.dimensionAnswers).toEqual({});
	});

	it('keeps whole-dimension scores', () => {
		const parsed = WebSchema.parse({ ...valid, dimensionAnswers: { mentaal: 0, meedoen: 10 } });
		expect(parsed.dimensionAnswers).toEqual({ mentaal: 0, meedoen: 10 });
	});

	it.each([
		{ name: 'a whole-dimension score above 10', patch: { dimensionAnswers: { mentaal: 11 } } },
		{ name: 'a whole-dimension score for no dimension', patch: { dimensionAnswers: { x: 5 } } },
		{
			name: 'a whole-dimension "liever niet"',
			patch: { dimensionAnswers: { mentaal: 'liever-niet' } }
		},
		{ name: 'a score above 10', patch: { answers: { 'mentaal.vrolijk': 11 } } },
		{ name: 'a negative score', patch: { answers: { 'mentaal.vrolijk': -1 } } },
		{ name: 'a fractional score', patch: { answers: { 'mentaal.vrolijk': 6.5 } } },
		{ name: 'an unknown answer word', patch: { answers: { 'mentaal.vrolijk': 'misschien' } } },
		{ name: 'an id that is no UUID', patch: { id: 'abc' } },
		{
			name: 'a position past the sixth dimension',
			patch: { position: { dimensionIndex: 6, aspectKey: null } }
		},
		{ name: 'a missing question set', patch: { questionSetId: '' } }
	])('rejects $name', ({ patch }) => {
		expect(WebSchema.safeParse({ ...valid, ...patch }).success).toBe(false);
	});
});
