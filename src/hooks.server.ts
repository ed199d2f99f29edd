// The server's start, its every response and its stop.
import { building } from '$app/environment';
import { env } from '$env/dynamic/private';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { startServerContext, stopServerContext } from '$lib/server/context';
import { loggable } from '$lib/server/http/errors';
import { dashboardLocale } from '$lib/server/dashboard/locale';
import { textDirection } from '$lib/content/locale';
import { API_CSP, SECURITY_HEADERS } from '../security-headers.js';

/**
 * Opens the database (and applies its migrations) before the server takes its first request.
 * Prerendering at build time runs this module too; it needs no database.
 */
export const init: ServerInit = async () => {
	if (building) return;
	await startServerContext(env);
	// adapter-node (and scripts/start.js) emit this on SIGTERM/SIGINT once the last request is
	// answered: PGlite must be closed cleanly, or its write-ahead log may not replay.
	process.once('sveltekit:shutdown', () => {
		stopServerContext().catch((error: unknown) => {
			console.error(`Closing the database failed: ${loggable(error)}`);
			process.exitCode = 1;
		});
	});
};

function isDashboard(pathname: string): boolean {
	return pathname === '/dashboard' || pathname.startsWith('/dashboard/');
}

export const handle: Handle = async ({ event, resolve }) => {
	const dashboard = isDashboard(event.url.pathname);
	const locale = dashboard
		? dashboardLocale(event.url, event.request.headers.get('accept-language'))
		: undefined;
	const response = await resolve(
		event,
		locale
			? {
					// src/app.html says Dutch; the dashboard is rendered in the coordinator's language.
					transformPageChunk: ({ html }) =>
						html.replace(
							'<html lang="nl" dir="ltr">',
							`<html lang="${locale}" dir="${textDirection(locale)}">`
						)
				}
			: undefined
	);
	// The figures are behind a session: no browser or proxy keeps a copy.
	if (dashboard) response.headers.set('cache-control', 'no-store');
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
		response.headers.set(name, value);
	}
	// Pages SvelteKit renders carry its own policy with its script hashes; everything else (the
	// API's JSON) gets one that allows nothing.
	if (!response.headers.has('content-security-policy')) {
		response.headers.set('content-security-policy', API_CSP);
	}
	return response;
};

/** An unexpected error: logged with its stack, answered with nothing of our internals. */
export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status >= 500)
		console.error(`Error on ${event.request.method} ${event.url.pathname}:`, error);
	return { message: status === 404 ? 'Not found' : 'Something went wrong on the server.' };
};
