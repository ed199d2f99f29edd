import { getLocale, type Locale } from './locale';

/**
 * A wait in words, in the person's language ("8 seconden", "2 minuten"), rounded up so the
 * countdown never says zero while a try is still refused. Intl knows each language's plurals.
 */
export function waitInWords(ms: number, locale: Locale = getLocale()): string {
	const seconds = Math.max(1, Math.ceil(ms / 1000));
	if (seconds < 120) return unitInWords(seconds, 'second', locale);
	return unitInWords(Math.ceil(seconds / 60), 'minute', locale);
}

/** "5 minuten", "5 دقائق": the auto-lock's choices. */
export function minutesInWords(minutes: number, locale: Locale = getLocale()): string {
	return unitInWords(minutes, 'minute', locale);
}

function unitInWords(value: number, unit: 'second' | 'minute', locale: Locale): string {
	return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}
