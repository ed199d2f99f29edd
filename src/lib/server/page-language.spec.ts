import { describe, expect, it } from 'vitest';
import { requestLocale } from './page-language';

function request(path: string, acceptLanguage?: string): Request {
	const headers = acceptLanguage ? { 'accept-language': acceptLanguage } : undefined;
	return new Request(`http://localhost${path}`, { headers });
}

describe('the language the server draws the start page in', () => {
	it.each([
		['a Dutch browser', '/', 'nl-NL,nl;q=0.9,en;q=0.8', 'nl'],
		['an English browser (as headless Chromium sends it)', '/', 'en-US,en;q=0.9', 'en'],
		['an Arabic browser', '/', 'ar-MA,ar;q=0.9', 'ar'],
		['Ukrainian preferred by weight, not by order', '/', 'de;q=0.5,uk;q=0.9', 'uk'],
		['no language the app has', '/', 'de-DE,fr;q=0.8', 'nl'],
		['no header at all (prerendering)', '/', undefined, 'nl'],
		['a language asked for in the address', '/?lang=ar', 'en-US,en;q=0.9', 'ar'],
		['simple Dutch asked for', '/?lang=nl-x-simple', 'nl-NL', 'nl-x-simple'],
		['an unknown language asked for', '/?lang=xx', 'tr-TR', 'tr']
	])('%s', (_, path, acceptLanguage, expected) => {
		expect(requestLocale(request(path, acceptLanguage))).toBe(expected);
	});
});
