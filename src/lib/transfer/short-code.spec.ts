import { describe, expect, it } from 'vitest';
import { formatShortCode, generateShortCode, normalizeShortCode } from './short-code';

describe('the short code', () => {
	it('is twelve random digits, each digit about equally often', () => {
		const counts = new Array<number>(10).fill(0);
		const codes = new Set<string>();
		for (let i = 0; i < 2_000; i++) {
			const code = generateShortCode();
			expect(code).toMatch(/^\d{12}$/);
			codes.add(code);
			for (const d of code) counts[Number(d)]!++;
		}
		expect(codes.size).toBe(2_000);
		// 24,000 digits: 2,400 expected each; ±10 % is far outside chance for a fair source.
		for (const count of counts) expect(Math.abs(count - 2_400)).toBeLessThan(240);
	});

	it('is read forgivingly as typed: spaces, dashes, Arabic-Indic digits', () => {
		expect(normalizeShortCode('482 915 307 661')).toBe('482915307661');
		expect(normalizeShortCode(' 482-915-307-661 ')).toBe('482915307661');
		expect(normalizeShortCode('٤٨٢٩١٥٣٠٧٦٦١')).toBe('482915307661');
		expect(normalizeShortCode('۴۸۲۹۱۵۳۰۷۶۶۱')).toBe('482915307661');
		expect(normalizeShortCode('48291530766')).toBeNull();
		expect(normalizeShortCode('4829153076612')).toBeNull();
		expect(normalizeShortCode('48291530766a')).toBeNull();
	});

	it('is shown in groups of three', () => {
		expect(formatShortCode('482915307661')).toBe('482 915 307 661');
	});
});
