import type { Voorziening } from '$lib/domain/voorziening';
import { ltrIsolate } from './isolate';
import { m } from '$lib/paraglide/messages.js';
import { getLocale, type Locale } from '$lib/paraglide/runtime.js';

/** "Brinkstraat 4" and "1234 AB Brinkveen": the address as it is written on an envelope. */
export function addressLines(v: Pick<Voorziening, 'street' | 'postcode' | 'place'>): string[] {
	return [v.street, [v.postcode, v.place].filter(Boolean).join(' ')].filter(Boolean);
}

/** The `tel:` link for a number as written ("0570-700 101"): digits and a leading plus only. */
export function telHref(phone: string): string {
	return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/**
 * A voorziening's contact details as lines of text, in one language: for an agreement in the PDF
 * and anywhere a plain list reads better than links. Empty fields are left out.
 */
export function contactLines(v: Voorziening, locale: Locale = getLocale()): string[] {
	const address = addressLines(v).join(', ');
	// Numbers, addresses, links and opening hours read left to right as a whole, also in an Arabic line: without
	// the isolate the bidi rules turn "0570 700 101" into "101 700 0570".
	const lines: [string, string][] = [
		[m.kaart_field_phone({}, { locale }), ltrIsolate(v.phone)],
		[m.kaart_field_email({}, { locale }), ltrIsolate(v.email)],
		[m.kaart_field_website({}, { locale }), ltrIsolate(v.website)],
		[m.kaart_address_heading({}, { locale }), ltrIsolate(address)],
		[m.kaart_field_opening_hours({}, { locale }), ltrIsolate(v.openingHours)]
	];
	return lines.filter(([, value]) => value !== '').map(([label, value]) => `${label}: ${value}`);
}

/** "Buurthuis De Brink (Welzijn Oost)": the name with who offers it. */
export function voorzieningTitle(v: Pick<Voorziening, 'name' | 'organisation'>): string {
	return v.organisation ? `${v.name} (${v.organisation})` : v.name;
}
