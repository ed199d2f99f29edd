// The security headers of every response, in one place for the three that send them:
// svelte.config.js (kit.csp: SvelteKit hashes its own inline scripts into pages it renders and
// prerenders), src/hooks.server.ts (responses SvelteKit makes: the API, pages rendered on request)
// and scripts/start.js (the Node server in front, for files adapter-node serves without
// SvelteKit: prerendered pages, the app's code, icons, the service worker).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** @param {string} text */
export function sha256Source(text) {
	return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/**
 * The inline scripts of an HTML page (those without src), as CSP hash sources.
 * @param {string} html
 * @returns {string[]}
 */
export function inlineScriptHashes(html) {
	const hashes = [];
	for (const match of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
		const attributes = match[1] ?? '';
		if (/\ssrc\s*=/i.test(attributes)) continue;
		hashes.push(sha256Source(match[2] ?? ''));
	}
	return hashes;
}

/**
 * src/app.html carries one inline script of its own (the first paint's language, before the
 * app's code arrives). SvelteKit hashes only the scripts it writes, so ours is hashed here.
 * @param {string} [appHtmlPath]
 */
export function appHtmlScriptHashes(appHtmlPath = 'src/app.html') {
	return inlineScriptHashes(readFileSync(appHtmlPath, 'utf8'));
}

/**
 * The pages' policy: our own origin only, no third party at all, no inline script but the hashed
 * ones. Styles may be inline: the start page's CSS is inlined for the first paint, and Svelte
 * sets style attributes; styles cannot run code.
 * @param {readonly string[]} scriptHashes
 * @returns {Record<string, string[]>}
 */
export function cspDirectives(scriptHashes) {
	return {
		'default-src': ['self'],
		'script-src': ['self', ...scriptHashes],
		'style-src': ['self', 'unsafe-inline'],
		'img-src': ['self', 'data:', 'blob:'],
		'font-src': ['self'],
		'connect-src': ['self'],
		'worker-src': ['self'],
		'manifest-src': ['self'],
		'object-src': ['none'],
		'base-uri': ['self'],
		'form-action': ['self'],
		'frame-ancestors': ['none']
	};
}

const KEYWORDS = new Set(['self', 'none', 'unsafe-inline', 'unsafe-eval', 'strict-dynamic']);

/**
 * A directives object as a header value (keywords and hashes quoted, as SvelteKit does).
 * @param {Record<string, readonly string[]>} directives
 */
export function cspHeader(directives) {
	return Object.entries(directives)
		.map(([name, sources]) => {
			const quoted = sources.map((source) =>
				KEYWORDS.has(source) || /^sha(256|384|512)-/.test(source) ? `'${source}'` : source
			);
			return [name, ...quoted].join(' ');
		})
		.join('; ');
}

/** JSON answers need nothing at all: no script, no style, no frame. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/**
 * Features the app uses, allowed for itself: the camera (scanning a team's QR code); every other
 * powerful feature is off. Sharing the PDF (web-share) is allowed for the page itself by default
 * and is not named: Chromium on Linux does not know the name, and an unknown name is a console
 * error on every page. Only names Chromium knows belong here.
 */
export const PERMISSIONS_POLICY = [
	'camera=(self)',
	'accelerometer=()',
	'autoplay=()',
	'display-capture=()',
	'encrypted-media=()',
	'fullscreen=()',
	'geolocation=()',
	'gyroscope=()',
	'hid=()',
	'magnetometer=()',
	'microphone=()',
	'midi=()',
	'payment=()',
	'picture-in-picture=()',
	'publickey-credentials-get=()',
	'screen-wake-lock=()',
	'serial=()',
	'usb=()',
	'xr-spatial-tracking=()'
].join(', ');

/** Every header but the CSP, which differs between pages and JSON. */
export const SECURITY_HEADERS = {
	'referrer-policy': 'no-referrer',
	'x-content-type-options': 'nosniff',
	'permissions-policy': PERMISSIONS_POLICY,
	'x-frame-options': 'DENY',
	'cross-origin-opener-policy': 'same-origin',
	'cross-origin-resource-policy': 'same-origin'
};
