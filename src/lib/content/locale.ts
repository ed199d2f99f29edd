import { getLocale, getTextDirection, locales, type Locale } from '$lib/paraglide/runtime.js';

/** Each language named in its own words, so a person finds theirs without reading ours. */
export const LOCALE_NAMES: Record<Locale, string> = {
	nl: 'Nederlands',
	'nl-x-simple': 'Eenvoudig Nederlands',
	en: 'English',
	ar: 'العربية',
	tr: 'Türkçe',
	pl: 'Polski',
	uk: 'Українська'
};

export { getLocale, locales, type Locale };

export function textDirection(locale: Locale = getLocale()): 'ltr' | 'rtl' {
	return getTextDirection(locale) === 'rtl' ? 'rtl' : 'ltr';
}

/** A calendar date in the person's language, e.g. "23 november 2026". */
export function formatDate(epochMs: number, locale: Locale = getLocale()): string {
	return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(epochMs);
}

/** A short date for lists and legends, e.g. "23 nov 2026". */
export function formatShortDate(epochMs: number, locale: Locale = getLocale()): string {
	return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(epochMs);
}

/** Date and time, to tell apart webs of the same day, e.g. "23 nov 2026, 14:05". */
export function formatDateTime(epochMs: number, locale: Locale = getLocale()): string {
	return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
		epochMs
	);
}

/**
 * A `YYYY-MM-DD` day (as `<input type="date">` gives it) as a long date, read as that calendar
 * day wherever the device is: noon local time, so no time zone moves it to another day.
 */
export function formatDay(day: string, locale: Locale = getLocale()): string {
	const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
	return formatDate(new Date(year, month - 1, date, 12).getTime(), locale);
}
