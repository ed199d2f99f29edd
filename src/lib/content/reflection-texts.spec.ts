import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADULT_V1 } from '$lib/domain/question-set';
import { focusName, focusRowText, formatDay } from './reflection-texts';

/** The UI guide: a web is not a grade, and the reflection never judges either. */
const JUDGING = {
	nl: /\b(slecht\w*|laag\w*|lage\w*|risico\w*|zwak\w*|fout\w*)\b/i,
	en: /\b(bad\w*|poor\w*|risk\w*|low\w*|weak\w*)\b/i
} as const;

describe.each(['nl', 'en'] as const)('reflection and PDF texts in %s', (locale) => {
	const texts = JSON.parse(
		readFileSync(new URL(`../../../messages/reflection/${locale}.json`, import.meta.url), 'utf8')
	) as Record<string, string>;

	it('never use judging words', () => {
		const hits = Object.entries(texts).filter(
			([key, text]) => key !== '$schema' && JUDGING[locale].test(text)
		);
		expect(hits).toEqual([]);
	});

	it('keep to the reflect_ and pdf_ prefixes', () => {
		const keys = Object.keys(texts).filter((k) => k !== '$schema');
		expect(keys.filter((k) => !/^(reflect|pdf)_/.test(k))).toEqual([]);
	});
});

describe('focus texts', () => {
	it('name a dimension or an aspect with its dimension', () => {
		expect(focusName({ kind: 'dimension', dimensionId: 'zingeving' }, ADULT_V1, 'nl')).toBe(
			'Zingeving'
		);
		expect(
			focusName(
				{ kind: 'aspect', dimensionId: 'meedoen', aspectKey: 'meedoen.steun' },
				ADULT_V1,
				'en'
			)
		).toBe('Support from others (Participation)');
		expect(focusRowText({ kind: 'dimension', dimensionId: 'mentaal' }, ADULT_V1, 'nl')).toBe(
			'hier wil ik aandacht aan geven'
		);
	});

	it('read a chosen day as that calendar day', () => {
		expect(formatDay('2026-04-15', 'nl')).toBe('15 april 2026');
		expect(formatDay('2026-01-01', 'en')).toBe('January 1, 2026');
	});
});
