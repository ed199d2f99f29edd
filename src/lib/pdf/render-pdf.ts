/**
 * Turns a ReportModel into an A4 PDF with jsPDF, in the browser, offline. Loaded only when the
 * person asks for a PDF (`import()` in the share screen's click handler).
 *
 * The chart is drawn with jsPDF's own vector operations from the same pure geometry the screen
 * uses (radar-geometry.ts): no SVG round trip, so no svg2pdf.js (≈ 160 KB more to load) and no
 * second idea of where the labels go. Text is set in an embedded subset font (fonts.ts), so it is
 * selectable and machine-readable (jsPDF writes a ToUnicode map) and Dutch letters such as é, ë,
 * ï and ĳ come out right. Black-and-white safe: meaning is carried by text, line weight and dash,
 * never by colour alone.
 *
 * Right to left (Arabic): every x below is written for a left-to-right page and mirrored by the
 * writer (`mx`, `put`), so text starts at the right margin, the table's columns swap sides and
 * the focus bar sits on the right. The chart is not mirrored (it is the same picture as on
 * screen); only its labels are set right to left. jsPDF shapes the letters (Presentation Forms-B
 * from the font); the order of a line is ours (bidi.ts), since jsPDF's own pass reads every line
 * as left to right.
 */
import { GState, jsPDF } from 'jspdf';
import { DIMENSION_COLORS } from '$lib/chart/dimension-colors';
import { AXIS_DOT_RADIUS, radarLayout, radarShape } from '$lib/chart/radar-geometry';
import { hasRtl, visualRtl } from './bidi';
import { withoutIsolates } from '$lib/content/isolate';
import { loadPdfFont, toFontText, type FontLoader, type PdfFont } from './fonts';
import type { PdfDocument, PdfSection, ReportBlock, ReportModel } from './report-model';

export interface RenderOptions {
	/** Where the font files come from; by default the app's own assets. */
	loadFonts?: FontLoader;
	/** The document's creation date; fixed in tests so the output is the same every time. */
	now?: Date;
	/** The PDF's file identifier (32 hex digits); random by default, fixed in tests. */
	fileId?: string;
}

// A4 in points; margins leave room for a punch hole and a printer's edge.
const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN_X = 56;
const MARGIN_TOP = 56;
const FOOTER_TOP = PAGE_HEIGHT - 62;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;
const CHART_WIDTH = 420;
const CHART_FONT_SIZE = 10;

const TEXT = '#1d1f23';
const MUTED = '#4a4f57';
const LINE = '#b5b0a4';
const FILL = '#1f5f8b';

type Style = 'normal' | 'bold';
type Align = 'left' | 'center' | 'right';

const SWAP: Readonly<Record<Align, Align>> = { left: 'right', center: 'center', right: 'left' };
/** Tells jsPDF's own bidi pass to leave a line as it is given (see visualRtl). */
const AS_GIVEN = {
	isInputVisual: true,
	isOutputVisual: true,
	isInputRtl: false,
	isOutputRtl: false
} as const;

/** A path of d3's (`M x,y L x,y … Z`, only straight lines) as lists of points. */
export function pathToPolylines(d: string): { points: [number, number][]; isClosed: boolean }[] {
	const result: { points: [number, number][]; isClosed: boolean }[] = [];
	for (const [, command, args = ''] of d.matchAll(/([MLZ])([^MLZ]*)/g)) {
		if (command === 'Z') {
			const last = result.at(-1);
			if (last) last.isClosed = true;
			continue;
		}
		const [x = 0, y = 0] = args.split(',').map(Number);
		if (command === 'M' || result.length === 0) result.push({ points: [], isClosed: false });
		result.at(-1)?.points.push([x, y]);
	}
	return result;
}

function toBinaryString(bytes: Uint8Array): string {
	let result = '';
	for (let i = 0; i < bytes.length; i += 0x8000) {
		result += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	}
	return result;
}

class PdfWriter {
	readonly doc: jsPDF;
	readonly #font: PdfFont;
	readonly rtl: boolean;
	y = MARGIN_TOP;

	constructor(font: PdfFont, direction: 'ltr' | 'rtl') {
		this.#font = font;
		this.rtl = direction === 'rtl';
		this.doc = new jsPDF({ unit: 'pt', format: 'a4', compress: true, putOnlyUsedFonts: true });
		for (const style of ['normal', 'bold'] as const) {
			const file = `${font.family}-${style}.ttf`;
			this.doc.addFileToVFS(file, toBinaryString(font.files[style]));
			this.doc.addFont(file, font.family, style);
		}
		this.setText(11);
	}

	/** What the font can show of a text (see toFontText). */
	fit(text: string): string {
		return toFontText(text, this.#font.covers);
	}

	/** An x on a left-to-right page, mirrored for a right-to-left one. */
	mx(x: number): number {
		return this.rtl ? PAGE_WIDTH - x : x;
	}

	/**
	 * Text (already fitted and wrapped) at an x and alignment written for a left-to-right page;
	 * right to left, both are mirrored (unless `mirror` is false, for the chart's labels) and each
	 * line is shaped and put in visual order.
	 */
	put(
		text: string | string[],
		x: number,
		y: number,
		align: Align = 'left',
		{ mirror = true }: { mirror?: boolean } = {}
	): void {
		if (!this.rtl) {
			const plain = Array.isArray(text) ? text.map(withoutIsolates) : withoutIsolates(text);
			this.doc.text(plain, x, y, { align });
			return;
		}
		// A line without any Arabic (a name, an answer written in Dutch) keeps its own left-to-right
		// order, as `dir="auto"` would; it is still aligned to the right.
		const lines = (Array.isArray(text) ? text : [text]).map((line) =>
			hasRtl(line) ? visualRtl(this.doc.processArabic(line)) : withoutIsolates(line)
		);
		this.doc.text(lines, mirror ? this.mx(x) : x, y, {
			align: mirror ? SWAP[align] : align,
			...AS_GIVEN
		});
	}

	setText(size: number, style: Style = 'normal', color = TEXT): void {
		this.doc.setFont(this.#font.family, style);
		this.doc.setFontSize(size);
		this.doc.setTextColor(color);
	}

	wrap(text: string, width: number): string[] {
		return this.doc.splitTextToSize(this.fit(text), width) as string[];
	}

	/** Starts a new page when `height` does not fit on this one. */
	ensureSpace(height: number): void {
		if (this.y + height <= FOOTER_TOP - 12) return;
		this.doc.addPage();
		this.y = MARGIN_TOP;
	}

	/** Wrapped lines at the cursor, one page break allowed between lines. */
	paragraph(
		text: string,
		size: number,
		style: Style,
		options: { x?: number; color?: string } = {}
	) {
		const x = options.x ?? MARGIN_X;
		const lineHeight = size * 1.4;
		this.setText(size, style, options.color);
		for (const line of this.wrap(text, MARGIN_X + CONTENT_WIDTH - x)) {
			this.ensureSpace(lineHeight);
			this.put(line, x, this.y + size);
			this.y += lineHeight;
		}
	}

	polygon(d: string, cx: number, cy: number, style: 'S' | 'F'): void {
		for (const { points, isClosed } of pathToPolylines(d)) {
			const [first, ...rest] = points;
			if (!first) continue;
			this.doc.moveTo(cx + first[0], cy + first[1]);
			for (const [x, y] of rest) this.doc.lineTo(cx + x, cy + y);
			if (isClosed) this.doc.close();
			if (style === 'F') this.doc.fill();
			else this.doc.stroke();
		}
	}
}

function drawHeader(w: PdfWriter, model: PdfDocument): void {
	w.setText(22, 'bold');
	w.put(w.fit(model.title), MARGIN_X, w.y + 22);
	w.y += 32;
	w.setText(11, 'normal', MUTED);
	w.put(w.fit(model.dateLine), MARGIN_X, w.y + 11);
	w.y += 24;
}

function drawChart(w: PdfWriter, model: Pick<ReportModel, 'chart'>): void {
	const { doc } = w;
	const layout = radarLayout({
		width: CHART_WIDTH,
		labels: model.chart.axisLabels,
		fontSize: CHART_FONT_SIZE
	});
	const cx = PAGE_WIDTH / 2;
	const cy = w.y - layout.viewBoxRect.y;
	const focus = model.chart.focus;

	doc.setLineDashPattern([], 0);
	doc.setDrawColor(LINE);
	for (const ring of layout.rings) {
		if (!ring.d) continue;
		doc.setLineWidth(ring.value === 10 ? 1.1 : 0.6);
		w.polygon(ring.d, cx, cy, 'S');
	}
	// The ring values just above where each inner ring meets the top axis, clear of the ring lines;
	// the outer ring is 10 and needs no number beside the label there.
	w.setText(7, 'normal', MUTED);
	for (const ring of layout.rings) {
		if (ring.value === 0 || ring.value === 10) continue;
		doc.text(String(ring.value), cx - 3, cy - ring.radius - 1.5, { align: 'right' });
	}

	doc.setLineCap('round');
	for (const axis of layout.axes) {
		const color = DIMENSION_COLORS[axis.id].light;
		const isFocus = axis.id === focus;
		doc.setDrawColor(color);
		doc.setFillColor(color);
		doc.setLineWidth(isFocus ? 3.5 : 1.5);
		doc.line(cx, cy, cx + axis.end.x, cy + axis.end.y);
		doc.circle(
			cx + axis.end.x,
			cy + axis.end.y,
			isFocus ? AXIS_DOT_RADIUS + 1 : AXIS_DOT_RADIUS - 1,
			'F'
		);
	}

	// The earlier web first, so the current one lies on top.
	const ordered = [...model.chart.series].sort((a, b) =>
		a.variant === b.variant ? 0 : a.variant === 'earlier' ? -1 : 1
	);
	doc.setLineJoin('round');
	for (const series of ordered) {
		const shape = radarShape(layout, series.scores);
		if (series.variant === 'current') {
			doc.saveGraphicsState();
			doc.setGState(new GState({ opacity: 0.16 }));
			doc.setFillColor(FILL);
			w.polygon(shape.area, cx, cy, 'F');
			doc.restoreGraphicsState();
			doc.setDrawColor(TEXT);
			doc.setLineWidth(2);
			doc.setLineDashPattern([], 0);
		} else {
			doc.setDrawColor(MUTED);
			doc.setLineWidth(1.5);
			doc.setLineDashPattern([5, 3.5], 0);
		}
		w.polygon(shape.outline, cx, cy, 'S');
		doc.setLineDashPattern([], 0);
		for (const point of shape.points) {
			if (series.variant === 'current') {
				doc.setFillColor(TEXT);
				doc.setDrawColor('#ffffff');
				doc.setLineWidth(1);
				doc.circle(cx + point.x, cy + point.y, 3.2, 'FD');
			} else {
				doc.setFillColor('#ffffff');
				doc.setDrawColor(MUTED);
				doc.setLineWidth(1.2);
				doc.circle(cx + point.x, cy + point.y, 2.6, 'FD');
			}
		}
	}

	const ALIGN = { start: 'left', middle: 'center', end: 'right' } as const;
	for (const label of layout.labels) {
		w.setText(CHART_FONT_SIZE, label.id === focus ? 'bold' : 'normal');
		for (const line of label.lines) {
			w.put(w.fit(line.text), cx + line.x, cy + line.y, ALIGN[label.anchor], { mirror: false });
		}
	}
	w.y += layout.viewBoxRect.height + 6;

	if (model.chart.series.length > 1) {
		for (const series of model.chart.series) {
			const y = w.y + 6;
			const x = MARGIN_X + 40;
			doc.setLineWidth(series.variant === 'current' ? 2 : 1.5);
			doc.setDrawColor(series.variant === 'current' ? TEXT : MUTED);
			doc.setLineDashPattern(series.variant === 'current' ? [] : [5, 3.5], 0);
			doc.line(w.mx(x), y, w.mx(x + 28), y);
			doc.setLineDashPattern([], 0);
			w.setText(10);
			w.put(w.fit(series.legend), x + 36, y + 3.5);
			w.y += 16;
		}
		w.y += 4;
	}
}

function drawTable(w: PdfWriter, model: Pick<ReportModel, 'table'>): void {
	const { doc } = w;
	const { table } = model;
	const numberWidth = table.columns.length > 1 ? 120 : 140;
	const nameWidth = CONTENT_WIDTH - numberWidth * table.columns.length;
	const right = (i: number) => MARGIN_X + nameWidth + numberWidth * (i + 1) - 4;

	w.ensureSpace(24 + 22 + 6 * 22);
	w.paragraph(table.caption, 11, 'bold');
	w.y += 4;

	w.setText(9.5, 'bold', MUTED);
	const headerLines = table.columns.map((c) => w.wrap(c, numberWidth - 10));
	const headerHeight = Math.max(1, ...headerLines.map((l) => l.length)) * 12 + 6;
	w.put(w.fit(table.dimensionHeader), MARGIN_X + 4, w.y + 10);
	headerLines.forEach((lines, i) => w.put(lines, right(i), w.y + 10, 'right'));
	w.y += headerHeight;
	doc.setDrawColor(TEXT);
	doc.setLineWidth(1);
	doc.line(MARGIN_X, w.y, MARGIN_X + CONTENT_WIDTH, w.y);

	for (const row of table.rows) {
		const isFocus = row.focusText !== null;
		w.setText(9, 'normal');
		const focusLines = row.focusText ? w.wrap(row.focusText, nameWidth - 22) : [];
		const height = 22 + focusLines.length * 12;
		w.ensureSpace(height);
		const baseline = w.y + 15;
		doc.setFillColor(DIMENSION_COLORS[row.id].light);
		doc.circle(w.mx(MARGIN_X + 8), baseline - 3.5, 3.5, 'F');
		w.setText(11, isFocus ? 'bold' : 'normal');
		w.put(w.fit(row.name), MARGIN_X + 18, baseline);
		row.cells.forEach((cell, i) => w.put(w.fit(cell), right(i), baseline, 'right'));
		if (focusLines.length > 0) {
			w.setText(9, 'normal', MUTED);
			w.put(focusLines, MARGIN_X + 18, baseline + 12);
			// A bar at the start of the focus row, as on screen; the words say it too.
			doc.setFillColor(TEXT);
			doc.rect(Math.min(w.mx(MARGIN_X - 6), w.mx(MARGIN_X - 3)), w.y + 3, 3, height - 6, 'F');
		}
		w.y += height;
		doc.setDrawColor(LINE);
		doc.setLineWidth(0.5);
		doc.line(MARGIN_X, w.y, MARGIN_X + CONTENT_WIDTH, w.y);
	}
	w.y += 8;
}

function drawBlock(w: PdfWriter, block: ReportBlock): void {
	switch (block.kind) {
		case 'text':
			w.paragraph(block.text, 11, block.isStrong ? 'bold' : 'normal');
			break;
		case 'qa':
			w.ensureSpace(34);
			w.paragraph(block.question, 10, 'normal', { color: MUTED });
			w.paragraph(block.answer, 11, 'normal');
			w.y += 6;
			break;
		case 'list':
			for (const item of block.items) {
				w.ensureSpace(16);
				w.setText(11);
				w.put('•', MARGIN_X + 2, w.y + 11);
				w.paragraph(item, 11, 'normal', { x: MARGIN_X + 14 });
			}
			// A little air before what follows, so the next agreement does not run into this list.
			w.y += 6;
			break;
	}
}

function drawSection(w: PdfWriter, section: PdfSection): void {
	w.y += 14;
	// A heading never stands alone at the foot of a page.
	w.ensureSpace(18 + 32);
	w.paragraph(section.title, 13, 'bold');
	w.y += 2;
	for (const block of section.blocks) drawBlock(w, block);
}

function drawFooters(w: PdfWriter, model: PdfDocument): void {
	const { doc } = w;
	const total = doc.getNumberOfPages();
	for (let page = 1; page <= total; page++) {
		doc.setPage(page);
		doc.setDrawColor(LINE);
		doc.setLineWidth(0.5);
		doc.line(MARGIN_X, FOOTER_TOP, MARGIN_X + CONTENT_WIDTH, FOOTER_TOP);
		const label = model.pageLabel.replace('{page}', String(page)).replace('{total}', String(total));
		w.setText(8.5, 'normal', MUTED);
		const labelWidth = doc.getTextWidth(label) + 16;
		const lines = w.wrap(model.note, CONTENT_WIDTH - labelWidth);
		w.put(lines, MARGIN_X, FOOTER_TOP + 16);
		w.put(w.fit(label), MARGIN_X + CONTENT_WIDTH, FOOTER_TOP + 16, 'right');
	}
}

/**
 * The PDF's bytes for a model. Pure in effect: it reads fonts through the loader and touches
 * nothing else, so a benchmark can call it in the browser as it is.
 */
export async function makeReportPdf(
	model: PdfDocument,
	options: RenderOptions = {}
): Promise<Uint8Array> {
	const font = await loadPdfFont(model.locale, options.loadFonts);
	const w = new PdfWriter(font, model.direction);
	const { doc } = w;
	doc.setProperties({
		title: `${model.title}, ${model.dateLine}`,
		subject: model.note,
		creator: 'Spinnenweb'
	});
	// The PDF's language tag: jsPDF knows plain languages only; Eenvoudig Nederlands is Dutch.
	doc.setLanguage(model.locale === 'nl-x-simple' ? 'nl' : model.locale);
	doc.setCreationDate(options.now ?? new Date());
	if (options.fileId) doc.setFileId(options.fileId);

	drawHeader(w, model);
	for (const section of model.lead ?? []) drawSection(w, section);
	const { chart, table } = model;
	if (chart) {
		if (model.lead?.length) w.y += 14;
		drawChart(w, { chart });
	}
	if (table) drawTable(w, { table });
	for (const section of model.sections) drawSection(w, section);
	drawFooters(w, model);

	return new Uint8Array(doc.output('arraybuffer'));
}
