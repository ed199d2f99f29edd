import { resolve } from '$app/paths';
import { LANGUAGE_PARAM } from '$lib/content/page-language';

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

export const WHOLE_PARAM = 'heel';

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

/**
 * Where "Begin" goes: the fill page, asked to make a new web (NEW_WEB_PARAM). A plain address, so
 * the start page's form works before the app's code has arrived; the fill page makes the web and
 * puts the web's own address in its place.
 */
export const NEW_WEB_URL = resolve('/invullen');
export const NEW_WEB_PARAM = 'nieuw';

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
 * The current page in another language: the same address with `lang` set. Followed as a plain
 * link (with a reload), so it works before the app's code has run; see LANGUAGE_PARAM.
 */
export function languageUrl(current: URL, locale: string): string {
	const params = new URLSearchParams(current.search);
	params.set(LANGUAGE_PARAM, locale);
	return `${current.pathname}?${params}`;
}

/** The phone shows its web as a QR code for a tablet to read. */
export function qrShareUrl(webId: string): string {
	return `${resolve('/delen/qr')}?${new URLSearchParams({ web: webId })}`;
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

/** The professional side (its other addresses are in professional-urls.ts, off the first load). */
export const CONVERSATIONS_URL = resolve('/gesprekken');

/** The sociale kaart, on the professional side. Which voorziening travels in the query string. */
export const SOCIAL_MAP_URL = resolve('/gesprekken/sociale-kaart');
export const SOCIAL_MAP_IMPORT_URL = resolve('/gesprekken/sociale-kaart/importeren');

export function voorzieningUrl(id: string): string {
	return `${resolve('/gesprekken/sociale-kaart/voorziening')}?${new URLSearchParams({ id })}`;
}

/** The form: for a new voorziening without an id. */
export function editVoorzieningUrl(id?: string): string {
	const base = resolve('/gesprekken/sociale-kaart/bewerken');
	return id === undefined ? base : `${base}?${new URLSearchParams({ id })}`;
}

/** The screens that show one web (its id in `web`): filling in, result, reflection, sharing. */
const WEB_SCREENS: readonly string[] = [
	resolve('/invullen'),
	resolve('/resultaat'),
	resolve('/reflectie'),
	resolve('/delen')
];

/** The id of the web a screen shows, or null for a screen that shows no single web. */
export function webIdOfScreen(url: URL): string | null {
	const path = url.pathname.replace(/(.)\/+$/, '$1');
	return WEB_SCREENS.includes(path) ? url.searchParams.get('web') : null;
}

/** The consent screen for sharing anonymous summaries (linked from settings and the result). */
export const SYNC_URL = resolve('/anoniem-delen');
