/**
 * The warm handover's document, as plain data: a conversation, the person's choices and their
 * consent in, document content out. Pure, like report-model.ts, whose web and table it reuses; a
 * part the person left out is not in the model at all, so it cannot reach the PDF.
 */
import { agreementSentence, phaseName } from '$lib/content/conversation-texts';
import { formatDate, textDirection, type Locale } from '$lib/content/locale';
import { contactLines, voorzieningTitle } from '$lib/content/voorziening-contact';
import type { Agreement } from '$lib/domain/agreement';
import { PHASES, type Conversation } from '$lib/domain/conversation';
import { dayOf } from '$lib/domain/reminder';
import type { QuestionSet } from '$lib/domain/question-set';
import type { Voorziening } from '$lib/domain/voorziening';
import type { HandoverConsent } from '$lib/domain/warm-handover';
import type { Web } from '$lib/domain/web';
import { m } from '$lib/paraglide/messages.js';
import { buildReportModel, type PdfDocument, type ReportBlock } from './report-model';

export interface HandoverInput {
	conversation: Conversation;
	pseudonym: string;
	web: Web | undefined;
	set: QuestionSet | undefined;
	/** The agreements made in this conversation, in the order they were made. */
	agreements: readonly Agreement[];
	/** The sociale kaart as it is now; an agreement's voorziening may be gone from it. */
	voorzieningen: ReadonlyMap<string, Voorziening>;
	consent: HandoverConsent;
	reason: string;
	locale: Locale;
}

const NO_PARTS = { focus: false, step: false, talkAbout: false, notes: false, earlier: false };

export function handoverFileName(consent: Pick<HandoverConsent, 'at'>): string {
	return `warme-overdracht-${dayOf(consent.at)}.pdf`;
}

export function consentLine(
	consent: Pick<HandoverConsent, 'at' | 'professionalName'>,
	pseudonym: string,
	locale: Locale
): string {
	return m.overdracht_pdf_consent(
		{
			name: pseudonym,
			date: formatDate(consent.at, locale),
			professional: consent.professionalName
		},
		{ locale }
	);
}

function agreementBlocks(input: HandoverInput): ReportBlock[] {
	const { locale } = input;
	return input.agreements.flatMap((agreement): ReportBlock[] => {
		const blocks: ReportBlock[] = [
			{ kind: 'text', text: agreementSentence(agreement, input.pseudonym, locale), isStrong: true }
		];
		const id = agreement.voorzieningId;
		if (id !== undefined) {
			const v = input.voorzieningen.get(id);
			blocks.push(
				v
					? { kind: 'list', items: [voorzieningTitle(v), ...contactLines(v, locale)] }
					: { kind: 'text', text: m.overdracht_voorziening_gone({}, { locale }) }
			);
		}
		return blocks;
	});
}

export function buildHandoverModel(input: HandoverInput): PdfDocument {
	const { conversation, consent, locale, pseudonym } = input;
	const has = (part: HandoverConsent['parts'][number]) => consent.parts.includes(part);
	const web = has('web') && input.web && input.set ? input.web : undefined;
	const report =
		web && input.set ? buildReportModel({ web, set: input.set, locale }, NO_PARTS) : undefined;

	const lead: PdfDocument['sections'] = [
		{
			id: 'consent',
			title: m.overdracht_pdf_consent_title({}, { locale }),
			blocks: [{ kind: 'text', text: consentLine(consent, pseudonym, locale), isStrong: true }]
		},
		{
			id: 'receiver',
			title: m.overdracht_pdf_receiver_title({}, { locale }),
			blocks: [{ kind: 'text', text: consent.receiver.name }]
		}
	];
	const receiverId = consent.receiver.voorzieningId;
	const receiver = receiverId ? input.voorzieningen.get(receiverId) : undefined;
	if (receiver) lead[1]?.blocks.push({ kind: 'list', items: contactLines(receiver, locale) });
	if (input.reason.trim() !== '') {
		lead.push({
			id: 'reason',
			title: m.overdracht_pdf_reason_title({}, { locale }),
			blocks: [{ kind: 'text', text: input.reason.trim() }]
		});
	}

	const sections: PdfDocument['sections'] = [];
	if (has('words')) {
		const blocks: ReportBlock[] = [];
		if (conversation.wish.trim() !== '') {
			blocks.push({
				kind: 'qa',
				question: m.gesprek_wish_label({}, { locale }),
				answer: conversation.wish.trim()
			});
		}
		if (conversation.firstStep.trim() !== '') {
			blocks.push({
				kind: 'qa',
				question: m.gesprek_first_step_label({}, { locale }),
				answer: conversation.firstStep.trim()
			});
		}
		if (blocks.length > 0) {
			sections.push({
				id: 'words',
				title: m.overdracht_pdf_words_title({ name: pseudonym }, { locale }),
				blocks
			});
		}
	}
	if (has('agreements') && input.agreements.length > 0) {
		sections.push({
			id: 'agreements',
			title: m.overdracht_pdf_agreements_title({}, { locale }),
			blocks: agreementBlocks(input)
		});
	}
	if (has('notes')) {
		const blocks = PHASES.flatMap((phase): ReportBlock[] => {
			const note = conversation.notes[phase]?.trim() ?? '';
			return note === '' ? [] : [{ kind: 'qa', question: phaseName(phase, locale), answer: note }];
		});
		if (blocks.length > 0) {
			sections.push({ id: 'notes', title: m.overdracht_pdf_notes_title({}, { locale }), blocks });
		}
	}

	return {
		locale,
		direction: textDirection(locale),
		fileName: handoverFileName(consent),
		title: m.overdracht_pdf_title({ name: pseudonym }, { locale }),
		dateLine: m.overdracht_pdf_date(
			{ date: formatDate(conversation.createdAt, locale) },
			{ locale }
		),
		lead,
		chart: report?.chart ?? null,
		// The personal PDF's caption speaks as the person ("my numbers"); this one is about them.
		table: report
			? {
					...report.table,
					caption:
						web && Object.keys(web.dimensionAnswers).length > 0
							? m.overdracht_pdf_scores_caption_whole({ name: pseudonym }, { locale })
							: m.overdracht_pdf_scores_caption({ name: pseudonym }, { locale })
				}
			: null,
		sections,
		note: m.overdracht_pdf_note({}, { locale }),
		pageLabel: m.pdf_page({ page: '{page}', total: '{total}' }, { locale })
	};
}
