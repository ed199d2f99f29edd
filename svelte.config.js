import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { readFileSync } from 'node:fs';
import { appHtmlScriptHashes, cspDirectives } from './security-headers.js';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
// The version's name, e.g. 0.1.0-20261123T185200Z: the package version and when it was built,
// readable on the settings page. Made once per build and handed down through the environment:
// SvelteKit loads this file again in the processes it starts to prerender, and two names in one
// build would break the app. The update test sets its own to tell two builds apart.
process.env.SPINNENWEB_VERSION ||= `${version}-${new Date().toISOString().replace(/[-:]|\.\d+/g, '')}`;

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// SPINNENWEB_BUILD_DIR lets the update test build a second version beside the first.
		adapter: adapter({ out: process.env.SPINNENWEB_BUILD_DIR || 'build' }),
		// …with its own intermediate output, so the main build's manifest (read by the byte-budget
		// test) is not replaced by the second build's.
		outDir: process.env.SPINNENWEB_BUILD_DIR
			? `.svelte-kit-${process.env.SPINNENWEB_BUILD_DIR}`
			: '.svelte-kit',
		// The few KB of CSS go inside the page: no render-blocking request before the first paint.
		inlineStyleThreshold: 6000,
		// Absolute asset URLs: a prerendered shell served at a deep path must still find /_app/.
		paths: { relative: false },
		// Registered by src/lib/pwa/ with workbox-window, after the first render, with an update prompt.
		serviceWorker: { register: false },
		// A Content-Security-Policy on every page: SvelteKit adds the hashes of the scripts it writes
		// (a <meta> in prerendered pages, a header on pages it renders); src/app.html's own inline
		// script is hashed by us. scripts/start.js sends the same policy as a header for the
		// prerendered files, with frame-ancestors, which a <meta> cannot carry.
		csp: { mode: 'hash', directives: cspDirectives(appHtmlScriptHashes()) },
		// The app has no form actions and sets no cookies; the API takes JSON only (415 otherwise) and
		// a bearer token that a cross-site form cannot send. SvelteKit's origin check would answer
		// such a request with a 403 in plain text before the API could give its JSON error.
		csrf: { trustedOrigins: ['*'] },
		// The service worker names its cache by this.
		version: { name: process.env.SPINNENWEB_VERSION }
	}
};

export default config;
