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
