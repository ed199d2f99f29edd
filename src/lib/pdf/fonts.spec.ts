import { describe, expect, it } from 'vitest';
import { coverageOf, scriptForLocale, toFontText } from './fonts';

describe('fonts', () => {
	const latin = coverageOf('latin');

	it('covers Dutch, Polish and Turkish letters in the Latin subset', () => {
		for (const char of 'éëïĳĲ€–…’“ąłśżğışİ') {
			expect(latin(char.codePointAt(0) ?? 0), char).toBe(true);
		}
		expect(latin('ж'.codePointAt(0) ?? 0)).toBe(false);
	});

	it('picks the script by language', () => {
		expect(scriptForLocale('nl')).toBe('latin');
		expect(scriptForLocale('en-GB')).toBe('latin');
	});

	it.each([
		['Iĳsbrand gaat mee', 'Iĳsbrand gaat mee'],
		['Wandelen 😊 met 👍🏽 de hond', 'Wandelen met de hond'],
		['Привіт Anna', '?????? Anna'],
		['™ en ©', '™ en ©'],
		['twee\nregels', 'twee\nregels']
	])('makes %j into %j', (text, expected) => {
		expect(toFontText(text, latin)).toBe(expected);
	});
});
