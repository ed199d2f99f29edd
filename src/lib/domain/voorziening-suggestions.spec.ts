import { describe, expect, it } from 'vitest';
import { emptyFields, type Voorziening, type VoorzieningFields } from './voorziening';
import { createSearchIndex } from './voorziening-search';
import { orderSuggestions, talkAboutDimensions } from './voorziening-suggestions';

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

const brink = v({ name: 'Buurthuis De Brink', dimensions: ['meedoen'] });
const schuld = v({ name: 'Schuldhulpmaatjes', dimensions: ['dagelijks', 'kwaliteit'] });
const wandel = v({
	name: 'Wandelgroep',
	description: 'koffie na',
	dimensions: ['lichaamsfuncties']
});
const oud = v({ name: 'Oude schuldhulp', dimensions: ['dagelijks'], status: 'inactive' });
const taal = v({ name: 'Taalcafé', description: 'koffie', dimensions: ['mentaal', 'dagelijks'] });
const index = createSearchIndex([brink, schuld, wandel, oud, taal]);
const names = (list: ReturnType<typeof orderSuggestions>) => list.map((s) => s.voorziening.name);

describe('orderSuggestions', () => {
	it('puts the active voorzieningen serving the focus first, then the rest, each in the list order', () => {
		const result = orderSuggestions(index, ['dagelijks'], '');
		expect(names(result)).toEqual([
			'Schuldhulpmaatjes',
			'Taalcafé',
			'Buurthuis De Brink',
			'Wandelgroep'
		]);
		expect(result.map((s) => s.servesFocus)).toEqual([true, true, false, false]);
	});

	it('never suggests an inactive voorziening, also when it serves the focus', () => {
		expect(names(orderSuggestions(index, ['dagelijks'], 'schuld'))).toEqual(['Schuldhulpmaatjes']);
	});

	it('searches the whole kaart, with focus matches before better matches outside it', () => {
		const result = orderSuggestions(index, ['mentaal'], 'koffie');
		expect(names(result)).toEqual(['Taalcafé', 'Wandelgroep']);
		expect(result[0]?.servesFocus).toBe(true);
	});

	it('without a focus keeps the search order and marks nothing', () => {
		const result = orderSuggestions(index, [], '');
		expect(names(result)).toEqual([
			'Buurthuis De Brink',
			'Schuldhulpmaatjes',
			'Wandelgroep',
			'Taalcafé'
		]);
		expect(result.every((s) => !s.servesFocus)).toBe(true);
	});

	it('on an empty kaart suggests nothing', () => {
		expect(orderSuggestions(createSearchIndex([]), ['mentaal'], '')).toEqual([]);
	});
});

describe('talkAboutDimensions', () => {
	it('gives the parts with a marked aspect once each, in the order of the web', () => {
		expect(talkAboutDimensions(['meedoen.steun', 'mentaal.vrolijk', 'meedoen.contact'])).toEqual([
			'mentaal',
			'meedoen'
		]);
		expect(talkAboutDimensions([])).toEqual([]);
	});
});
