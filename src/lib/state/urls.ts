import { resolve } from '$app/paths';

/**
 * The app's addresses, all through resolve() so the app also works under a base path. Routes are prerendered shells (they work offline), so which web to show
 * travels in the query string rather than in a path segment.
 */
export function fillUrl(webId: string, dimensionIndex?: number, step?: SimpleStep): string {
	const params = new URLSearchParams({ web: webId });
	if (dimensionIndex !== undefined) params.set('deel', String(dimensionIndex + 1));
	if (dimensionIndex !== undefined && step !== undefined && step.kind !== 'intro') {
		params.set('vraag', step.kind === 'whole' ? WHOLE_PARAM : String(step.aspectIndex + 1));
	}
	return `${resolve('/invullen')}?${params}`;
}

/**
 * A screen within a dimension in simple mode: its introduction, one aspect, or the whole
 * dimension at once. In the address as `vraag` (absent, 1–n, or `heel`).
 */
export type SimpleStep =
	{ kind: 'intro' } | { kind: 'aspect'; aspectIndex: number } | { kind: 'whole' };

const WHOLE_PARAM = 'heel';

/** The `vraag` parameter as a step, or null when absent or out of range. */
export function parseSimpleStep(value: string | null, aspectCount: number): SimpleStep | null {
	if (value === WHOLE_PARAM) return { kind: 'whole' };
	const index = parseDimensionParam(value, aspectCount);
	return index === null ? null : { kind: 'aspect', aspectIndex: index };
}

export function resultUrl(webId: string, compareWithId?: string | null): string {
	const params = new URLSearchParams({ web: webId });
	if (compareWithId) params.set('met', compareWithId);
	return `${resolve('/resultaat')}?${params}`;
}

export const HISTORY_URL = resolve('/geschiedenis');
export const SETTINGS_URL = resolve('/instellingen');
export const ACCESSIBILITY_URL = resolve('/toegankelijkheid');
export const START_URL = resolve('/');

/** The `deel` parameter (1–6) as a dimension index, or null when absent or out of range. */
export function parseDimensionParam(value: string | null, dimensionCount: number): number | null {
	if (value === null || !/^\d+$/.test(value)) return null;
	const index = Number(value) - 1;
	return index >= 0 && index < dimensionCount ? index : null;
}

/** The guided reflection on a web; `stap` (1–3) is the phase, so back and forward work. */
export function reflectUrl(webId: string, step?: number): string {
	const params = new URLSearchParams({ web: webId });
	if (step !== undefined) params.set('stap', String(step));
	return `${resolve('/reflectie')}?${params}`;
}

/** The share screen: choose what goes into the PDF, then share or download it. */
export function shareUrl(webId: string): string {
	return `${resolve('/delen')}?${new URLSearchParams({ web: webId })}`;
}

/**
 * Where the fill-in screens (DimensionStep, SimpleDimensionStep) lead: a dimension's screen,
 * the end, and back before the first. The person's own web uses the personal routes; a
 * conversation's web is filled in on the professional's screens or in hand-over mode.
 */
export interface FillRoutes {
	step(dimensionIndex: number, step?: SimpleStep): string;
	done(): string;
	exit(): string;
}

export function personalFillRoutes(webId: string): FillRoutes {
	return {
		step: (dimensionIndex, step) => fillUrl(webId, dimensionIndex, step),
		done: () => resultUrl(webId),
		exit: () => START_URL
	};
}

/** The professional side: people first, those due to look again on top. */
export const CONVERSATIONS_URL = resolve('/gesprekken');

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
