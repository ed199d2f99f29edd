// The script in app.html decides, before any of the app's code has come, whether the prerendered
// Dutch start page may show at once. It must pick the language the app will pick.
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { textDirection } from './locale';
import { locales } from '$lib/paraglide/runtime.js';

const appHtml = readFileSync(new URL('../../app.html', import.meta.url), 'utf8');
const script = /<script>([\s\S]*?)<\/script>/.exec(appHtml)?.[1] ?? '';

interface Outcome {
	isWaiting: boolean;
	lang: string;
	dir: string;
}

/** Runs the script on a phone with this stored choice (or storage that throws) and these languages. */
function firstPaint(stored: string | null | Error, languages: string[]): Outcome {
	const attributes = new Set<string>();
	const html = {
		lang: 'nl',
		dir: 'ltr',
		setAttribute: (name: string) => attributes.add(name)
	};
	const getItem = (key: string) => {
		if (stored instanceof Error) throw stored;
		return key === 'PARAGLIDE_LOCALE' ? stored : null;
	};
	runInNewContext(script, {
		localStorage: { getItem },
		navigator: { languages },
		document: { documentElement: html }
	});
	return { isWaiting: attributes.has('data-waiting'), lang: html.lang, dir: html.dir };
}

describe('the first paint before the app has loaded', () => {
	it('knows the same languages as the app', () => {
		const list = /var locales = (\[[^\]]*\])/.exec(script)?.[1] ?? '[]';
		expect(JSON.parse(list.replaceAll("'", '"'))).toEqual([...locales]);
	});

	it.each([
		['a Dutch phone', null, ['nl-NL', 'en'], { isWaiting: false, lang: 'nl', dir: 'ltr' }],
		['a Belgian phone', null, ['nl-BE'], { isWaiting: false, lang: 'nl', dir: 'ltr' }],
		[
			'no language the app has',
			null,
			['de-DE', 'fr'],
			{ isWaiting: false, lang: 'nl', dir: 'ltr' }
		],
		['an English phone', null, ['en-US', 'nl'], { isWaiting: true, lang: 'en', dir: 'ltr' }],
		['an Arabic phone', null, ['ar-MA'], { isWaiting: true, lang: 'ar', dir: 'rtl' }],
		[
			'Dutch chosen on an English phone',
			'nl',
			['en-GB'],
			{ isWaiting: false, lang: 'nl', dir: 'ltr' }
		],
		[
			'simple Dutch chosen',
			'nl-x-simple',
			['nl-NL'],
			{ isWaiting: true, lang: 'nl-x-simple', dir: 'ltr' }
		],
		[
			'Ukrainian chosen on a Dutch phone',
			'uk',
			['nl-NL'],
			{ isWaiting: true, lang: 'uk', dir: 'ltr' }
		],
		[
			'a stored value the app does not have',
			'xx',
			['tr-TR'],
			{ isWaiting: true, lang: 'tr', dir: 'ltr' }
		]
	])('%s', (_, stored, languages, expected) => {
		expect(firstPaint(stored, languages)).toEqual(expected);
	});

	it('still decides when storage is switched off', () => {
		expect(firstPaint(new Error('SecurityError'), ['pl-PL'])).toEqual({
			isWaiting: true,
			lang: 'pl',
			dir: 'ltr'
		});
	});

	it.each([...locales])('writes %s in the direction the app will', (locale) => {
		expect(firstPaint(locale, []).dir).toBe(textDirection(locale));
	});
});
