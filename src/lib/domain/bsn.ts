/**
 * A burgerservicenummer (BSN) must never be stored with a person's records on the tablet
 * (DESIGN.md §5): anything a professional types is checked for one first.
 *
 * A BSN is nine digits that pass the elfproef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11
 * (and the number is not all zeros). People write it as one run ("123456782") or in groups
 * ("123 456 782", "1234.56.782", "123-456-782"), so a single space, dot or dash may sit between
 * digits. Only nine digits that stand on their own count: the ninth must end a group of digits,
 * and the first must start one. So a ten-digit phone number ("0612345678") is not taken for a
 * BSN, while a BSN typed right after another number ("06 12345678 123456782") still is.
 */

const DIGIT = /[0-9]/;

/** What may stand between two digit groups of one number: one space, dot or dash of any kind. */
const SEPARATOR = /[ \u00a0\u202f.\-\u2010\u2011\u2012\u2013]/;

const BSN_LENGTH = 9;

/** The elfproef on exactly nine digits (as a string of '0'–'9'). */
export function passesElfproef(digits: string): boolean {
	if (!/^[0-9]{9}$/.test(digits) || /^0+$/.test(digits)) return false;
	let sum = 0;
	for (let i = 0; i < BSN_LENGTH - 1; i++) sum += (BSN_LENGTH - i) * Number(digits[i]);
	sum -= Number(digits[BSN_LENGTH - 1]);
	return sum % 11 === 0;
}

function isDigit(char: string | undefined): boolean {
	return char !== undefined && DIGIT.test(char);
}

function isSeparator(char: string | undefined): boolean {
	return char !== undefined && SEPARATOR.test(char);
}

/**
 * The nine digits starting at `start` (a digit that begins a group), read across single
 * separators, or null when there are not nine or the ninth does not end its group.
 */
function nineDigitsFrom(text: string, start: number): string | null {
	let digits = '';
	let i = start;
	while (i < text.length && digits.length < BSN_LENGTH) {
		const char = text[i];
		if (isDigit(char)) {
			digits += char;
			i++;
		} else if (isSeparator(char) && isDigit(text[i + 1]) && digits.length > 0) {
			i++;
		} else break;
	}
	if (digits.length < BSN_LENGTH) return null;
	// The number goes on: these nine are the start of something longer, not a BSN.
	return isDigit(text[i]) ? null : digits;
}

/** The first BSN in the text, as its nine digits, or null when there is none. */
export function findBsn(text: string): string | null {
	for (let i = 0; i < text.length; i++) {
		if (!isDigit(text[i]) || isDigit(text[i - 1])) continue;
		const digits = nineDigitsFrom(text, i);
		if (digits !== null && passesElfproef(digits)) return digits;
	}
	return null;
}

export function containsBsn(text: string): boolean {
	return findBsn(text) !== null;
}
