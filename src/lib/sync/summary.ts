// What a summary holds, made from a web and its reflection: the protocol's fields and nothing
// else. Pure functions, so a property test can feed them any web with any notes.
import { findQuestionSet } from '$lib/domain/question-set';
import type { Reflection } from '$lib/domain/reflection';
import { dimensionScores } from '$lib/domain/scoring';
import type { Web } from '$lib/domain/web';
import { SummarySchema, type SUMMARY_CONTEXTS, type Summary } from './protocol';
import { OutboxItemSchema, type Consent, type OutboxItem } from './records';

export type SummaryContext = (typeof SUMMARY_CONTEXTS)[number];

/**
 * How long a completed web waits for its focus at most: the focus is chosen after completion, in
 * the reflection. Leaving the web's screens makes it ready sooner (README, "The focus").
 */
export const FOCUS_WAIT_MS = 60 * 60 * 1000;

/**
 * `conversation` for a web that belongs to a client of the professional side (it carries the
 * client's id), `self` for the person's own. Takes any record, so it holds before and after the
 * professional side adds `clientId` to the web's schema.
 */
export function summaryContext(web: object): SummaryContext {
	const clientId = 'clientId' in web ? web.clientId : undefined;
	return typeof clientId === 'string' && clientId !== '' ? 'conversation' : 'self';
}

/** The calendar day of a time on this device, as YYYY-MM-DD: the day the person finished. */
export function localDay(time: number): string {
	const date = new Date(time);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The outbox item for a web completed at `completedAt`, with a new random summary uuid. */
export function newOutboxItem(
	webId: string,
	completedAt: number,
	uuid: string = crypto.randomUUID()
): OutboxItem {
	return OutboxItemSchema.parse({
		uuid,
		webId,
		completedAt,
		readyAt: completedAt + FOCUS_WAIT_MS,
		setAside: null
	} satisfies OutboxItem);
}

/**
 * The summary of a completed web as it is sent, or null when there is none to make (the web is
 * not finished, or its question set is unknown to this app version). The scores are computed
 * from the web the way the app shows them; the focus is the reflection's dimension (an aspect
 * focus counts as its dimension); area and age band come from the consent, and only when the
 * person filled them in. Nothing else is read: no notes, labels, flags or aspect answers.
 * Parsed with the protocol's strict schema before it is returned, so a bug throws here instead
 * of leaving the device.
 */
export function buildSummary(
	uuid: string,
	web: Web & { readonly clientId?: string | null },
	reflection: Pick<Reflection, 'focus'> | undefined,
	consent: Pick<Consent, 'area' | 'ageBand'>
): Summary | null {
	const set = findQuestionSet(web.questionSetId);
	if (!set || web.completedAt === null) return null;
	const summary: Summary = {
		uuid,
		questionSetId: web.questionSetId,
		day: localDay(web.completedAt),
		scores: dimensionScores(set, web.answers, web.dimensionAnswers),
		focus: reflection?.focus?.dimensionId ?? null,
		context: summaryContext(web)
	};
	if (consent.area !== undefined) summary.area = consent.area;
	if (consent.ageBand !== undefined) summary.ageBand = consent.ageBand;
	return SummarySchema.parse(summary);
}
