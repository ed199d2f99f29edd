import { describe, expect, it } from 'vitest';
import { emptyFields, type Voorziening, type VoorzieningFields } from './voorziening';
import { createSearchIndex, queryWords } from './voorziening-search';

let n = 0;
function v(fields: Partial<VoorzieningFields>): Voorziening {
	n++;
	return {
		...emptyFields(),
		dimensions: ['meedoen'],
		...fields,
		id: `v${n}`,
		createdAt: 0,
		updatedAt: 0
	};
}

const list = [
	v({ name: 'Buurthuis De Brink', description: 'Koffie en een praatje', place: 'Brinkveen' }),
	v({
		name: 'Schuldhulpmaatjes',
		organisation: 'Samen Rond',
		dimensions: ['dagelijks', 'kwaliteit']
	}),
	v({ name: 'Taalcafé', description: 'Nederlands oefenen', dimensions: ['meedoen', 'mentaal'] }),
	v({
		name: 'Wandelgroep',
		description: 'Samen wandelen, daarna koffie',
		dimensions: ['lichaamsfuncties']
	}),
	v({ name: 'Ontmoetingsgroep Vitaal', description: 'Koffie', status: 'inactive' })
];
const index = createSearchIndex(list);
const names = (query: Parameters<typeof index.search>[0]) => index.search(query).map((x) => x.name);

describe('createSearchIndex', () => {
	it('finds by name, without accents or case, and inside compound words', () => {
		expect(names({ text: 'TAALCAFE' })).toEqual(['Taalcafé']);
		expect(names({ text: 'cafe' })).toEqual(['Taalcafé']);
		expect(names({ text: 'hulp' })).toEqual(['Schuldhulpmaatjes']);
	});

	it('finds by a word in the description or organisation, names first', () => {
		expect(names({ text: 'samen' })).toEqual(['Schuldhulpmaatjes', 'Wandelgroep']);
		expect(names({ text: 'koffie' })).toEqual(['Buurthuis De Brink', 'Wandelgroep']);
	});

	it('needs every word, and leaves out Dutch stop words', () => {
		expect(names({ text: 'koffie wandelen' })).toEqual(['Wandelgroep']);
		expect(names({ text: 'een praatje met koffie' })).toEqual(['Buurthuis De Brink']);
		expect(queryWords('de')).toEqual(['de']);
	});

	it('filters by dimension: any of the chosen ones', () => {
		expect(names({ text: '', dimensions: ['mentaal', 'lichaamsfuncties'] })).toEqual([
			'Taalcafé',
			'Wandelgroep'
		]);
		expect(names({ text: 'koffie', dimensions: ['lichaamsfuncties'] })).toEqual(['Wandelgroep']);
	});

	it('leaves out inactive ones unless asked', () => {
		expect(names({ text: 'vitaal' })).toEqual([]);
		expect(names({ text: 'vitaal', includeInactive: true })).toEqual(['Ontmoetingsgroep Vitaal']);
	});

	it('with no words, shows the whole list in its order', () => {
		expect(names({ text: '  ' })).toEqual(list.slice(0, 4).map((x) => x.name));
	});
});
