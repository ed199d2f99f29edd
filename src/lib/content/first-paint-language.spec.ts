// The script in app.html runs before any of the app's code has come. It decides whether the page
// as it arrived (drawn in some language) may show at once, and stores a language asked for in the
// address. It must pick the language the app, the server and the service worker pick.
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { locales } from '$lib/paraglide/runtime.js';
import { textDirection } from './locale';
import { chooseLocale } from './page-language';

const appHtml = readFileSync(new URL('../../app.html', import.meta.url), 'utf8');
const script = /<script>([\s\S]*?)<\/script>/.exec(appHtml)?.[1] ?? '';

interface Device {
	/** The address's path; the start page's when not given. */
	pathname?: string;
	/** The address's query, e.g. `?lang=ar`. */
	search?: string;
	stored: string | null;
	languages: string[];
	/** The language the page arrived in. */
	served?: string;
	/** Whether a service worker controls the page. */
	hasWorker?: boolean;
}

interface Outcome {
	isWaiting: boolean;
	lang: string;
	dir: string;
	stored: string | null;
	toldWorker: unknown[];
}

function firstPaint(device: Device): Outcome {
	const attributes = new Set<string>();
	const served = device.served ?? 'nl';
	const html = {
		lang: served,
		dir: served === 'ar' ? 'rtl' : 'ltr',
		setAttribute: (name: string) => attributes.add(name)
	};
	let stored = device.stored;
	const toldWorker: unknown[] = [];
	runInNewContext(script, {
		URLSearchParams,
		location: { pathname: device.pathname ?? '/', search: device.search ?? '' },
		localStorage: {
			getItem: (key: string) => (key === 'PARAGLIDE_LOCALE' ? stored : null),
			setItem: (key: string, value: string) => {
				if (key === 'PARAGLIDE_LOCALE') stored = value;
			}
		},
		navigator: {
			languages: device.languages,
			serviceWorker: device.hasWorker
				? { controller: { postMessage: (message: unknown) => toldWorker.push(message) } }
				: { controller: null }
		},
		document: { documentElement: html }
	});
	return {
		isWaiting: attributes.has('data-waiting'),
		lang: html.lang,
		dir: html.dir,
		stored,
		toldWorker
	};
}

const CASES: [string, Device, Pick<Outcome, 'isWaiting' | 'lang' | 'dir'>][] = [
	[
		'a Dutch phone',
		{ stored: null, languages: ['nl-NL', 'en'] },
		{ isWaiting: false, lang: 'nl', dir: 'ltr' }
	],
	[
		'a Belgian phone',
		{ stored: null, languages: ['nl-BE'] },
		{ isWaiting: false, lang: 'nl', dir: 'ltr' }
	],
	[
		'no language the app has',
		{ stored: null, languages: ['de-DE', 'fr'] },
		{ isWaiting: false, lang: 'nl', dir: 'ltr' }
	],
	[
		'an English phone, the page drawn in English',
		{ stored: null, languages: ['en-US', 'nl'], served: 'en' },
		{ isWaiting: false, lang: 'en', dir: 'ltr' }
	],
	[
		'an English phone, an empty page (a shell) in Dutch',
		{ stored: null, languages: ['en-US', 'nl'] },
		{ isWaiting: true, lang: 'en', dir: 'ltr' }
	],
	[
		'an Arabic phone',
		{ stored: null, languages: ['ar-MA'] },
		{ isWaiting: true, lang: 'ar', dir: 'rtl' }
	],
	[
		'an Arabic phone, the page drawn in Arabic',
		{ stored: null, languages: ['ar-MA'], served: 'ar' },
		{ isWaiting: false, lang: 'ar', dir: 'rtl' }
	],
	[
		'Dutch chosen on an English phone, the page drawn in English',
		{ stored: 'nl', languages: ['en-GB'], served: 'en' },
		{ isWaiting: true, lang: 'nl', dir: 'ltr' }
	],
	[
		'simple Dutch chosen',
		{ stored: 'nl-x-simple', languages: ['nl-NL'] },
		{ isWaiting: true, lang: 'nl-x-simple', dir: 'ltr' }
	],
	[
		'Ukrainian chosen on a Dutch phone',
		{ stored: 'uk', languages: ['nl-NL'] },
		{ isWaiting: true, lang: 'uk', dir: 'ltr' }
	],
	[
		'a stored value the app does not have',
		{ stored: 'xx', languages: ['tr-TR'] },
		{ isWaiting: true, lang: 'tr', dir: 'ltr' }
	],
	[
		'Arabic asked for in the address, over an earlier choice',
		{ search: '?lang=ar', stored: 'en', languages: ['nl-NL'], served: 'ar' },
		{ isWaiting: false, lang: 'ar', dir: 'rtl' }
	],
	[
		'a language asked for that the app does not have',
		{ search: '?lang=xx', stored: 'pl', languages: ['nl-NL'], served: 'nl' },
		{ isWaiting: true, lang: 'pl', dir: 'ltr' }
	]
];

describe('the first paint before the app has loaded', () => {
	it('knows the same languages as the app', () => {
		const list = /var locales = (\[[^\]]*\])/.exec(script)?.[1] ?? '[]';
		expect(JSON.parse(list.replaceAll("'", '"'))).toEqual([...locales]);
	});

	it.each(CASES)('%s', (_, device, expected) => {
		const outcome = firstPaint(device);
		expect({ isWaiting: outcome.isWaiting, lang: outcome.lang, dir: outcome.dir }).toEqual(
			expected
		);
	});

	it.each(CASES)(
		'%s: the same language as the app, the server and the worker choose',
		(_, device) => {
			const asked = new URLSearchParams(device.search ?? '').get('lang');
			expect(firstPaint(device).lang).toBe(chooseLocale(asked, device.stored, device.languages));
		}
	);

	it('stores a language asked for in the address as the choice, and only a known one', () => {
		expect(firstPaint({ search: '?lang=ar', stored: 'en', languages: [] }).stored).toBe('ar');
		expect(firstPaint({ search: '?lang=AR', stored: null, languages: [] }).stored).toBe('ar');
		expect(firstPaint({ search: '?lang=xx', stored: 'en', languages: [] }).stored).toBe('en');
		expect(firstPaint({ stored: 'uk', languages: ['en'] }).stored).toBe('uk');
	});

	it('tells the service worker when the page it served was in another language', () => {
		const wrong = { stored: 'uk', languages: ['nl-NL'], served: 'nl', hasWorker: true };
		expect(firstPaint(wrong).toldWorker).toEqual([{ type: 'LANGUAGE', locale: 'uk' }]);
		const right = { stored: 'uk', languages: ['nl-NL'], served: 'uk', hasWorker: true };
		expect(firstPaint(right).toldWorker).toEqual([]);
		expect(firstPaint({ ...wrong, hasWorker: false }).toldWorker).toEqual([]);
	});

	it('still decides when storage is switched off', () => {
		const html = { lang: 'nl', dir: 'ltr', setAttribute: () => undefined };
		const blocked = () => {
			throw new Error('SecurityError');
		};
		expect(() => {
			runInNewContext(script, {
				URLSearchParams,
				location: { pathname: '/', search: '?lang=uk' },
				localStorage: { getItem: blocked, setItem: blocked },
				navigator: { languages: ['pl-PL'] },
				document: { documentElement: html }
			});
		}).not.toThrow();
		expect(html.lang).toBe('uk');
	});

	it.each([...locales])('writes %s in the direction the app will', (locale) => {
		expect(firstPaint({ stored: locale, languages: [] }).dir).toBe(textDirection(locale));
	});

	it('leaves the dashboard alone: the server draws it in its language and it has no app to wait for', () => {
		const dashboard = { pathname: '/dashboard', stored: 'ar', languages: ['nl-NL'] };
		expect(firstPaint(dashboard)).toMatchObject({ isWaiting: false, lang: 'nl', dir: 'ltr' });
		expect(firstPaint({ ...dashboard, pathname: '/' }).isWaiting).toBe(true);
	});
});
