// Rate limits per address, per device and for registering, counted in the database: on
// PostgreSQL two app servers share the counts, so alternating between them gains nothing.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ErrorResponseSchema } from '../../src/lib/sync/protocol';
import { makeSummary, postSummaries } from './support/api';
import { startServers, type RunningServer } from './support/app-server';
import { createStore, describeEachBackend, type TestStore } from './support/backends';
import { awaitFreshWindow } from './support/clock';
import { PORTS } from './support/ports';

const LIMITS = {
	SPINNENWEB_RATE_ADDRESS_PER_MINUTE: '8',
	SPINNENWEB_RATE_DEVICE_PER_MINUTE: '3',
	SPINNENWEB_RATE_REGISTER_PER_HOUR: '2'
};

async function expectLimited(response: Response, maxRetryAfter: number): Promise<void> {
	expect(response.status).toBe(429);
	const retryAfter = Number(response.headers.get('retry-after'));
	expect(retryAfter).toBeGreaterThanOrEqual(1);
	expect(retryAfter).toBeLessThanOrEqual(maxRetryAfter);
	const body = ErrorResponseSchema.parse(await response.json());
	expect(body.error.code).toBe('rate_limited');
}

describeEachBackend('Rate limits', (backend) => {
	let store: TestStore;
	let servers: RunningServer[] = [];
	let turn = 0;
	// On PostgreSQL every request goes to the other server than the one before.
	const next = () => servers[turn++ % servers.length]!.url;

	beforeAll(async () => {
		store = await createStore(backend, 'limits');
		const count = backend === 'PostgreSQL' ? 2 : 1;
		const base = PORTS.guards + 5 + (backend === 'PGlite' ? 0 : 2);
		servers = await startServers(
			Array.from({ length: count }, (_, i) => ({ ...store.serverOptions(base + i), env: LIMITS }))
		);
	});

	afterAll(async () => {
		await Promise.all(servers.map((server) => server.stop()));
		await store?.remove();
	});

	it('refuses the request past each limit with 429, Retry-After and a JSON error', async () => {
		await awaitFreshWindow(3600, 20);
		await awaitFreshWindow(60, 20);
		const registerOnce = () =>
			fetch(`${next()}/api/devices`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{}'
			});

		// Registering: two an hour from this address.
		const first = await registerOnce();
		const second = await registerOnce();
		expect([first.status, second.status]).toEqual([201, 201]);
		await expectLimited(await registerOnce(), 3600);
		const [a, b] = [
			((await first.json()) as { token: string }).token,
			((await second.json()) as { token: string }).token
		];

		// One device: three a minute (the address has used 3 of its 8).
		for (let i = 0; i < 3; i++) {
			expect((await postSummaries(next(), a, { summaries: [makeSummary()] })).status).toBe(200);
		}
		await expectLimited(await postSummaries(next(), a, { summaries: [makeSummary()] }), 60);

		// Another device from the same address: the address's 8 a minute run out first.
		expect((await postSummaries(next(), b, { summaries: [makeSummary()] })).status).toBe(200);
		await expectLimited(await postSummaries(next(), b, { summaries: [makeSummary()] }), 60);
		// Without a valid token a request still counts against its address.
		await expectLimited(await postSummaries(next(), 'x'.repeat(43), { summaries: [] }), 60);
	});

	it('keeps the health check out of the limits (load balancers ask it often)', async () => {
		for (let i = 0; i < 12; i++) {
			expect((await fetch(`${next()}/api/health`)).status).toBe(200);
		}
	});
});
