// Who gets into the dashboard: nobody without a current session; a device token is no key; a
// rotated key and its sessions stop at once; signing out ends the session on the server; failed
// sign-ins are limited per address; and neither key nor session id reaches the log.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rotateKey, createTeam } from '../../src/lib/server/teams/teams';
import { makeSummary, postSummaries } from './support/api';
import { startServer, type RunningServer } from './support/app-server';
import { createStore, describeEachBackend, type TestStore } from './support/backends';
import { awaitFreshWindow } from './support/clock';
import { PORTS } from './support/ports';

const FAILURES_PER_HOUR = 4;
const LIMITS = { SPINNENWEB_RATE_SIGN_IN_FAILURES_PER_HOUR: String(FAILURES_PER_HOUR) };
const PAGES = ['/dashboard', '/dashboard/data.json', '/dashboard/export.csv'];

describeEachBackend('Dashboard access', (backend) => {
	let store: TestStore;
	let server: RunningServer;
	let key: string;
	let code: string;
	const port = PORTS.dashboard + (backend === 'PGlite' ? 0 : 5);
	const start = async () => {
		server = await startServer({ ...store.serverOptions(port), env: LIMITS });
	};

	beforeAll(async () => {
		store = await createStore(backend, 'dashboard');
		const db = await store.open();
		try {
			const team = await createTeam(db, 'Wijkteam Noord');
			key = team.coordinatorKey;
			code = team.enrolmentCode;
		} finally {
			await db.close();
		}
		await start();
	});

	afterAll(async () => {
		await server?.stop();
		await store?.remove();
	});

	/** Posts the sign-in form as a browser on this site does. */
	const signIn = (pasted: string, origin: string | null = server.url) =>
		fetch(`${server.url}/dashboard/sign-in`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded',
				...(origin ? { origin } : {})
			},
			body: new URLSearchParams({ key: pasted })
		});

	const cookieOf = (response: Response) => {
		const cookie = response.headers.getSetCookie().find((c) => c.includes('spinnenweb-dashboard='));
		return cookie?.split(';')[0];
	};

	const signedIn = async (pasted = key) => {
		const response = await signIn(pasted);
		expect(response.status).toBe(303);
		const cookie = cookieOf(response);
		if (!cookie) throw new Error('No session cookie was set.');
		return cookie;
	};

	const get = (path: string, cookie?: string, headers: Record<string, string> = {}) =>
		fetch(`${server.url}${path}`, {
			redirect: 'manual',
			headers: { ...(cookie ? { cookie } : {}), ...headers }
		});

	const expectShut = async (path: string, cookie?: string, headers?: Record<string, string>) => {
		const response = await get(path, cookie, headers);
		if (path === '/dashboard') {
			expect(response.status).toBe(303);
			expect(response.headers.get('location')).toBe('/dashboard/sign-in');
		} else {
			expect(response.status).toBe(401);
			expect(await response.json()).toMatchObject({ error: { code: 'unauthorized' } });
		}
	};

	it('sends every request without a valid session to the sign-in', async () => {
		for (const path of PAGES) {
			await expectShut(path);
			await expectShut(path, 'spinnenweb-dashboard=not-a-session');
			await expectShut(path, `__Host-spinnenweb-dashboard=${'A'.repeat(43)}`);
		}
		const form = await get('/dashboard/sign-in');
		expect(form.status).toBe(200);
		expect(form.headers.get('cache-control')).toBe('no-store');
		expect(await form.text()).toContain('name="key"');
	});

	it('takes no device token for a key, in the form, the cookie or a header', async () => {
		const registered = await fetch(`${server.url}/api/devices`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ enrolmentCode: code })
		});
		expect(registered.status).toBe(201);
		const { token } = (await registered.json()) as { token: string };
		const summary = makeSummary({ context: 'conversation', area: '1011' });
		expect((await postSummaries(server.url, token, { summaries: [summary] })).status).toBe(200);

		const refused = await signIn(token);
		expect(refused.status).toBe(401);
		expect(cookieOf(refused)).toBeUndefined();
		// The form comes back without the text that was tried.
		expect(await refused.text()).not.toContain(token);
		for (const path of PAGES) {
			await expectShut(path, `spinnenweb-dashboard=${token}`);
			await expectShut(path, `__Host-spinnenweb-dashboard=${token}`);
			await expectShut(path, undefined, { authorization: `Bearer ${token}` });
		}
	});

	it('signs in with the key: a strict, HttpOnly, Secure session cookie, then the figures', async () => {
		const response = await signIn(`  ${key}  `);
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/dashboard');
		const setCookie = response.headers.getSetCookie().join('\n');
		// adapter-node takes requests for https unless told otherwise: the cookie is Secure.
		expect(setCookie).toMatch(/__Host-spinnenweb-dashboard=[\w-]{43}; Max-Age=\d+; Path=\//);
		expect(setCookie).toContain('HttpOnly');
		expect(setCookie).toContain('SameSite=Strict');
		expect(setCookie).toContain('Secure');
		const cookie = cookieOf(response);
		const page = await get('/dashboard', cookie);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('Wijkteam Noord');
		expect((await get('/dashboard/data.json', cookie)).status).toBe(200);
	});

	it('refuses a sign-in posted from another site, or with no origin at all', async () => {
		for (const origin of ['https://elders.example', null]) {
			const response = await signIn(key, origin);
			expect(response.status).toBe(403);
			expect(cookieOf(response)).toBeUndefined();
		}
		const signOut = await fetch(`${server.url}/dashboard/sign-out`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: 'https://elders.example', cookie: await signedIn() }
		});
		expect(signOut.status).toBe(403);
	});

	it('ends the session on the server when signing out: the old cookie opens nothing', async () => {
		const cookie = await signedIn();
		expect((await get('/dashboard/data.json', cookie)).status).toBe(200);
		const response = await fetch(`${server.url}/dashboard/sign-out`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: server.url, cookie }
		});
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/dashboard/sign-in?signed-out=1');
		expect(response.headers.getSetCookie().join('\n')).toMatch(/spinnenweb-dashboard=;.*Max-Age=0/);
		// A browser would forget it; one that kept it gets nowhere.
		for (const path of PAGES) await expectShut(path, cookie);
	});

	it('stops a rotated key and every session opened with it at once', async () => {
		const cookie = await signedIn();
		let newKey: string;
		if (backend === 'PostgreSQL') {
			// While the server runs, as `npm run team -- rotate-key` does.
			const db = await store.open();
			try {
				newKey = await rotateKey(db, 'Wijkteam Noord');
			} finally {
				await db.close();
			}
		} else {
			// PGlite admits one process: the command runs while the server is stopped.
			await server.stop();
			const db = await store.open();
			try {
				newKey = await rotateKey(db, 'Wijkteam Noord');
			} finally {
				await db.close();
			}
			await start();
		}
		for (const path of PAGES) await expectShut(path, cookie);
		expect((await signIn(key)).status).toBe(401);
		const fresh = await signedIn(newKey);
		expect((await get('/dashboard/data.json', fresh)).status).toBe(200);
		key = newKey;
	});

	it('never writes a key, a session id or a token to the log', async () => {
		const cookie = await signedIn();
		await get('/dashboard', cookie);
		const output = server.output();
		expect(output).not.toContain(key);
		expect(output).not.toContain(cookie.split('=')[1]);
		expect(output).toMatch(/^POST \/dashboard\/sign-in 303 [\d.]+ms$/m);
	});

	it('limits failed sign-ins per address, and then refuses even the right key', async () => {
		await awaitFreshWindow(3600, 30);
		// Earlier tests failed some already (the token, the old key): count what is left.
		let failures = 0;
		for (;;) {
			const response = await signIn('spw_0000000000000000000000000X');
			if (response.status === 429) break;
			expect(response.status).toBe(401);
			failures++;
			expect(failures).toBeLessThanOrEqual(FAILURES_PER_HOUR);
		}
		const limited = await signIn(key);
		expect(limited.status).toBe(429);
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(cookieOf(limited)).toBeUndefined();
		expect(await limited.text()).toMatch(/over \d+ minuten opnieuw/);
	});
});
