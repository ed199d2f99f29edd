// The dashboard's session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's
// page or form sends it), Secure whenever the dashboard is served over HTTPS, path /dashboard only,
// and with the __Host- prefix there, so no subdomain can set or shadow it.
import type { Cookies } from '@sveltejs/kit';
import { SESSION_HOURS } from '../teams/sessions';

export function sessionCookieName(url: URL): string {
	return url.protocol === 'https:' ? '__Host-spinnenweb-dashboard' : 'spinnenweb-dashboard';
}

export function setSessionCookie(cookies: Cookies, url: URL, sessionId: string): void {
	const isHttps = url.protocol === 'https:';
	cookies.set(sessionCookieName(url), sessionId, {
		httpOnly: true,
		sameSite: 'strict',
		secure: isHttps,
		// __Host- cookies must have path /; over plain HTTP the cookie keeps to the dashboard.
		path: isHttps ? '/' : '/dashboard',
		maxAge: SESSION_HOURS * 3600
	});
}

export function sessionCookie(cookies: Cookies, url: URL): string | undefined {
	return cookies.get(sessionCookieName(url));
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
	const isHttps = url.protocol === 'https:';
	cookies.delete(sessionCookieName(url), {
		httpOnly: true,
		sameSite: 'strict',
		secure: isHttps,
		path: isHttps ? '/' : '/dashboard'
	});
}
