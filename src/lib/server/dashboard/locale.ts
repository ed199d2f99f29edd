// The dashboard is rendered on the server, so its language comes with the request: a `lang`
// parameter the page's own language menu sets, or else the browser's Accept-Language.
import { isLocale, locales, type Locale } from '$lib/paraglide/runtime.js';

export function dashboardLocale(url: URL, acceptLanguage: string | null): Locale {
	const asked = url.searchParams.get('lang');
	if (asked && isLocale(asked)) return asked;
	const wishes = (acceptLanguage ?? '')
		.split(',')
		.map((part) => {
			const [tag = '', q] = part.trim().split(';q=');
			return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number(q) };
		})
		.filter((w) => w.tag && w.q > 0)
		.sort((a, b) => b.q - a.q);
	for (const { tag } of wishes) {
		const found = locales.find((l) => l === tag) ?? locales.find((l) => l === tag.split('-')[0]);
		if (found) return found;
	}
	return 'nl';
}
