import { describe, expect, it } from 'vitest';
import { coverageOf, scriptForLocale, toFontText } from './fonts';

describe('fonts', () => {
	const latin = coverageOf('latin');

	it('covers Dutch, Polish and Turkish letters in the Latin subset', () => {
		for (const char of 'éëïĳĲ€–…’“ąłśżğışİ') {
			expect(latin(char.codePointAt(0) ?? 0), char).toBe(true);
		}
		expect(latin('ش'.codePointAt(0) ?? 0)).toBe(false);
	});

	it('covers Ukrainian in the Latin file and Arabic with its joined forms in the Arabic one', () => {
		for (const char of 'ЖжЄєІіЇїҐґʼ') expect(latin(char.codePointAt(0) ?? 0), char).toBe(true);
		const arabic = coverageOf('arabic');
		// Letters, the initial form of shin and the lam-alef ligature jsPDF shapes to, Latin.
		for (const char of 'شبكة،؟\ufeb7\ufefbAz0é') {
			expect(arabic(char.codePointAt(0) ?? 0), char).toBe(true);
		}
		// Noto Sans Arabic has no ĳ: it falls back to "ij".
		expect(toFontText('Iĳsbrand', arabic)).toBe('Iijsbrand');
	});

	it('picks the script by language', () => {
		expect(scriptForLocale('nl')).toBe('latin');
		expect(scriptForLocale('en-GB')).toBe('latin');
		expect(scriptForLocale('nl-x-simple')).toBe('latin');
		expect(scriptForLocale('uk')).toBe('latin');
		expect(scriptForLocale('ar')).toBe('arabic');
	});

	it.each([
		['Iĳsbrand gaat mee', 'Iĳsbrand gaat mee'],
		['Wandelen 😊 met 👍🏽 de hond', 'Wandelen met de hond'],
		['Привіт Anna', 'Привіт Anna'],
		['مرحبا Anna', '????? Anna'],
		['™ en ©', '™ en ©'],
		['twee\nregels', 'twee\nregels']
	])('makes %j into %j', (text, expected) => {
		expect(toFontText(text, latin)).toBe(expected);
	});
});
