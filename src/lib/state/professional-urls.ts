import { resolve } from '$app/paths';
import { WHOLE_PARAM, type FillRoutes, type SimpleStep } from './urls';

/**
 * The professional side's addresses, apart from urls.ts so the start page (the phone's first
 * load) carries none of them. Which person or conversation travels in the query string, as
 * everywhere in the app: the routes are prerendered shells.
 */

/** The tablet's backup: everything on the device, made and restored on the professional side. */
export const PROFESSIONAL_BACKUP_URL = resolve('/gesprekken/back-up');

export function personUrl(clientId: string): string {
	return `${resolve('/gesprekken/persoon')}?${new URLSearchParams({ id: clientId })}`;
}

/** The steps of a conversation, in the address as `stap`, so back and forward work. */
export const CONVERSATION_STEPS = [
	'terugblik',
	'web',
	'invullen',
	'overzicht',
	'inzicht',
	'uitzicht'
] as const;
export type ConversationStep = (typeof CONVERSATION_STEPS)[number];

export function parseConversationStep(value: string | null): ConversationStep | null {
	return (CONVERSATION_STEPS as readonly (string | null)[]).includes(value)
		? (value as ConversationStep)
		: null;
}

export function conversationUrl(
	conversationId: string,
	step?: ConversationStep,
	dimensionIndex?: number,
	simpleStep?: SimpleStep
): string {
	const params = new URLSearchParams({ id: conversationId });
	if (step) params.set('stap', step);
	addFillParams(params, dimensionIndex, simpleStep);
	return `${resolve('/gesprekken/gesprek')}?${params}`;
}

/** Filling in together: the professional's screens, back to the web step at the end. */
export function togetherFillRoutes(conversationId: string): FillRoutes {
	return {
		step: (dimensionIndex, step) =>
			conversationUrl(conversationId, 'invullen', dimensionIndex, step),
		done: () => conversationUrl(conversationId, 'overzicht'),
		exit: () => conversationUrl(conversationId, 'web')
	};
}

export const HAND_OVER_URL = resolve('/gesprekken/overdracht');

/** Hand-over mode's screens; which web is in the mode's record, not in the address. */
export function handOverUrl(
	screen: 'welkom' | 'invullen' | 'klaar' = 'welkom',
	dimensionIndex?: number,
	simpleStep?: SimpleStep
): string {
	const params = new URLSearchParams({ scherm: screen });
	addFillParams(params, dimensionIndex, simpleStep);
	return `${HAND_OVER_URL}?${params}`;
}

export const handOverFillRoutes: FillRoutes = {
	step: (dimensionIndex, step) => handOverUrl('invullen', dimensionIndex, step),
	done: () => handOverUrl('klaar'),
	exit: () => handOverUrl('welkom')
};

function addFillParams(
	params: URLSearchParams,
	dimensionIndex: number | undefined,
	step: SimpleStep | undefined
): void {
	if (dimensionIndex !== undefined) params.set('deel', String(dimensionIndex + 1));
	if (dimensionIndex !== undefined && step !== undefined && step.kind !== 'intro') {
		params.set('vraag', step.kind === 'whole' ? WHOLE_PARAM : String(step.aspectIndex + 1));
	}
}

/** The warm handover of a conversation: the form and its PDF. */
export function warmHandoverUrl(conversationId: string): string {
	return `${resolve('/gesprekken/warme-overdracht')}?${new URLSearchParams({ gesprek: conversationId })}`;
}
