import fc from 'fast-check';
import { DIMENSION_IDS } from '$lib/domain/dimensions';
import { matchKey, VoorzieningSchema, type Voorziening } from '$lib/domain/voorziening';

/**
 * Valid voorzieningen with awkward text: separators, quotes, line breaks, formula starts,
 * accents and emoji, so an export has to quote and escape to read back the same.
 */
const tricky = fc.constantFrom(
	'\n',
	'\r\n',
	';',
	',',
	'"',
	"'",
	'=',
	'+31',
	'-',
	'@',
	'|',
	'  ',
	'é',
	'€',
	'🙂'
);
const text = fc
	.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 6 }), tricky), { maxLength: 6 })
	.map((parts) =>
		parts
			.join('')
			.replace(/[\p{Cc}]/gu, (c) => (c === '\n' ? c : ''))
			.trim()
	);
const day = fc
	.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
	.map((d) => d.toISOString().slice(0, 10));
const age = fc.option(fc.integer({ min: 0, max: 120 }), { nil: null });

export const voorzieningArb: fc.Arbitrary<Voorziening> = fc
	.record({
		id: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,20}$/),
		name: text.filter((t) => t !== ''),
		description: text,
		organisation: text,
		dimensions: fc.subarray([...DIMENSION_IDS], { minLength: 1 }),
		targetGroup: text,
		ages: fc.tuple(age, age),
		costs: text,
		signUp: text,
		phone: fc.constantFrom('', '0570 700 101', '+31 6 12345678', '(0570) 12-34-56'),
		email: fc.constantFrom('', 'info@debrink.nl', 'a.b+c@welzijn-oost.example'),
		website: fc.constantFrom('', 'https://debrink.nl', 'http://x.example/a?b=c;d'),
		street: text,
		postcode: fc.constantFrom('', '7411 AB', '1000 ZZ'),
		place: text,
		neighbourhood: text,
		openingHours: text,
		status: fc.constantFrom('active' as const, 'inactive' as const),
		lastChecked: fc.option(day, { nil: null }),
		createdAt: fc.constant(1_700_000_000_000),
		updatedAt: fc.constant(1_700_000_000_000)
	})
	.map(({ ages: [a, b], ...rest }) => {
		const [ageFrom, ageTo] = a !== null && b !== null && a > b ? [b, a] : [a, b];
		return VoorzieningSchema.parse({ ...rest, ageFrom, ageTo });
	});

/** A list as a store holds it: ids unique, and no two with the same name and organisation. */
export const voorzieningListArb = fc
	.uniqueArray(voorzieningArb, { maxLength: 12, selector: (v) => v.id })
	.map((list) => {
		const seen = new Set<string>();
		return list.filter((v) => !seen.has(matchKey(v)) && seen.add(matchKey(v)));
	});
