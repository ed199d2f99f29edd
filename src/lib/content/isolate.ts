export const LRI = '\u2066';
export const PDI = '\u2069';
const ISOLATE_MARKS = /[\u2066\u2069]/gu;
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;

/**
 * A value that reads left to right as a whole inside any line, also a right-to-left one: a phone
 * number, an e-mail address, an address or opening hours from a Dutch sociale kaart. Browsers
 * honour the marks; the PDF's bidi pass (pdf/bidi.ts) does too.
 */
export function ltrIsolate(value: string): string {
	// A value with right-to-left letters of its own is left to the bidi rules as it is.
	return value === '' || RTL_LETTER.test(value) ? value : `${LRI}${value}${PDI}`;
}

/** The text without isolate marks, for a line drawn left to right as it is. */
export function withoutIsolates(text: string): string {
	return text.replace(ISOLATE_MARKS, '');
}
