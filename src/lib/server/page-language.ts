import { AsyncLocalStorage } from 'node:async_hooks';
import type { Handle } from '@sveltejs/kit';
import { LANGUAGE_PARAM } from '$lib/content/page-language';
import {
	baseLocale,
	extractLocaleFromHeader,
	getTextDirection,
	overwriteServerAsyncLocalStorage,
	toLocale,
	type Locale
} from '$lib/paraglide/runtime.js';

/**
 * The language the server draws a page in: the one asked for in the address (`?lang=`, the
 * language links), else the browser's (Accept-Language), else Dutch. Only the start page is drawn
 * per request (every other page is an empty prerendered shell), so a phone in any language sees
 * the start page at once, in its own language, before the app's code arrives. A choice stored on
 * the device is not sent to the server; where it differs, the script in app.html waits for the
 * app to draw the page in it.
 */
export function requestLocale(request: Request): Locale {
	const asked = toLocale(new URL(request.url).searchParams.get(LANGUAGE_PARAM));
	return asked ?? extractLocaleFromHeader(request) ?? baseLocale;
}

/** Paraglide reads the locale of the request it is drawing from here. */
const requestStore = new AsyncLocalStorage<{
	locale?: Locale;
	origin?: string;
	messageCalls?: Set<string>;
}>();
overwriteServerAsyncLocalStorage(requestStore);

/** Draws the page in the request's language, `<html lang dir>` included. */
export const handleLanguage: Handle = async ({ event, resolve }) => {
	const locale = requestLocale(event.request);
	const dir = getTextDirection(locale) === 'rtl' ? 'rtl' : 'ltr';
	const response = await requestStore.run(
		{ locale, origin: event.url.origin, messageCalls: new Set<string>() },
		() =>
			resolve(event, {
				transformPageChunk: ({ html }) =>
					html.replace('%paraglide.lang%', locale).replace('%paraglide.dir%', dir)
			})
	);
	// The start page differs by language: caches must keep one copy per language.
	if (response.headers.get('content-type')?.startsWith('text/html')) {
		response.headers.append('vary', 'Accept-Language');
	}
	return response;
};
