import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { locales } from '$lib/paraglide/runtime.js';

/**
 * The app promises never to grade anyone: a web is how someone sees their life today. The words
 * each language must not use live with the translators' glossaries, in
 * docs/translations/grade-words.json; this spec holds every message of every locale to them.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MESSAGES_DIR = join(ROOT, 'messages');
const GRADE_WORDS_PATH = join(ROOT, 'docs/translations/grade-words.json');

const GradeWordSchema = z.object({
	match: z.enum(['word', 'stem', 'part']),
	text: z.string().min(2),
	means: z.string().min(1)
});
const AllowedSchema = z.object({
	key: z.string().min(1),
	text: z.string().min(2),
	why: z.string().min(1)
});
const GradeWordsFileSchema = z.object({
	about: z.string(),
	locales: z.record(
		z.string(),
		z.object({ words: z.array(GradeWordSchema).min(1), allowed: z.array(AllowedSchema) })
	)
});
type GradeWord = z.infer<typeof GradeWordSchema>;

const gradeWords = GradeWordsFileSchema.parse(
	JSON.parse(readFileSync(GRADE_WORDS_PATH, 'utf8'))
).locales;

/** `\b` and `\w` know only ASCII letters; Polish, Ukrainian, Arabic and Turkish need these. */
const LETTER = '[\\p{L}\\p{M}]';
const NOT_AFTER_LETTER = `(?<!${LETTER})`;
const NOT_BEFORE_LETTER = `(?!${LETTER})`;

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function pattern(word: GradeWord): RegExp {
	const text = escape(word.text.normalize('NFC'));
	switch (word.match) {
		case 'word':
			return new RegExp(`${NOT_AFTER_LETTER}${text}${NOT_BEFORE_LETTER}`, 'gu');
		case 'stem':
			return new RegExp(`${NOT_AFTER_LETTER}${text}${LETTER}*`, 'gu');
		case 'part':
			return new RegExp(`${LETTER}*${text}${LETTER}*`, 'gu');
	}
}

/** Lower case by the language's own rules (Turkish İ → i), with `{parameters}` left out. */
function prepare(text: string, locale: string): string {
	const language = new Intl.Locale(locale).language;
	return text
		.replace(/\{[^}]*\}/g, ' ')
		.normalize('NFC')
		.toLocaleLowerCase(language);
}

/** The words of `text` that a listed grade word matches, each with the entry that caught it. */
function gradeWordsIn(
	text: string,
	locale: string,
	words: readonly GradeWord[]
): { word: GradeWord; found: string }[] {
	const prepared = prepare(text, locale);
	return words.flatMap((word) =>
		[...prepared.matchAll(pattern(word))].map((m) => ({ word, found: m[0] }))
	);
}

interface Message {
	file: string;
	key: string;
	text: string;
}

function jsonFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return jsonFiles(path);
		return entry.isFile() && entry.name.endsWith('.json') ? [path] : [];
	});
}

/** Every message a locale shows, from every folder under messages/. */
function messagesOf(locale: string): Message[] {
	return jsonFiles(MESSAGES_DIR)
		.filter((path) => path.endsWith(`/${locale}.json`))
		.flatMap((path) => {
			const json = z.record(z.string(), z.string()).parse(JSON.parse(readFileSync(path, 'utf8')));
			const file = relative(ROOT, path);
			return Object.entries(json)
				.filter(([key]) => key !== '$schema')
				.map(([key, text]) => ({ file, key, text }));
		});
}

describe('the grade-word lists', () => {
	it('cover exactly the locales the app offers', () => {
		expect(Object.keys(gradeWords).sort()).toEqual([...locales].sort());
	});

	it('allow a word only where one of the listed words is', () => {
		const unknown = Object.entries(gradeWords).flatMap(([locale, list]) =>
			list.allowed
				.filter((a) => !list.words.some((w) => w.text === a.text))
				.map((a) => `${locale} ${a.key}: ${a.text}`)
		);
		expect(unknown).toEqual([]);
	});

	// The matching itself: if these go wrong, the scan below proves nothing.
	it.each([
		{ locale: 'pl', text: 'Moje oceny w pajęczynie', found: ['oceny'] },
		{ locale: 'pl', text: 'Ocenę wystawia nauczyciel', found: ['ocenę'] },
		{ locale: 'pl', text: 'Warto docenić małe kroki', found: [] },
		{ locale: 'uk', text: 'Мої оцінки в павутині', found: ['оцінки'] },
		{ locale: 'uk', text: 'Баланс і рівновага', found: [] },
		{ locale: 'ar', text: 'شبكتك ودرجاتك موجودة فيه', found: ['ودرجاتك'] },
		{ locale: 'ar', text: 'أرقامي لكل جزء', found: [] },
		{ locale: 'tr', text: 'Örümcek ağındaki puanlarım', found: ['puanlarım'] },
		{ locale: 'tr', text: 'NOTUN ne?', found: ['notun'] },
		{ locale: 'tr', text: 'Örümcek ağındaki sayılarım', found: [] },
		{ locale: 'en', text: 'My Grades and a mark', found: ['grades', 'mark'] },
		{ locale: 'en', text: 'You will see it marked, gradually', found: [] },
		{
			locale: 'nl',
			text: 'Dit is geen beoordeling en niets is slecht',
			found: ['beoordeling', 'slecht']
		},
		{ locale: 'nl', text: 'Een {score} uit je cijfers', found: [] }
	])('finds $found in $text ($locale)', ({ locale, text, found }) => {
		const list = gradeWords[locale];
		expect(list, locale).toBeDefined();
		if (!list) return;
		expect(gradeWordsIn(text, locale, list.words).map((h) => h.found)).toEqual(found);
	});
});

describe.each([...locales])('messages in %s', (locale) => {
	const list = gradeWords[locale];
	const messages = messagesOf(locale);

	it('are all read', () => {
		expect(messages.length).toBeGreaterThan(100);
	});

	it('never use a grade word', () => {
		expect(list, `docs/translations/grade-words.json has no list for ${locale}`).toBeDefined();
		if (!list) return;
		const hits = messages.flatMap(({ file, key, text }) =>
			gradeWordsIn(text, locale, list.words)
				.filter(({ word }) => !list.allowed.some((a) => a.key === key && a.text === word.text))
				.map(({ word, found }) => `${file} ${key}: "${found}" (${word.match} ${word.text})`)
		);
		expect(hits).toEqual([]);
	});

	it('still need every word they are allowed', () => {
		if (!list) return;
		const stale = list.allowed
			.filter(
				(a) =>
					!messages.some(
						({ key, text }) =>
							key === a.key &&
							gradeWordsIn(text, locale, list.words).some(({ word }) => word.text === a.text)
					)
			)
			.map((a) => `${a.key}: ${a.text}`);
		expect(stale).toEqual([]);
	});
});
