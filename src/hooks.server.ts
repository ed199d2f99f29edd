// The server's start, its every response and its stop.
import { building } from '$app/environment';
import { env } from '$env/dynamic/private';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { handleCompression } from '$lib/server/compress-page';
import { handleLanguage } from '$lib/server/page-language';
import { startServerContext, stopServerContext } from '$lib/server/context';
import { loggable } from '$lib/server/http/errors';
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

const handleSecurityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	// The dashboard's figures are behind a session: no browser or proxy keeps a copy.
	if (isDashboard(event.url.pathname)) response.headers.set('cache-control', 'no-store');
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
		response.headers.set(name, value);
	}
	// Pages SvelteKit renders carry its own policy with its script hashes; everything else (the
	// API's JSON) gets one that allows nothing.
	// A 304 carries none: its headers would replace those of the browser's stored page (see
	// scripts/start.js).
	if (response.status !== 304 && !response.headers.has('content-security-policy')) {
		response.headers.set('content-security-policy', API_CSP);
	}
	return response;
};

// Outermost first: every response gets the headers; a page is drawn in the request's language,
// then compressed.
export const handle = sequence(handleSecurityHeaders, handleCompression, handleLanguage);

/** An unexpected error: logged with its stack, answered with nothing of our internals. */
export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status >= 500)
		console.error(`Error on ${event.request.method} ${event.url.pathname}:`, error);
	return { message: status === 404 ? 'Not found' : 'Something went wrong on the server.' };
};
