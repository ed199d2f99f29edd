import { baseLocale, toLocale, type Locale } from '$lib/paraglide/runtime.js';

/**
 * The language choice as an address: `?lang=ar` on any page. The language links use it, so a
 * choice works with no script at all: the server draws the start page in that language, the
 * service worker serves its copy in that language, and the small script in app.html stores the
 * choice on the device before the app's code runs.
 */
export const LANGUAGE_PARAM = 'lang';

/**
 * The language a page is shown in: the one asked for in the address, else the one chosen on this
 * device before, else the first of the browser's languages the app has (as a whole tag, then its
 * first part: `nl-BE` finds `nl`), else Dutch. The script in app.html decides the same way
 * (first-paint-language.spec.ts holds the two together).
 */
export function chooseLocale(
	asked: string | null | undefined,
	stored: string | null | undefined,
	languages: readonly string[]
): Locale {
	const direct = toLocale(asked) ?? toLocale(stored);
	if (direct) return direct;
	for (const language of languages) {
		const found = toLocale(language) ?? toLocale(language.split('-')[0]);
		if (found) return found;
	}
	return baseLocale;
}
