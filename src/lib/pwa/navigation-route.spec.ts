import { describe, expect, it } from 'vitest';
import { routeNavigation, startPageCopy, type NavigationRoute } from './navigation-route';

const PAGES = ['/geschiedenis', '/instellingen', '/invullen', '/resultaat'];
const BASED = ['/app/geschiedenis', '/app/invullen', '/app/resultaat'];

describe('routeNavigation', () => {
	it.each<[string, string, readonly string[], NavigationRoute]>([
		// The start page, whatever the query: the worker picks its copy by language.
		['/', '', PAGES, { strategy: 'start' }],
		['//', '', PAGES, { strategy: 'start' }],
		['/resultaat', '', PAGES, { strategy: 'cache', page: '/resultaat' }],
		['/resultaat/', '', PAGES, { strategy: 'cache', page: '/resultaat' }],
		['/invullen', '', PAGES, { strategy: 'cache', page: '/invullen' }],
		['/bestaat-niet', '', PAGES, { strategy: 'network', fallback: '/geschiedenis' }],
		['/resultaat/extra', '', PAGES, { strategy: 'network', fallback: '/geschiedenis' }],
		['/api', '', PAGES, { strategy: 'bypass' }],
		['/api/summaries', '', PAGES, { strategy: 'bypass' }],
		['/dashboard', '', PAGES, { strategy: 'bypass' }],
		['/dashboard/sign-in', '', PAGES, { strategy: 'bypass' }],
		['/apinames', '', PAGES, { strategy: 'network', fallback: '/geschiedenis' }],
		// Under a base path: the root page is the base itself, and outside the base is not ours.
		['/app', '/app', BASED, { strategy: 'start' }],
		['/app/', '/app', BASED, { strategy: 'start' }],
		['/app/invullen', '/app', BASED, { strategy: 'cache', page: '/app/invullen' }],
		['/app/nergens', '/app', BASED, { strategy: 'network', fallback: '/app/geschiedenis' }],
		['/app/api/x', '/app', BASED, { strategy: 'bypass' }],
		['/elders', '/app', BASED, { strategy: 'bypass' }],
		['/application', '/app', BASED, { strategy: 'bypass' }],
		// In development nothing is prerendered: every page asks the network.
		['/resultaat', '', [], { strategy: 'network', fallback: '/geschiedenis' }]
	])('%s (base "%s")', (pathname, base, pages, expected) => {
		expect(routeNavigation(pathname, pages, base)).toEqual(expected);
	});

	it('names a start page copy per language, under the base path too', () => {
		expect(startPageCopy('', 'ar')).toBe('/?lang=ar');
		expect(startPageCopy('/app', 'nl-x-simple')).toBe('/app?lang=nl-x-simple');
	});
});
