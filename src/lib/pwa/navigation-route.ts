import { LANGUAGE_PARAM } from '$lib/content/page-language';

/**
 * How the service worker answers a page navigation. Pure, so it is tested without a worker.
 *
 * Every route but the start page is a prerendered shell and reads what to show from the query
 * string (`/resultaat?web=…`), so the query never changes which page answers: `/resultaat` does.
 * The start page is drawn by the server in a language; the worker keeps a copy per language
 * (startPageCopy) and answers with the one the person's language asks for.
 */
export type NavigationRoute =
	/** The start page: answer from the cached copy in the person's language. */
	| { strategy: 'start' }
	/** A precached page: answer from the cache (the network only if the cache lost it). */
	| { strategy: 'cache'; page: string }
	/** Not a page we know: ask the network; offline, an empty shell (its router shows "not found"). */
	| { strategy: 'network'; fallback: string }
	/** Not ours to answer (the API, or outside the app): leave it to the browser. */
	| { strategy: 'bypass' };

/**
 * A page prerendered as an empty shell (`ssr = false`), whose router reads the address: offline it
 * answers an unknown address with the app's "not found". The start page will not do: it comes
 * with its content, and would show itself at any address.
 */
export const SHELL_PAGE = '/geschiedenis';

/**
 * Navigations under these paths (after the base) always go to the network, never to a cached page:
 * the API, and the coordinator's dashboard, which the server renders behind a session.
 */
export const BYPASS_PREFIXES = ['/api', '/dashboard'] as const;

function hasPrefix(path: string, prefix: string): boolean {
	return path === prefix || path.startsWith(`${prefix}/`);
}

/** `/invullen/` and `/invullen` are the same page; the root stays `/`. */
function withoutTrailingSlash(path: string): string {
	const trimmed = path.replace(/\/+$/, '');
	return trimmed === '' ? '/' : trimmed;
}

/**
 * @param pathname the navigation's pathname (no query), as the browser sent it
 * @param pages the precached prerendered pathnames (`prerendered` from `$service-worker`)
 * @param base the app's base path, `''` at the root of a host
 */
export function routeNavigation(
	pathname: string,
	pages: readonly string[],
	base: string
): NavigationRoute {
	if (base !== '' && !hasPrefix(pathname, base)) return { strategy: 'bypass' };
	const inApp = withoutTrailingSlash(pathname.slice(base.length) || '/');
	if (BYPASS_PREFIXES.some((prefix) => hasPrefix(inApp, prefix))) return { strategy: 'bypass' };

	const known = new Map(
		pages.map((page) => [withoutTrailingSlash(page.slice(base.length) || '/'), page])
	);
	if (inApp === '/') return { strategy: 'start' };
	const page = known.get(inApp);
	if (page !== undefined) return { strategy: 'cache', page };
	return { strategy: 'network', fallback: known.get(SHELL_PAGE) ?? `${base}${SHELL_PAGE}` };
}

/** The address of the start page's copy in one language, as the worker caches and serves it. */
export function startPageCopy(base: string, locale: string): string {
	// The root page is the base itself (no trailing slash, which SvelteKit would redirect).
	return `${base || '/'}?${new URLSearchParams({ [LANGUAGE_PARAM]: locale })}`;
}
