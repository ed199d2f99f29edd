import { describe, expect, it, vi } from 'vitest';
import { EraseScreen, isConfirmWord } from './erase.svelte';

describe('the word that confirms erasing', () => {
	it.each([
		['WISSEN', 'WISSEN', 'nl', true],
		[' wissen ', 'WISSEN', 'nl', true],
		['wisse', 'WISSEN', 'nl', false],
		['', 'WISSEN', 'nl', false],
		['sil', 'SİL', 'tr', true],
		['usuń', 'USUŃ', 'pl', true],
		['видалити', 'ВИДАЛИТИ', 'uk', true],
		['مسح', 'مسح', 'ar', true]
	])('%j for %s (%s) is %s', (typed, word, locale, expected) => {
		expect(isConfirmWord(typed, word, locale)).toBe(expected);
	});
});

describe('EraseScreen', () => {
	it('erases nothing until the word is typed, then says it is done', async () => {
		const erase = vi.fn(() => Promise.resolve());
		const screen = new EraseScreen(erase);
		await screen.erase('ja', 'WISSEN', 'nl');
		expect(erase).not.toHaveBeenCalled();
		expect(screen.status.kind).toBe('word-wrong');
		await screen.erase('WISSEN', 'WISSEN', 'nl');
		expect(erase).toHaveBeenCalledOnce();
		expect(screen.status.kind).toBe('done');
	});

	it('says so when erasing fails', async () => {
		const screen = new EraseScreen(() => Promise.reject(new Error('blocked')));
		vi.spyOn(console, 'error').mockImplementation(() => undefined);
		await screen.erase('WISSEN', 'WISSEN', 'nl');
		expect(screen.status.kind).toBe('failed');
	});
});
