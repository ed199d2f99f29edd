import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyFields, fieldsOf, type Voorziening } from '$lib/domain/voorziening';
import { toCsv, toJson } from './export';
import { planImport, type ImportPlan } from './import-plan';
import { readSocialMapFile, type SourceRow } from './read-file';
import { voorzieningListArb } from './testing/arbitraries';

const stored: Voorziening = {
	...emptyFields(),
	id: 'SK-001',
	name: 'Buurthuis De Brink',
	organisation: 'Welzijn Brinkveen',
	dimensions: ['zingeving', 'meedoen'],
	phone: '0570 700 101',
	createdAt: 1,
	updatedAt: 1
};

function row(line: number, cells: SourceRow['cells']): SourceRow {
	return { line, cells };
}

const brink = {
	name: 'Buurthuis De Brink',
	organisation: 'Welzijn Brinkveen',
	dimensions: 'meedoen|zingeving'
};

/** What the store holds after applying a plan with every conflict kept: the additions, new. */
function applied(existing: readonly Voorziening[], plan: ImportPlan): Voorziening[] {
	return [
		...existing,
		...plan.additions.map((a, i) => ({
			...a.fields,
			id: a.id ?? `new-${i}`,
			createdAt: 2,
			updatedAt: 2
		}))
	];
}

function read(text: string): SourceRow[] {
	const result = readSocialMapFile(new TextEncoder().encode(text));
	if (!result.ok) throw new Error(result.problem);
	return result.rows;
}

describe('planImport', () => {
	it('adds what is new, keeping the id from the file', () => {
		const plan = planImport([row(2, { ...brink, id: 'X-1', name: 'Taalcafé' })], [stored]);
		expect(plan.additions.map((a) => [a.line, a.id, a.fields.name])).toEqual([
			[2, 'X-1', 'Taalcafé']
		]);
		expect(plan.conflicts).toEqual([]);
	});

	it('finds a match by name and organisation, whatever the case, and sees it says the same', () => {
		const plan = planImport(
			[
				row(2, {
					...brink,
					name: 'buurthuis de brink',
					organisation: 'WELZIJN Brinkveen',
					phone: '0570 700 101'
				})
			],
			[stored]
		);
		// The same voorziening, its name and organisation written another way: those two differ.
		expect(plan.conflicts.map((c) => c.differing)).toEqual([['name', 'organisation']]);
		const same = planImport([row(2, { ...brink, phone: '0570 700 101' })], [stored]);
		expect(same).toMatchObject({ additions: [], conflicts: [], unchanged: 1 });
	});

	it('shows a match by id that differs side by side, and overwrites nothing by itself', () => {
		const plan = planImport(
			[row(7, { ...brink, id: 'SK-001', name: 'De Brink', phone: '' })],
			[stored]
		);
		expect(plan.additions).toEqual([]);
		expect(plan.conflicts).toHaveLength(1);
		const [conflict] = plan.conflicts;
		expect(conflict).toMatchObject({ line: 7, existing: stored, differing: ['name', 'phone'] });
		expect(conflict?.incoming).toMatchObject({ name: 'De Brink', phone: '' });
	});

	it('names a row the file already had, by line', () => {
		const plan = planImport(
			[
				row(2, brink),
				row(3, { ...brink, name: 'Taalcafé' }),
				row(4, { ...brink, description: 'anders' })
			],
			[]
		);
		expect(plan.additions.map((a) => a.line)).toEqual([2, 3]);
		expect(plan.problems).toEqual([
			{ line: 4, kind: 'duplicate', sameAsLine: 2, name: 'Buurthuis De Brink' }
		]);
	});

	it('gives every reason a row has, and the shape problems of a row', () => {
		const plan = planImport(
			[
				row(2, { name: '', dimensions: 'sport', email: 'a@b', id: 'met spatie' }),
				{ line: 3, cells: { name: 'A' }, shapeProblem: 'extra-cells' }
			],
			[]
		);
		expect(plan.problems).toEqual([
			{ line: 2, kind: 'invalid', reasons: ['id', 'name', 'dimensions', 'email'], name: '' },
			{ line: 3, kind: 'invalid', reasons: ['extra-cells'], name: 'A' }
		]);
	});

	it('reads Dutch days, www addresses and status words as a list writes them', () => {
		const [addition] = planImport(
			[
				row(2, { ...brink, lastChecked: '5-3-2025', website: 'www.debrink.nl', status: 'Inactief' })
			],
			[]
		).additions;
		expect(addition?.fields).toMatchObject({
			lastChecked: '2025-03-05',
			website: 'https://www.debrink.nl',
			status: 'inactive'
		});
	});
});

describe('export then import', () => {
	it.each([
		{ format: 'CSV', write: toCsv },
		{ format: 'JSON', write: (list: readonly Voorziening[]) => toJson(list) }
	])(
		'$format gives the same list, and importing it again changes nothing',
		({ write }) => {
			fc.assert(
				fc.property(voorzieningListArb, (list) => {
					if (list.length === 0) return;
					const file = write(list);
					const first = planImport(read(file), []);
					expect(first.problems).toEqual([]);
					expect(first.additions.map((a) => ({ ...a.fields, id: a.id }))).toEqual(
						list.map((v) => ({ ...fieldsOf(v), id: v.id }))
					);
					const again = planImport(read(file), applied([], first));
					expect(again).toEqual({
						additions: [],
						conflicts: [],
						unchanged: list.length,
						problems: []
					});
				}),
				{ numRuns: 100 }
			);
		},
		60_000
	);

	it('importing a file without ids twice adds each voorziening once', () => {
		fc.assert(
			fc.property(voorzieningListArb, (list) => {
				if (list.length === 0) return;
				const withoutIds = toCsv(list).replace(/^(\uFEFF)?id;/, '$1x;');
				const first = planImport(read(withoutIds), []);
				expect(first.additions).toHaveLength(list.length);
				const again = planImport(read(withoutIds), applied([], first));
				expect(again).toMatchObject({ additions: [], conflicts: [], unchanged: list.length });
			}),
			{ numRuns: 50 }
		);
	}, 60_000);
});
