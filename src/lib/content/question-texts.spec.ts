import { describe, expect, it } from 'vitest';
import { DIMENSION_IDS } from '$lib/domain/dimensions';
import { QUESTION_SETS } from '$lib/domain/question-set';
import {
	baseLocale,
	getLocale,
	locales,
	overwriteGetLocale,
	type Locale
} from '$lib/paraglide/runtime.js';
import {
	aspectLabel,
	aspectLabelKey,
	aspectQuestion,
	aspectQuestionKey,
	dimensionIntro,
	dimensionIntroKey,
	dimensionName,
	dimensionNameKey,
	dimensionShortName,
	dimensionShortNameKey,
	lookupMessage,
	scaleMaxLabel,
	scaleMinLabel
} from './question-texts';

/**
 * The UI guide's rule: a web is not a grade, so these words never appear in a question text. Stems
 * per language (from the translators, docs/translations/NOTES-FOR-CODE.md); `u` and explicit
 * letter classes because `\b` and `\w` know only ASCII letters.
 */
const WORD = '[\\p{L}\\p{M}]*';
function judgingWords(stems: readonly string[]): RegExp {
	return new RegExp(`(?<![\\p{L}\\p{M}])(${stems.join('|')})${WORD}`, 'iu');
}
const DUTCH_STEMS = ['slecht', 'laag', 'lage', 'risico'];
const JUDGING_WORDS: Readonly<Record<string, RegExp>> = {
	nl: judgingWords(DUTCH_STEMS),
	'nl-x-simple': judgingWords(DUTCH_STEMS),
	en: judgingWords(['bad', 'poor', 'risk']),
	ar: judgingWords(['سيئ', 'سيء', 'منخفض', 'خطر']),
	tr: judgingWords(['kötü', 'düşük', 'risk']),
	pl: judgingWords(['zły', 'zła', 'złe', 'słab', 'nisk', 'ryzyk']),
	uk: judgingWords(['поган', 'низьк', 'ризик'])
};

/** Arabic writes its own question mark (؟, U+061F); so would Persian or Urdu. */
const QUESTION_MARK = /[?\u061F]/g;
const ENDS_IN_QUESTION_MARK = /[?\u061F]$/;

const sets = Object.values(QUESTION_SETS);

interface Text {
	key: string;
	text: string;
}

/** Every text the question screens show, per locale, with the key it came from. */
function allTexts(locale: Locale): Text[] {
	const texts: Text[] = [
		{ key: 'scale_min_label', text: scaleMinLabel(locale) },
		{ key: 'scale_max_label', text: scaleMaxLabel(locale) }
	];
	for (const id of DIMENSION_IDS) {
		texts.push(
			{ key: dimensionNameKey(id), text: dimensionName(id, locale) },
			{ key: dimensionShortNameKey(id), text: dimensionShortName(id, locale) },
			{ key: dimensionIntroKey(id), text: dimensionIntro(id, locale) }
		);
	}
	for (const set of sets) {
		for (const dimension of set.dimensions) {
			for (const aspectId of dimension.aspectIds) {
				texts.push(
					{
						key: aspectLabelKey(set.id, dimension.id, aspectId),
						text: aspectLabel(set.id, dimension.id, aspectId, locale)
					},
					{
						key: aspectQuestionKey(set.id, dimension.id, aspectId),
						text: aspectQuestion(set.id, dimension.id, aspectId, locale)
					}
				);
			}
		}
	}
	return texts;
}

describe.each(locales)('question texts in %s', (locale) => {
	it('has a message for every dimension and every aspect of every question set', () => {
		const missing = allTexts(locale)
			.map(({ key }) => key)
			.filter((key) => lookupMessage(key, locale) === undefined);
		expect(missing, `missing in messages/questions/${locale}.json`).toEqual([]);
	});

	it('has no empty text and no text that is just its key', () => {
		const empty = allTexts(locale).filter(({ key, text }) => {
			const trimmed = text.trim();
			return trimmed === '' || trimmed === key;
		});
		expect(empty.map(({ key }) => key)).toEqual([]);
	});

	it('names every dimension in words, not by its id', () => {
		for (const id of DIMENSION_IDS) {
			expect(dimensionName(id, locale), id).not.toBe(id);
		}
	});

	it.each(sets.map((set) => [set.id, set] as const))(
		'asks every aspect of %s as one question, ending in "?"',
		(_id, set) => {
			for (const dimension of set.dimensions) {
				for (const aspectId of dimension.aspectIds) {
					const label = aspectLabel(set.id, dimension.id, aspectId, locale);
					const question = aspectQuestion(set.id, dimension.id, aspectId, locale);
					const where = `${set.id} ${dimension.id}.${aspectId} (${locale})`;
					expect(label, where).not.toBe(aspectId);
					expect(question, where).not.toBe(aspectId);
					expect(question.trim(), where).toMatch(ENDS_IN_QUESTION_MARK);
					expect(question.match(QUESTION_MARK), `${where}: one question only`).toHaveLength(1);
					expect(label.split(/\s+/).length, `${where}: label of 1 to 4 words`).toBeLessThanOrEqual(
						4
					);
				}
			}
		}
	);

	it('gives every aspect in a dimension its own label and question', () => {
		for (const set of sets) {
			for (const dimension of set.dimensions) {
				const labels = dimension.aspectIds.map((a) => aspectLabel(set.id, dimension.id, a, locale));
				const questions = dimension.aspectIds.map((a) =>
					aspectQuestion(set.id, dimension.id, a, locale)
				);
				expect(new Set(labels).size, `${set.id} ${dimension.id}`).toBe(labels.length);
				expect(new Set(questions).size, `${set.id} ${dimension.id}`).toBe(questions.length);
			}
		}
	});

	it('never uses judging words', () => {
		const judging = JUDGING_WORDS[locale];
		expect(judging, `judging words for ${locale}`).toBeDefined();
		if (!judging) return;
		const hits = allTexts(locale).filter(({ text }) => judging.test(text));
		expect(hits).toEqual([]);
	});
});

describe('languages', () => {
	it('are really translated: no aspect question is the same as in Dutch', () => {
		for (const locale of locales.filter((l) => l !== baseLocale)) {
			const dutch = allTexts(baseLocale);
			const same = allTexts(locale).filter(({ text }, i) => text === dutch[i]?.text);
			expect(
				same.filter(({ key }) => key.endsWith('_question')).map(({ key }) => key),
				locale
			).toEqual([]);
		}
	});

	it('follow the current locale when none is given', () => {
		const original = getLocale;
		try {
			overwriteGetLocale(() => 'en');
			expect(dimensionName('lichaamsfuncties')).toBe('Bodily functions');
			overwriteGetLocale(() => 'nl');
			expect(dimensionName('lichaamsfuncties')).toBe('Lichaamsfuncties');
			expect(scaleMinLabel()).toBe('helemaal niet');
			expect(scaleMaxLabel()).toBe('helemaal wel');
		} finally {
			overwriteGetLocale(original);
		}
	});
});

describe('fallbacks', () => {
	it('shows the id, never crashes, for a text that does not exist', () => {
		expect(aspectLabel('volwassenen-v1', 'mentaal', 'bestaat-niet')).toBe('bestaat-niet');
		expect(aspectQuestion('onbekende-set', 'mentaal', 'vrolijk')).toBe('vrolijk');
		expect(lookupMessage('constructor')).toBeUndefined();
		expect(lookupMessage('__proto__')).toBeUndefined();
	});

	it('builds keys Paraglide accepts: snake_case identifiers', () => {
		for (const set of sets) {
			for (const dimension of set.dimensions) {
				for (const aspectId of dimension.aspectIds) {
					expect(aspectQuestionKey(set.id, dimension.id, aspectId)).toMatch(/^[a-z][a-z0-9_]*$/);
				}
			}
		}
	});
});
