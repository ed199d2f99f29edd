/**
 * Text measuring without a DOM. The chart lays out its labels in pure code (it runs on every
 * slider move and in tests), so widths are estimated from per-character classes instead of
 * measured. The estimates are deliberately generous, as if the text were bold in a wide system
 * font: a label that is estimated too wide only costs the web a few pixels of radius, a label
 * estimated too narrow could be clipped.
 */

/** Average advance widths in em, rounded up from bold system-ui fonts (Segoe UI, Roboto, SF). */
const NARROW = 0.34; // i j l t f r I ! . , : ; ' | and the space
const WIDE = 0.95; // m w M W
const UPPER = 0.74;
const DIGIT = 0.6;
const OTHER = 0.62; // other Latin lowercase, and scripts such as Arabic, Turkish, Polish
const FULL_WIDTH = 1.0; // CJK and other full-width characters

const NARROW_CHARS = new Set(Array.from("ijltfrI!.,:;'| "));
const WIDE_CHARS = new Set(Array.from('mwMW'));

function charWidthEm(char: string): number {
	if (NARROW_CHARS.has(char)) return NARROW;
	if (WIDE_CHARS.has(char)) return WIDE;
	const code = char.codePointAt(0) ?? 0;
	if (code >= 0x2e80) return FULL_WIDTH;
	if (char >= '0' && char <= '9') return DIGIT;
	if (char !== char.toLowerCase()) return UPPER;
	return OTHER;
}

/** Estimated rendered width of `text` in px at `fontSize` px (never narrower than reality). */
export function estimateTextWidth(text: string, fontSize: number): number {
	let em = 0;
	for (const char of text) em += charWidthEm(char);
	return em * fontSize;
}

/**
 * Splits a label into at most two lines for a label of about `maxChars` characters per line.
 *
 * A label that fits stays on one line. A longer one breaks once, at a space or after a hyphen,
 * at the break that makes the longer of the two lines shortest ("Kwaliteit / van leven" rather
 * than "Kwaliteit van / leven"): balanced lines keep the label compact beside the web. Words are
 * never cut, so a single long word stays whole even past `maxChars`; the layout measures the real
 * lines and gives them room, so nothing is clipped.
 */
export function splitLabel(text: string, maxChars: number): string[] {
	const label = text.trim().replace(/\s+/g, ' ');
	if (label.length <= maxChars) return [label];

	let best: [string, string] | null = null;
	let bestLongest = Infinity;
	for (let i = 1; i < label.length; i++) {
		const char = label[i];
		let first: string;
		let rest: string;
		if (char === ' ') {
			first = label.slice(0, i);
			rest = label.slice(i + 1);
		} else if (char === '-' && i < label.length - 1) {
			first = label.slice(0, i + 1);
			rest = label.slice(i + 1);
		} else {
			continue;
		}
		const longest = Math.max(first.length, rest.length);
		if (longest < bestLongest) {
			best = [first, rest];
			bestLongest = longest;
		}
	}
	return best ?? [label];
}
