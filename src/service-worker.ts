/// <reference types="@sveltejs/kit" />

// The app after one visit, with no network at all: every page shell, every route's code, the
// question sets and texts (they are in the code), the icons and the manifest.
//
// Strategy: cache-first for everything precached, pages included. One version is cached whole at
// install (or the install fails and the old version stays), so a page and the code it loads always
// come from the same build, and a poor connection never makes a page wait for a network timeout.
// Network-first for pages would mix a new page with the old worker's code and stall on bad Wi-Fi.
// New versions arrive through the update flow instead: the browser finds a changed worker, it
// installs beside this one and waits; the page offers "Vernieuwen", and only then does it take over.
//
// The start page is not a prerendered file: the server draws it in the visitor's language. The
// worker caches a copy per language at install and answers with the one asked for (`?lang=`), else
// the one the person chose (the page tells the worker, see app.html), else the phone's language.
//
// Nothing else is cached at run time, so nothing the server says (the API under /api) is ever kept.

import { build, files, prerendered, version, base } from '$service-worker';
import { chooseLocale, LANGUAGE_PARAM } from '$lib/content/page-language';
import { locales, toLocale } from '$lib/paraglide/runtime.js';
import { routeNavigation, startPageCopy } from '$lib/pwa/navigation-route';

const worker = self as unknown as ServiceWorkerGlobalScope;

const CACHE_PREFIX = 'spinnenweb-';
const CACHE = `${CACHE_PREFIX}${version}`;
/** The person's language choice, kept across versions (it is not part of one). */
const SETTINGS_CACHE = `${CACHE_PREFIX}settings`;
const LANGUAGE_KEY = `${base}/.spinnenweb-language`;

/** Build output has content hashes in its names; pages and static files do not. */
const PRECACHED = new Set([...build, ...files, ...prerendered]);
const START_COPIES = locales.map((locale) => startPageCopy(base, locale));
const UNHASHED = [...files, ...prerendered, ...START_COPIES];

worker.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			// Unhashed files bypass the HTTP cache so a new version never precaches an old copy.
			await cache.addAll([
				...build,
				...UNHASHED.map((url) => new Request(url, { cache: 'reload' }))
			]);
		})()
	);
	// No skipWaiting() here: a new version waits until the person chooses "Vernieuwen".
});

worker.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) {
				const isOld = key !== CACHE && key !== SETTINGS_CACHE && key.startsWith(CACHE_PREFIX);
				if (isOld) await caches.delete(key);
			}
			// Take the open pages at once: on a first visit, so it works offline from now on; after
			// an update, because the page asked for it and reloads on `controlling`.
			await worker.clients.claim();
		})()
	);
});

worker.addEventListener('message', (event: ExtendableMessageEvent) => {
	// workbox-window's messageSkipWaiting() sends this when the person chose "Vernieuwen".
	if (messageType(event.data) === 'SKIP_WAITING') void worker.skipWaiting();
	// The page's first script: the person's language, which the start page it got was not in.
	if (messageType(event.data) === 'LANGUAGE') {
		const locale = toLocale((event.data as { locale?: unknown }).locale);
		if (locale) event.waitUntil(rememberLanguage(locale));
	}
});

function messageType(data: unknown): unknown {
	return typeof data === 'object' && data !== null && 'type' in data ? data.type : undefined;
}

worker.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== worker.location.origin) return;

	if (request.mode === 'navigate') {
		const route = routeNavigation(url.pathname, prerendered, base);
		if (route.strategy === 'start') event.respondWith(startPage(url, request, event));
		else if (route.strategy === 'cache') event.respondWith(fromCache(route.page, request));
		else if (route.strategy === 'network') event.respondWith(networkOr(route.fallback, request));
		return;
	}
	if (PRECACHED.has(url.pathname)) event.respondWith(fromCache(url.pathname, request));
});

/** The cached copy; the network only if the cache lost it (a browser may evict caches). */
async function fromCache(key: string, request: Request): Promise<Response> {
	const cached = await caches.match(key, { cacheName: CACHE });
	return cached ?? fetch(request);
}

/** The start page in the person's language; a language asked for in the address is remembered. */
async function startPage(url: URL, request: Request, event: FetchEvent): Promise<Response> {
	const asked = toLocale(url.searchParams.get(LANGUAGE_PARAM));
	if (asked) event.waitUntil(rememberLanguage(asked));
	const locale = chooseLocale(asked, await rememberedLanguage(), worker.navigator.languages);
	return fromCache(startPageCopy(base, locale), request);
}

async function rememberedLanguage(): Promise<string | null> {
	const stored = await caches.match(LANGUAGE_KEY, { cacheName: SETTINGS_CACHE });
	return stored ? stored.text() : null;
}

async function rememberLanguage(locale: string): Promise<void> {
	if ((await rememberedLanguage()) === locale) return;
	const cache = await caches.open(SETTINGS_CACHE);
	await cache.put(LANGUAGE_KEY, new Response(locale));
}

/** An unknown page: the server decides; offline, an empty shell, whose router says "not found". */
async function networkOr(fallback: string, request: Request): Promise<Response> {
	try {
		return await fetch(request);
	} catch (error) {
		const cached = await caches.match(fallback, { cacheName: CACHE });
		if (cached) return cached;
		throw error;
	}
}
