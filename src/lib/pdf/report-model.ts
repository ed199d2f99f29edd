/**
 * What goes into the PDF summary, as plain data: domain in, document content out. Pure (no DOM,
 * no jsPDF, no database), so every choice the person makes on the share screen is unit-tested
 * here, and the renderer (render-pdf.ts) only places what it is given. All words are in the
 * locale passed in, not the app's current one, so a document can be made in any language.
 */
import type { ChartSeries } from '$lib/chart/chart-series';
import { formatDate, textDirection, type Locale } from '$lib/content/locale';
import { aspectLabel, dimensionName, dimensionNames } from '$lib/content/question-texts';
import { focusName, focusRowText, formatDay } from '$lib/content/reflection-texts';
import { DIMENSION_IDS, type DimensionId } from '$lib/domain/dimensions';
import { aspectKey, type QuestionSet } from '$lib/domain/question-set';
import { noteText, type NoteField, type Reflection } from '$lib/domain/reflection';
import { dayOf } from '$lib/domain/reminder';
import { dimensionScores } from '$lib/domain/scoring';
import type { Web } from '$lib/domain/web';
import { m } from '$lib/paraglide/messages.js';

export interface ReportInput {
	web: Web;
	set: QuestionSet;
	reflection?: Reflection | undefined;
	/** An earlier web to draw as a dashed outline, when the person chooses so. */
	earlier?:
		| {
				web: Pick<Web, 'id' | 'answers' | 'dimensionAnswers' | 'createdAt' | 'completedAt'>;
				set: QuestionSet;
		  }
		| undefined;
	locale: Locale;
}

/** The parts a person can leave out. The web and its scores are always in. */
export interface ReportChoices {
	focus: boolean;
	step: boolean;
	talkAbout: boolean;
	notes: boolean;
	earlier: boolean;
}

export type ReportPart = keyof ReportChoices;

/** Everything the person made goes in, except the comparison, which they add on purpose. */
export const DEFAULT_CHOICES: Readonly<ReportChoices> = {
	focus: true,
	step: true,
	talkAbout: true,
	notes: true,
	earlier: false
};

export type ReportBlock =
	| { kind: 'text'; text: string; isStrong?: boolean }
	| { kind: 'qa'; question: string; answer: string }
	| { kind: 'list'; items: string[] };

export type SectionId = 'focus' | 'step' | 'help' | 'talkAbout' | 'notes';

export interface ReportSection {
	id: SectionId;
	title: string;
	blocks: ReportBlock[];
}

export interface ReportSeries extends ChartSeries {
	/** Shown in the legend under the chart. */
	legend: string;
}

export interface ReportRow {
	id: DimensionId;
	name: string;
	/** One per series, formatted for the locale ("6,5" or "niet ingevuld"). */
	cells: string[];
	/** Said under the name of the focus dimension; null on other rows. */
	focusText: string | null;
}

export interface ReportModel {
	locale: Locale;
	direction: 'ltr' | 'rtl';
	/** `spinnenweb-YYYY-MM-DD.pdf`, the day of the web. */
	fileName: string;
	title: string;
	dateLine: string;
	chart: {
		title: string;
		axisLabels: Record<DimensionId, string>;
		/** The current web first, an earlier one (dashed) second. */
		series: ReportSeries[];
		focus: DimensionId | null;
	};
	table: {
		caption: string;
		dimensionHeader: string;
		columns: string[];
		rows: ReportRow[];
	};
	sections: ReportSection[];
	/** The one line on every page: a conversation tool, not a measurement, not an official tool. */
	note: string;
	/** Page label with `{page}` and `{total}` left in, filled in by the renderer. */
	pageLabel: string;
}

/**
 * What the renderer draws: a ReportModel, or another document made of the same pieces (the warm
 * handover), which may have sections before the web and no web at all.
 */
export interface PdfDocument extends Omit<ReportModel, 'chart' | 'table' | 'sections'> {
	/** Sections between the title and the web. */
	lead?: PdfSection[];
	chart: ReportModel['chart'] | null;
	table: ReportModel['table'] | null;
	sections: PdfSection[];
}

export interface PdfSection {
	id: string;
	title: string;
	blocks: ReportBlock[];
}

/** The day a web is "of": when it was finished, or begun if it never was. */
export function webDay(web: Pick<Web, 'completedAt' | 'createdAt'>): number {
	return web.completedAt ?? web.createdAt;
}

export function reportFileName(web: Pick<Web, 'completedAt' | 'createdAt'>): string {
	return `spinnenweb-${dayOf(webDay(web))}.pdf`;
}

/** The flagged aspects in the order of the web, each with its dimension. */
export function talkAboutItems(web: Web, set: QuestionSet, locale: Locale): string[] {
	return set.dimensions.flatMap((dimension) =>
		dimension.aspectIds
			.filter((aspectId) => web.talkAbout.includes(aspectKey(dimension.id, aspectId)))
			.map(
				(aspectId) =>
					`${aspectLabel(set.id, dimension.id, aspectId, locale)} (${dimensionName(dimension.id, locale)})`
			)
	);
}

const NOTE_QUESTIONS: readonly [NoteField, (locale: Locale) => string][] = [
	['standsOut', (locale) => m.reflect_q_stands_out({}, { locale })],
	['energy', (locale) => m.reflect_q_energy({}, { locale })],
	['mattersNow', (locale) => m.reflect_q_matters_now({}, { locale })],
	['wish', (locale) => m.reflect_q_wish({}, { locale })]
];

/**
 * Which parts have something to show, so the share screen offers only those. A part without
 * content is left out of the document whatever is chosen.
 */
export function availableParts(input: ReportInput): Record<ReportPart, boolean> {
	const { web, reflection, earlier } = input;
	return {
		focus: reflection?.focus != null,
		step:
			noteText(reflection, 'step') !== '' ||
			noteText(reflection, 'help') !== '' ||
			reflection?.stepDate != null,
		talkAbout: web.talkAbout.length > 0,
		notes: NOTE_QUESTIONS.some(([field]) => noteText(reflection, field) !== ''),
		earlier: earlier !== undefined
	};
}

export function buildReportModel(input: ReportInput, choices: ReportChoices): ReportModel {
	const { web, set, reflection, earlier, locale } = input;
	const has = availableParts(input);
	const isIn = (part: ReportPart) => has[part] && choices[part];
	const number = new Intl.NumberFormat(locale, {
		minimumFractionDigits: 1,
		maximumFractionDigits: 1
	});

	const series: ReportSeries[] = [
		{
			id: web.id,
			label: m.pdf_series_now({ date: formatDate(webDay(web), locale) }, { locale }),
			legend: m.pdf_series_now({ date: formatDate(webDay(web), locale) }, { locale }),
			scores: dimensionScores(set, web.answers, web.dimensionAnswers),
			variant: 'current'
		}
	];
	if (earlier && isIn('earlier')) {
		const date = formatDate(webDay(earlier.web), locale);
		series.push({
			id: earlier.web.id,
			label: m.pdf_series_earlier({ date }, { locale }),
			legend: m.pdf_series_earlier_legend({ date }, { locale }),
			scores: dimensionScores(earlier.set, earlier.web.answers, earlier.web.dimensionAnswers),
			variant: 'earlier'
		});
	}

	const shownWebs = earlier && isIn('earlier') ? [web, earlier.web] : [web];
	const isAnyScoredWhole = shownWebs.some((w) => Object.keys(w.dimensionAnswers).length > 0);

	const focus = isIn('focus') && reflection?.focus ? reflection.focus : null;
	const focusId = focus?.dimensionId ?? null;
	const focusText = focus ? focusRowText(focus, set, locale) : null;
	const empty = m.pdf_empty({}, { locale });
	const rows: ReportRow[] = DIMENSION_IDS.map((id) => ({
		id,
		name: dimensionName(id, locale),
		cells: series.map((s) => {
			const score = s.scores[id];
			return score === null ? empty : number.format(score);
		}),
		focusText: id === focusId ? focusText : null
	}));

	const sections: ReportSection[] = [];
	if (focus) {
		sections.push({
			id: 'focus',
			title: m.pdf_focus_title({}, { locale }),
			blocks: [{ kind: 'text', text: focusName(focus, set, locale), isStrong: true }]
		});
	}
	if (isIn('step')) {
		const step = noteText(reflection, 'step');
		const blocks: ReportBlock[] = [];
		if (step !== '') blocks.push({ kind: 'text', text: step, isStrong: true });
		if (reflection?.stepDate) {
			const date = formatDay(reflection.stepDate, locale);
			blocks.push({ kind: 'text', text: m.pdf_step_when({ date }, { locale }) });
		}
		if (blocks.length > 0) {
			sections.push({ id: 'step', title: m.pdf_step_title({}, { locale }), blocks });
		}
		const help = noteText(reflection, 'help');
		if (help !== '') {
			sections.push({
				id: 'help',
				title: m.pdf_help_title({}, { locale }),
				blocks: [{ kind: 'text', text: help }]
			});
		}
	}
	if (isIn('talkAbout')) {
		sections.push({
			id: 'talkAbout',
			title: m.pdf_talk_title({}, { locale }),
			blocks: [{ kind: 'list', items: talkAboutItems(web, set, locale) }]
		});
	}
	if (isIn('notes')) {
		sections.push({
			id: 'notes',
			title: m.pdf_notes_title({}, { locale }),
			blocks: NOTE_QUESTIONS.filter(([field]) => noteText(reflection, field) !== '').map(
				([field, question]) => ({
					kind: 'qa' as const,
					question: question(locale),
					answer: noteText(reflection, field)
				})
			)
		});
	}

	return {
		locale,
		direction: textDirection(locale),
		fileName: reportFileName(web),
		title: m.pdf_title({}, { locale }),
		dateLine: m.pdf_date({ date: formatDate(webDay(web), locale) }, { locale }),
		chart: {
			title: m.pdf_chart_title({}, { locale }),
			axisLabels: dimensionNames(locale),
			series,
			focus: focusId
		},
		table: {
			// "The average of my answers" is not true of a part scored as a whole (simple mode).
			caption: isAnyScoredWhole
				? m.pdf_scores_caption_whole({}, { locale })
				: m.pdf_scores_caption({}, { locale }),
			dimensionHeader: m.pdf_dimension_header({}, { locale }),
			columns: series.map((s) => s.label),
			rows
		},
		sections,
		note: m.pdf_note({}, { locale }),
		pageLabel: m.pdf_page({ page: '{page}', total: '{total}' }, { locale })
	};
}
