import { describe, expect, it } from 'vitest';
import { ADULT_V1 } from '$lib/domain/question-set';
import { m } from '$lib/paraglide/messages.js';
import { emptyReflection } from '$lib/domain/reflection';
import {
	availableParts,
	buildReportModel,
	DEFAULT_CHOICES,
	reportFileName,
	type ReportChoices,
	type ReportInput,
	type ReportModel,
	type SectionId
} from './report-model';
import { EARLIER, REFLECTION, WEB } from './testing/report-fixtures';

const FULL: ReportInput = {
	web: WEB,
	set: ADULT_V1,
	reflection: REFLECTION,
	earlier: { web: EARLIER, set: ADULT_V1 },
	locale: 'nl'
};

const ALL: ReportChoices = { focus: true, step: true, talkAbout: true, notes: true, earlier: true };

const PART_SECTIONS: Record<keyof ReportChoices, readonly SectionId[]> = {
	focus: ['focus'],
	step: ['step', 'help'],
	talkAbout: ['talkAbout'],
	notes: ['notes'],
	earlier: []
};

/** Every word of the model that ends up as text, to check what is in and what is out. */
function allText(model: ReportModel): string {
	return JSON.stringify(model);
}

describe('buildReportModel', () => {
	it('has the title, the date and a file name with the day of the web', () => {
		const model = buildReportModel(FULL, DEFAULT_CHOICES);
		expect(model.title).toBe('Mijn spinnenweb');
		expect(model.dateLine).toBe('Ingevuld op 3 maart 2026');
		expect(model.fileName).toBe('spinnenweb-2026-03-03.pdf');
		expect(model.direction).toBe('ltr');
		expect(model.note).toMatch(/geen medische meting.*Geen officieel hulpmiddel/);
	});

	it('lists the six dimensions in web order with scores to one decimal, in Dutch', () => {
		const model = buildReportModel(FULL, DEFAULT_CHOICES);
		expect(model.table.rows.map((r) => [r.name, r.cells])).toEqual([
			['Lichaamsfuncties', ['4,3']],
			['Mentaal welbevinden', ['4,9']],
			['Zingeving', ['4,7']],
			['Kwaliteit van leven', ['4,4']],
			['Meedoen', ['5,0']],
			['Dagelijks functioneren', ['5,6']]
		]);
		expect(model.table.columns).toEqual(['Nu (3 maart 2026)']);
	});

	it('says "niet ingevuld" for an empty dimension, never 0', () => {
		const web = { ...WEB, answers: { 'mentaal.vrolijk': 7 } };
		const model = buildReportModel({ ...FULL, web }, DEFAULT_CHOICES);
		expect(model.table.rows.map((r) => r.cells[0])).toEqual([
			'niet ingevuld',
			'7,0',
			'niet ingevuld',
			'niet ingevuld',
			'niet ingevuld',
			'niet ingevuld'
		]);
		expect(model.chart.series[0]?.scores.lichaamsfuncties).toBeNull();
	});

	it('uses a score given to a whole dimension, in the table and in the chart', () => {
		const web = { ...WEB, dimensionAnswers: { zingeving: 9 } };
		const model = buildReportModel({ ...FULL, web }, DEFAULT_CHOICES);
		expect(model.table.rows.map((r) => r.cells[0])[2]).toBe('9,0');
		expect(model.chart.series[0]?.scores.zingeving).toBe(9);
	});

	it('says the table holds averages, unless a part was scored as a whole', () => {
		const averages = m.pdf_scores_caption({}, { locale: 'nl' });
		const orWhole = m.pdf_scores_caption_whole({}, { locale: 'nl' });
		expect(orWhole).toContain('een heel onderdeel');
		expect(buildReportModel(FULL, ALL).table.caption).toBe(averages);
		const whole = { ...WEB, dimensionAnswers: { zingeving: 9 } };
		expect(buildReportModel({ ...FULL, web: whole }, ALL).table.caption).toBe(orWhole);
		// The earlier web counts only when it is in the document.
		const earlierWhole = { web: { ...EARLIER, dimensionAnswers: { meedoen: 4 } }, set: ADULT_V1 };
		const withEarlier = { ...FULL, earlier: earlierWhole };
		expect(buildReportModel(withEarlier, ALL).table.caption).toBe(orWhole);
		expect(buildReportModel(withEarlier, { ...ALL, earlier: false }).table.caption).toBe(averages);
	});

	it('has every part in the order of the conversation when all are chosen', () => {
		const model = buildReportModel(FULL, ALL);
		expect(model.sections.map((s) => s.id)).toEqual([
			'focus',
			'step',
			'help',
			'talkAbout',
			'notes'
		]);
		expect(model.sections.find((s) => s.id === 'talkAbout')?.blocks).toEqual([
			{ kind: 'list', items: ['Slapen (Lichaamsfuncties)', 'Steun van anderen (Meedoen)'] }
		]);
		expect(model.sections.find((s) => s.id === 'step')?.blocks).toEqual([
			{ kind: 'text', text: REFLECTION.notes.step, isStrong: true },
			{ kind: 'text', text: 'Kijken hoe het ging: 15 april 2026' }
		]);
	});

	it('marks the focus in the chart, in the table and as a section', () => {
		const model = buildReportModel(FULL, DEFAULT_CHOICES);
		expect(model.chart.focus).toBe('meedoen');
		expect(model.table.rows.filter((r) => r.focusText !== null)).toEqual([
			expect.objectContaining({
				id: 'meedoen',
				focusText: 'hier wil ik aandacht aan geven: Steun van anderen'
			})
		]);
		expect(model.sections[0]?.blocks).toEqual([
			{ kind: 'text', text: 'Steun van anderen (Meedoen)', isStrong: true }
		]);
	});

	it('draws the earlier web only when chosen, dashed and named with its date', () => {
		expect(buildReportModel(FULL, DEFAULT_CHOICES).chart.series).toHaveLength(1);
		const model = buildReportModel(FULL, ALL);
		expect(model.chart.series.map((s) => [s.variant, s.legend])).toEqual([
			['current', 'Nu (3 maart 2026)'],
			['earlier', 'Eerder (12 november 2025): gestreepte lijn']
		]);
		expect(model.table.columns).toEqual(['Nu (3 maart 2026)', 'Eerder (12 november 2025)']);
		expect(model.table.rows[0]?.cells).toHaveLength(2);
	});

	it.each<[keyof ReportChoices, string[]]>([
		['focus', ['Hier wil ik aandacht aan geven', 'hier wil ik aandacht aan geven: Steun']],
		['step', ['koffie-uurtje', 'Kijken hoe het ging', 'Iĳsbrand']],
		['talkAbout', ['Om over te praten', 'Slapen (Lichaamsfuncties)']],
		['notes', ['Wat valt je op', 'moestuin', 'Rust in mijn hoofd', 'Vaker iets samen doen']],
		['earlier', ['12 november 2025']]
	])('leaves out %s when the person unticks it, and nothing else', (part, words) => {
		const without = allText(buildReportModel(FULL, { ...ALL, [part]: false }));
		const withIt = allText(buildReportModel(FULL, ALL));
		for (const word of words) {
			expect(withIt).toContain(word);
			expect(without).not.toContain(word);
		}
		const sectionsOf = (choices: ReportChoices) =>
			buildReportModel(FULL, choices).sections.map((section) => section.id);
		expect(sectionsOf({ ...ALL, [part]: false })).toEqual(
			sectionsOf(ALL).filter((id) => !PART_SECTIONS[part].includes(id))
		);
	});

	it('leaves the chart focus out with the focus part', () => {
		const model = buildReportModel(FULL, { ...ALL, focus: false });
		expect(model.chart.focus).toBeNull();
		expect(model.table.rows.every((r) => r.focusText === null)).toBe(true);
	});

	it('has no reflection parts without a reflection, whatever is chosen', () => {
		const model = buildReportModel({ ...FULL, reflection: undefined, earlier: undefined }, ALL);
		expect(model.sections.map((s) => s.id)).toEqual(['talkAbout']);
		expect(model.chart.series).toHaveLength(1);
	});

	it('skips empty answers and a talk-about section with nothing flagged', () => {
		const reflection = { ...emptyReflection(WEB.id, 0), notes: { energy: 'Muziek', wish: '  ' } };
		const model = buildReportModel({ ...FULL, web: { ...WEB, talkAbout: [] }, reflection }, ALL);
		expect(model.sections).toEqual([
			{
				id: 'notes',
				title: 'Wat ik zie en wat ik wil',
				blocks: [{ kind: 'qa', question: 'Wat geeft je energie of plezier?', answer: 'Muziek' }]
			}
		]);
	});

	it('writes the whole document in the locale asked for', () => {
		const model = buildReportModel({ ...FULL, locale: 'en' }, ALL);
		expect(model.title).toBe('My spider web');
		expect(model.dateLine).toBe('Filled in on March 3, 2026');
		expect(model.table.rows[0]).toMatchObject({ name: 'Bodily functions', cells: ['4.3', '4.1'] });
		expect(model.sections.map((s) => s.title)).toEqual([
			'What I want to focus on',
			'My first small step',
			'Who or what can help',
			'To talk about',
			'What I see and what I want'
		]);
		expect(model.pageLabel).toBe('Page {page} of {total}');
	});
});

describe('availableParts', () => {
	it('offers only the parts that have something in them', () => {
		expect(availableParts(FULL)).toEqual(ALL);
		expect(availableParts({ web: { ...WEB, talkAbout: [] }, set: ADULT_V1, locale: 'nl' })).toEqual(
			{ focus: false, step: false, talkAbout: false, notes: false, earlier: false }
		);
		const onlyDate = { ...emptyReflection(WEB.id, 0), stepDate: '2026-05-01' };
		expect(availableParts({ ...FULL, reflection: onlyDate }).step).toBe(true);
	});
});

describe('reportFileName', () => {
	it('uses the day the web was finished, or begun when it never was', () => {
		expect(reportFileName(WEB)).toBe('spinnenweb-2026-03-03.pdf');
		const unfinished = { createdAt: new Date(2026, 0, 9, 8).getTime(), completedAt: null };
		expect(reportFileName(unfinished)).toBe('spinnenweb-2026-01-09.pdf');
	});
});
