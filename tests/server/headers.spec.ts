// Security headers on every response: the pages (prerendered files that never pass through
// SvelteKit), the app's code, the service worker, icons, the API, errors.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type RunningServer } from './support/app-server';
import { freshDataDir, removeDataDir } from './support/pglite-template';
import { PORTS } from './support/ports';

let server: RunningServer;
let dir: string;

beforeAll(async () => {
	dir = freshDataDir('headers');
	server = await startServer({ dataDir: dir, port: PORTS.headers });
});

afterAll(async () => {
	await server?.stop();
	removeDataDir(dir);
});

const someScript = readdirSync('build/client/_app/immutable/entry').find((f) => f.endsWith('.js'));

const PATHS = [
	'/',
	'/invullen',
	'/instellingen',
	'/toegankelijkheid',
	'/service-worker.js',
	'/manifest.webmanifest',
	'/favicon.svg',
	'/_app/version.json',
	`/_app/immutable/entry/${someScript}`,
	'/no-such-page',
	'/api/health',
	'/api/config',
	'/api/no-such-endpoint'
];

function directives(csp: string): Map<string, string[]> {
	return new Map(
		csp
			.split(';')
			.map((part) => part.trim().split(/\s+/))
			.filter(([name]) => name)
			.map(([name, ...sources]) => [name as string, sources])
	);
}

it.each(PATHS)('%s carries the security headers', async (path) => {
	const response = await fetch(`${server.url}${path}`);
	expect(response.status).toBeLessThan(500);
	const h = response.headers;
	expect(h.get('referrer-policy')).toBe('no-referrer');
	expect(h.get('x-content-type-options')).toBe('nosniff');
	const permissions = h.get('permissions-policy') ?? '';
	expect(permissions).toContain('camera=(self)');
	for (const off of ['geolocation=()', 'microphone=()', 'payment=()', 'usb=()']) {
		expect(permissions).toContain(off);
	}

	const csp = h.get('content-security-policy') ?? '';
	const policy = directives(csp);
	expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
	// No third-party origin anywhere: only keywords, hashes, data: and blob:.
	for (const [name, sources] of policy) {
		for (const source of sources) {
			expect(source, `${name} in ${csp}`).toMatch(
				/^('[a-z-]+'|'sha256-[A-Za-z0-9+/=]+'|data:|blob:)$/
			);
		}
	}
	const scripts = policy.get('script-src') ?? policy.get('default-src') ?? [];
	expect(scripts).not.toContain("'unsafe-inline'");
	expect(scripts).not.toContain("'unsafe-eval'");

	if ((h.get('content-type') ?? '').startsWith('text/html')) {
		// Every inline script of the page is allowed by its hash, and no other way.
		const html = await response.text();
		const inline = [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)]
			.filter((m) => !/\ssrc=/.test(m[1] ?? ''))
			.map(
				(m) =>
					`'sha256-${createHash('sha256')
						.update(m[2] ?? '')
						.digest('base64')}'`
			);
		expect(inline.length).toBeGreaterThan(0);
		for (const hash of inline) expect(scripts).toContain(hash);
	}
});
