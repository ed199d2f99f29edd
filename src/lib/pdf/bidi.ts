/**
 * One line of right-to-left text in visual order (left to right, as jsPDF places glyphs). jsPDF
 * shapes Arabic itself (letters to their joined Presentation Forms-B) but its own bidi pass
 * treats every line as left-to-right, so a Latin name or a date in brackets inside an Arabic line
 * lands on the wrong side. This is the small part of the Unicode bidi algorithm our texts need,
 * for a right-to-left paragraph: strong letters, numbers kept left to right, neutrals (spaces,
 * punctuation) taking the direction of their neighbours, brackets resolved as a pair and mirrored.
 * One explicit mark is understood: a left-to-right isolate (U+2066 … U+2069, `ltrIsolate`) around
 * a phone number or an address, which the algorithm itself would otherwise turn around group by
 * group ("0570 700 101" read as "101 700 0570"). The marks are not drawn.
 */

import { LRI, PDI } from '$lib/content/isolate';

type Kind = 'R' | 'L' | 'N';

const ARABIC = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;
const DIGIT = /[0-9\u0660-\u0669\u06f0-\u06f9]/u;
const LETTER = /\p{L}|\p{M}/u;
/** Separators that stay inside a number: 6,5 · 3.5 · 12:30 · 2026-04-15 · 1/2. */
const NUMBER_SEPARATOR = /[.,:/\u066b\u066c-]/u;
const MIRROR: Readonly<Record<string, string>> = {
	'(': ')',
	')': '(',
	'[': ']',
	']': '[',
	'{': '}',
	'}': '{',
	'<': '>',
	'>': '<',
	'«': '»',
	'»': '«',
	'‹': '›',
	'›': '‹'
};
const OPENING = '([{';
const CLOSING = ')]}';

function kindOf(chars: string[], i: number): Kind {
	const char = chars[i] ?? '';
	if (ARABIC.test(char) && !DIGIT.test(char)) return 'R';
	// Numbers read left to right inside right-to-left text; for the neutrals around them they
	// count as right-to-left (rule N1 of the algorithm), which the caller handles.
	if (DIGIT.test(char)) return 'L';
	if (
		NUMBER_SEPARATOR.test(char) &&
		DIGIT.test(chars[i - 1] ?? '') &&
		DIGIT.test(chars[i + 1] ?? '')
	)
		return 'L';
	return LETTER.test(char) ? 'L' : 'N';
}

/** The strong direction of a character for its neighbours: numbers count as right-to-left. */
function contextOf(chars: string[], kinds: Kind[], i: number, isolated: boolean[]): Kind {
	// An isolate counts for its neighbours as a number does: right to left in this paragraph.
	if (isolated[i]) return 'R';
	const kind = kinds[i] ?? 'N';
	if (kind === 'L' && !LETTER.test(chars[i] ?? '')) return 'R';
	return kind;
}

export function visualRtl(text: string): string {
	const chars: string[] = [];
	const isolated: boolean[] = [];
	let depth = 0;
	for (const char of text) {
		if (char === LRI) depth++;
		else if (char === PDI) depth = Math.max(0, depth - 1);
		else {
			chars.push(char);
			isolated.push(depth > 0);
		}
	}
	const kinds = chars.map((_, i): Kind => (isolated[i] ? 'L' : kindOf(chars, i)));
	const resolved: Kind[] = [...kinds];

	// Brackets as a pair: both take the direction of what they enclose when that is all
	// left-to-right and what comes before the pair is left-to-right too; else right-to-left.
	const stack: number[] = [];
	for (let i = 0; i < chars.length; i++) {
		const char = chars[i] ?? '';
		if (isolated[i]) continue;
		if (OPENING.includes(char)) stack.push(i);
		else if (CLOSING.includes(char)) {
			const open = stack.pop();
			if (open === undefined) continue;
			const inside = kinds
				.slice(open + 1, i)
				.map((_, k) => contextOf(chars, kinds, open + 1 + k, isolated));
			let before: Kind = 'R';
			for (let k = open - 1; k >= 0; k--) {
				const context = contextOf(chars, kinds, k, isolated);
				if (context !== 'N') {
					before = context;
					break;
				}
			}
			const pair: Kind =
				inside.includes('R') || !inside.includes('L') ? 'R' : before === 'L' ? 'L' : 'R';
			resolved[open] = pair;
			resolved[i] = pair;
		}
	}

	// Other neutrals: the direction of the strong characters on both sides when they agree,
	// else the paragraph's (right to left).
	for (let i = 0; i < chars.length; i++) {
		if (resolved[i] !== 'N') continue;
		let end = i;
		while (end < chars.length && resolved[end] === 'N') end++;
		const strongAt = (k: number): Kind =>
			kinds[k] === 'N' ? (resolved[k] ?? 'R') : contextOf(chars, kinds, k, isolated);
		const before = i > 0 ? strongAt(i - 1) : 'R';
		const after = end < chars.length ? strongAt(end) : 'R';
		const kind: Kind = before === after ? before : 'R';
		for (let k = i; k < end; k++) resolved[k] = kind;
		i = end - 1;
	}

	// Levels: 1 for right to left, 2 for left to right inside it. Reverse every run at level 2,
	// then the whole line; mirror the brackets that stay right to left.
	const out = chars.map((char, i) => (resolved[i] === 'R' ? (MIRROR[char] ?? char) : char));
	const result: string[] = [];
	let run: string[] = [];
	for (let i = 0; i < out.length; i++) {
		if (resolved[i] === 'L') run.push(out[i] ?? '');
		else {
			result.push(...run.reverse(), out[i] ?? '');
			run = [];
		}
	}
	result.push(...run.reverse());
	return result.reverse().join('');
}

/** Whether a text has any right-to-left letter at all. */
export function hasRtl(text: string): boolean {
	return ARABIC.test(text);
}
