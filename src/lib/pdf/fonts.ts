/**
 * The one seam through which the PDF gets its fonts. jsPDF's built-in fonts are Latin-1 only and
 * not embedded, so every text in the PDF is set in an embedded subset font: one file per script
 * and weight, listed in fonts/scripts.json and made by scripts/subset-fonts.js. A new language
 * with a new script adds an entry there and a line in SCRIPT_OF_LOCALE; the renderer only needs
 * to know the direction (render-pdf.ts mirrors the page for right-to-left).
 *
 * The files are loaded only when a PDF is made (their URLs live in this lazily loaded module), so
 * they never weigh on the first load; as build assets they are precached for offline use.
 */
import { LRI, PDI } from '$lib/content/isolate';
import fontList from './fonts/scripts.json';
import latinBoldUrl from './fonts/NotoSans-latin-bold.ttf?url';
import latinNormalUrl from './fonts/NotoSans-latin-normal.ttf?url';
import arabicBoldUrl from './fonts/NotoSansArabic-arabic-bold.ttf?url';
import arabicNormalUrl from './fonts/NotoSansArabic-arabic-normal.ttf?url';

export type Script = keyof typeof fontList.scripts;
export type FontStyle = 'normal' | 'bold';

export interface FontFiles {
	normal: Uint8Array;
	bold: Uint8Array;
}

/** Gives the bytes of a script's fonts; the app fetches its own assets, tests read the files. */
export type FontLoader = (script: Script) => Promise<FontFiles>;

export interface PdfFont {
	/** The family name the renderer sets with `doc.setFont(family, style)`. */
	family: string;
	files: FontFiles;
	/** Whether the subset has a glyph for this code point. */
	covers: (codePoint: number) => boolean;
}

const SCRIPT_OF_LOCALE: Readonly<Record<string, Script>> = {
	nl: 'latin',
	en: 'latin',
	pl: 'latin',
	tr: 'latin',
	// Noto Sans has Cyrillic too: one file with both is smaller than a second one that would
	// repeat the Latin letters for names, numbers and any untranslated text.
	uk: 'latin',
	ar: 'arabic'
};

const FONT_URLS: Readonly<Record<Script, Readonly<Record<FontStyle, string>>>> = {
	latin: { normal: latinNormalUrl, bold: latinBoldUrl },
	arabic: { normal: arabicNormalUrl, bold: arabicBoldUrl }
};

export function scriptForLocale(locale: string): Script {
	return SCRIPT_OF_LOCALE[locale.split('-')[0] ?? locale] ?? 'latin';
}

export function fontFileName(script: Script, style: FontStyle): string {
	return `${fontList.scripts[script].family}-${script}-${style}.ttf`;
}

/** The code points a script's subset was cut to: the same list the subset script used. */
export function coverageOf(script: Script): (codePoint: number) => boolean {
	const ranges = fontList.scripts[script].ranges.map(
		([from = '0', to = '0']) => [parseInt(from, 16), parseInt(to, 16)] as const
	);
	return (codePoint) => ranges.some(([from, to]) => codePoint >= from && codePoint <= to);
}

async function fetchBytes(url: string): Promise<Uint8Array> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`Font ${url} could not be loaded (${response.status})`);
	return new Uint8Array(await response.arrayBuffer());
}

/** The app's loader: the subset files as built assets, from the cache when offline. */
export const loadBundledFonts: FontLoader = async (script) => {
	const urls = FONT_URLS[script];
	const [normal, bold] = await Promise.all([fetchBytes(urls.normal), fetchBytes(urls.bold)]);
	return { normal, bold };
};

export async function loadPdfFont(
	locale: string,
	loader: FontLoader = loadBundledFonts
): Promise<PdfFont> {
	const script = scriptForLocale(locale);
	return {
		family: `${fontList.scripts[script].family}-${script}`,
		files: await loader(script),
		covers: coverageOf(script)
	};
}

// Emoji and their joiners, skin tones and variation selectors: the subset has no pictures.
const PICTOGRAPHIC = /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0e|\ufe0f)$/u;

/**
 * Text the font can show: emoji left out, any other character without a glyph (another script
 * than the document's) shown as its plain form when the font has that (ĳ as "ij"), else as "?" rather than as an empty box or nothing at all, so the reader
 * still sees that something was written there.
 */
/** A letter the font lacks but whose plain form it has, such as Dutch ĳ as "ij" in Arabic. */
function isCoveredCompatibility(char: string, covers: (codePoint: number) => boolean): boolean {
	const plain = char.normalize('NFKC');
	return plain !== char && [...plain].every((c) => covers(c.codePointAt(0) ?? 0));
}

export function toFontText(text: string, covers: (codePoint: number) => boolean): string {
	let result = '';
	for (const char of text) {
		const code = char.codePointAt(0) ?? 0;
		// Isolate marks are read by the bidi pass and never drawn (render-pdf strips them).
		if (char === '\n' || char === LRI || char === PDI || covers(code)) result += char;
		else if (PICTOGRAPHIC.test(char)) continue;
		else if (isCoveredCompatibility(char, covers)) result += char.normalize('NFKC');
		else if (/\s/u.test(char)) result += ' ';
		else result += '?';
	}
	return result.replace(/ {2,}/g, ' ');
}
