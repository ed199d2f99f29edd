import { describe, expect, it } from 'vitest';
import {
	differingFields,
	emptyFields,
	isRealDay,
	matchKey,
	VoorzieningFieldsSchema,
	VoorzieningSchema,
	type VoorzieningFields
} from './voorziening';

const buurthuis: VoorzieningFields = {
	...emptyFields(),
	name: 'Buurthuis De Brink',
	organisation: 'Welzijn Oost',
	dimensions: ['meedoen', 'zingeving'],
	ageFrom: 18,
	ageTo: null,
	phone: '020-123 45 67',
	email: 'info@debrink.nl',
	website: 'https://debrink.nl/activiteiten',
	postcode: '1091 AB',
	lastChecked: '2024-02-29'
};

function problemsOf(input: unknown): string[] {
	const result = VoorzieningFieldsSchema.safeParse(input);
	return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
}

describe('VoorzieningFieldsSchema', () => {
	it('accepts a filled-in voorziening and keeps the dimensions in the order of the web', () => {
		const parsed = VoorzieningFieldsSchema.parse(buurthuis);
		expect(parsed.dimensions).toEqual(['zingeving', 'meedoen']);
		expect(parsed.name).toBe('Buurthuis De Brink');
	});

	it('trims text and writes a postcode one way', () => {
		const parsed = VoorzieningFieldsSchema.parse({
			...buurthuis,
			name: '  Buurthuis De Brink ',
			postcode: '1091ab'
		});
		expect(parsed.name).toBe('Buurthuis De Brink');
		expect(parsed.postcode).toBe('1091 AB');
	});

	it('needs a name and at least one dimension', () => {
		expect(problemsOf({ ...buurthuis, name: '  ', dimensions: [] })).toEqual([
			'name',
			'dimensions'
		]);
	});

	it.each([
		{ field: 'postcode', value: '109 AB' },
		{ field: 'postcode', value: '0123 AB' },
		{ field: 'email', value: 'info@debrink' },
		{ field: 'email', value: 'info debrink.nl' },
		{ field: 'website', value: 'javascript:alert(1)' },
		{ field: 'website', value: 'data:text/html,hoi' },
		{ field: 'website', value: 'ftp://debrink.nl' },
		{ field: 'website', value: 'debrink' },
		{ field: 'phone', value: 'bel maar' },
		{ field: 'phone', value: '12' },
		{ field: 'ageFrom', value: -1 },
		{ field: 'ageTo', value: 121 },
		{ field: 'ageFrom', value: 4.5 },
		{ field: 'lastChecked', value: '2023-02-29' },
		{ field: 'lastChecked', value: '12-03-2024' },
		{ field: 'status', value: 'gesloten' },
		{ field: 'dimensions', value: ['geluk'] }
	])('refuses $field = $value', ({ field, value }) => {
		expect(problemsOf({ ...buurthuis, [field]: value })).toEqual([
			field === 'dimensions' ? 'dimensions.0' : field
		]);
	});

	it.each(['+31 6 12345678', '(0570) 12 34 56', '0800-8115', '112'.padEnd(6, '0')])(
		'accepts the phone number %s',
		(phone) => {
			expect(problemsOf({ ...buurthuis, phone })).toEqual([]);
		}
	);

	it('refuses an age range that runs backwards, and accepts open ends', () => {
		expect(problemsOf({ ...buurthuis, ageFrom: 65, ageTo: 18 })).toEqual(['ageTo']);
		expect(problemsOf({ ...buurthuis, ageFrom: null, ageTo: 18 })).toEqual([]);
		expect(problemsOf({ ...buurthuis, ageFrom: 0, ageTo: 120 })).toEqual([]);
	});
});

describe('VoorzieningSchema', () => {
	it('needs an id of plain characters and times', () => {
		const stored = { ...buurthuis, id: 'SK-0012', createdAt: 1, updatedAt: 2 };
		expect(VoorzieningSchema.safeParse(stored).success).toBe(true);
		expect(VoorzieningSchema.safeParse({ ...stored, id: 'a b' }).success).toBe(false);
		expect(VoorzieningSchema.safeParse({ ...stored, id: '' }).success).toBe(false);
	});
});

describe('isRealDay', () => {
	it.each([
		['2024-02-29', true],
		['2023-02-29', false],
		['2024-13-01', false],
		['1899-12-31', false],
		['2024-1-1', false]
	])('%s → %s', (day, expected) => {
		expect(isRealDay(day)).toBe(expected);
	});
});

describe('matching', () => {
	it('treats case, accents and spaces alike in name and organisation', () => {
		expect(matchKey({ name: 'Taalcafé  Oost', organisation: 'Bibliotheek' })).toBe(
			matchKey({ name: 'taalcafe oost', organisation: 'BIBLIOTHEEK' })
		);
		expect(matchKey({ name: 'Taalcafé', organisation: 'A' })).not.toBe(
			matchKey({ name: 'Taalcafé', organisation: 'B' })
		);
	});

	it('lists the fields that differ', () => {
		expect(differingFields(buurthuis, { ...buurthuis })).toEqual([]);
		expect(
			differingFields(buurthuis, { ...buurthuis, phone: '', dimensions: ['meedoen'] })
		).toEqual(['dimensions', 'phone']);
	});
});
