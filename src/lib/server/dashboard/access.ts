// Who may see the dashboard: a current session whose key is not revoked, looked up on every
// request (sessions.ts). And where its forms may come from: SvelteKit's own origin check is off
// for the whole app (svelte.config.js: the API answers cross-site requests with its JSON errors),
// so the dashboard checks the Origin of its posts itself. The SameSite=Strict cookie already keeps
// other sites' posts from acting for a signed-in coordinator; this check also keeps them from
// signing someone in with a key of theirs.
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { jsonResponse } from '../http/errors';
import { serverContext, type ServerContext } from '../context';
import { sessionOf, type CoordinatorSession } from '../teams/sessions';
import { sessionCookie } from './session-cookie';

export interface DashboardAccess {
	readonly context: ServerContext;
	readonly session: CoordinatorSession | undefined;
}

export async function dashboardAccess(event: {
	cookies: Cookies;
	url: URL;
}): Promise<DashboardAccess> {
	const context = await serverContext();
	const session = await sessionOf(context.db, sessionCookie(event.cookies, event.url));
	return { context, session };
}

/**
 * A post made by a page of this site. Browsers say so in Sec-Fetch-Site, whatever the referrer
 * policy (ours is no-referrer, under which a form's Origin is "null"). A client that sends no
 * Sec-Fetch-Site must name this host in Origin. The scheme is left out: without ORIGIN or
 * PROTOCOL_HEADER, adapter-node takes every request for https (so the cookie is Secure), while a
 * client on plain http says http.
 */
export function isSameOrigin(event: RequestEvent): boolean {
	const site = event.request.headers.get('sec-fetch-site');
	if (site !== null) return site === 'same-origin';
	const origin = event.request.headers.get('origin');
	if (!origin || origin === 'null') return false;
	try {
		return new URL(origin).host === event.url.host;
	} catch {
		return false;
	}
}

/** The dashboard's address with only the language kept, for redirects. */
export function dashboardPath(path: string, url: URL, extra: Record<string, string> = {}): string {
	const params = new URLSearchParams(extra);
	const lang = url.searchParams.get('lang');
	if (lang) params.set('lang', lang);
	const query = params.toString();
	return query ? `${path}?${query}` : path;
}

/** What the dashboard's files (CSV, JSON) answer without a session. */
export function signInFirst(): Response {
	return jsonResponse(401, {
		error: { code: 'unauthorized', message: 'Sign in to the dashboard first.' }
	});
}
