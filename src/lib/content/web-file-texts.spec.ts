import { describe, expect, it } from 'vitest';
import { parseWebTransfer } from '$lib/domain/web-transfer';
import { locales } from '$lib/paraglide/runtime.js';
import { webFileNothingChanged, webFileProblemText } from './web-file-texts';

/** One file of each kind a person might pick by mistake. */
const BAD_FILES = {
	'not JSON': 'Mijn spinnenweb',
	'another file': JSON.stringify({ hello: 'world' }),
	'too large': ' '.repeat(1024 * 1024 + 1),
	'a newer version': JSON.stringify({ format: 'spinnenweb-web', version: 99 }),
	damaged: JSON.stringify({ format: 'spinnenweb-web', version: 1, answers: 'kapot' })
};

function refusalOf(text: string) {
	const result = parseWebTransfer(text);
	if (result.ok) throw new Error('expected a refusal');
	return result;
}

describe.each(locales)('web file messages in %s', (locale) => {
	it('give a different message for each kind of bad file, in this language', () => {
		const texts = Object.values(BAD_FILES).map((text) =>
			webFileProblemText(refusalOf(text), locale)
		);
		expect(new Set(texts).size).toBe(texts.length);
		for (const text of texts) expect(text.length).toBeGreaterThan(20);
		if (locale !== 'nl' && locale !== 'nl-x-simple') {
			const dutch = Object.values(BAD_FILES).map((text) =>
				webFileProblemText(refusalOf(text), 'nl')
			);
			expect(texts.filter((t) => dutch.includes(t))).toEqual([]);
		}
		expect(webFileNothingChanged(locale)).not.toBe('');
	});
});
