// The API as a client meets it: the real production server, on PGlite and on PostgreSQL.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorResponseSchema, MAX_BATCH_SIZE } from '../../src/lib/sync/protocol';
import { deleteSummaries, makeSummary, postSummaries, register, storedUuids } from './support/api';
import { startServer, type RunningServer } from './support/app-server';
import {
	createStore,
	describeEachBackend,
	dropUnderServer,
	type TestStore
} from './support/backends';
import { PORTS } from './support/ports';

async function expectError(response: Response, status: number, code: string): Promise<void> {
	const text = await response.text();
	expect(response.status, text).toBe(status);
	expect(response.headers.get('content-type')).toMatch(/^application\/json/);
	const parsed = ErrorResponseSchema.safeParse(JSON.parse(text));
	expect(parsed.success, text).toBe(true);
	expect(parsed.data?.error.code).toBe(code);
	expect(parsed.data?.error.message.length).toBeGreaterThan(10);
}

/** A body of exactly `bytes` bytes that is otherwise a valid batch. */
function paddedBatch(bytes: number): string {
	const base = JSON.stringify({ summaries: [makeSummary()] });
	return base.slice(0, -1) + ' '.repeat(bytes - base.length) + '}';
}

describeEachBackend('API', (backend) => {
	let store: TestStore;
	let server: RunningServer;
	let token: string;
	const port = PORTS.api + (backend === 'PGlite' ? 0 : 1);
	// What the database must hold at the end: every uuid the API confirmed and nobody deleted,
	// and one device per registration. A bad request that changed anything shows up there.
	const expected = new Set<string>();
	const refusedUuids = new Set<string>();
	let registrations = 0;
	const registerCounted = async (url: string) => {
		const t = await register(url);
		registrations++;
		return t;
	};
	const summary = (overrides: Parameters<typeof makeSummary>[0] = {}) => {
		const made = makeSummary(overrides);
		refusedUuids.add(made.uuid);
		return made;
	};
	const accept = async (response: Response) => {
		const answer = (await response.clone().json()) as { confirmed?: string[] };
		for (const uuid of answer.confirmed ?? []) {
			expected.add(uuid);
			refusedUuids.delete(uuid);
		}
		return response;
	};

	beforeAll(async () => {
		store = await createStore(backend, 'api');
		server = await startServer({
			...store.serverOptions(port),
			env: { SPINNENWEB_HOST_NAME: 'Gemeente Voorbeeld' }
		});
		token = await registerCounted(server.url);
	});

	afterAll(async () => {
		await server?.stop();
		await store?.remove();
	});

	it('registers a device with a fresh random token each time', async () => {
		const other = await registerCounted(server.url);
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(other).not.toBe(token);
	});

	it('stores a batch and confirms every uuid, also when it comes again', async () => {
		const batch = [makeSummary(), makeSummary({ area: '1012', ageBand: '65-79' })];
		const first = await accept(await postSummaries(server.url, token, { summaries: batch }));
		expect(first.status).toBe(200);
		expect(await first.json()).toEqual({
			confirmed: batch.map((s) => s.uuid),
			stored: 2,
			alreadyStored: 0
		});

		const again = await accept(
			await postSummaries(server.url, token, { summaries: [...batch, makeSummary()] })
		);
		expect(again.status).toBe(200);
		const answer = (await again.json()) as { stored: number; alreadyStored: number };
		expect(answer).toMatchObject({ stored: 1, alreadyStored: 2 });
	});

	it(`takes a full batch of ${MAX_BATCH_SIZE}`, async () => {
		const summaries = Array.from({ length: MAX_BATCH_SIZE }, () => makeSummary());
		const response = await accept(await postSummaries(server.url, token, { summaries }));
		expect(response.status).toBe(200);
		expect(((await response.json()) as { stored: number }).stored).toBe(MAX_BATCH_SIZE);
	});

	it('deletes everything of this device and nothing of another', async () => {
		const mine = await registerCounted(server.url);
		const theirs = await registerCounted(server.url);
		const kept = makeSummary();
		await postSummaries(server.url, mine, { summaries: [makeSummary(), makeSummary()] });
		await accept(await postSummaries(server.url, theirs, { summaries: [kept] }));

		const deleted = await deleteSummaries(server.url, mine);
		expect(deleted.status).toBe(200);
		expect(await deleted.json()).toEqual({ deleted: 2 });
		expect(await (await deleteSummaries(server.url, mine)).json()).toEqual({ deleted: 0 });
		expect(await (await deleteSummaries(server.url, theirs)).json()).toEqual({ deleted: 1 });
		expected.delete(kept.uuid);
	});

	it('reports a healthy database and the host name from its configuration', async () => {
		const health = await fetch(`${server.url}/api/health`);
		expect(health.status).toBe(200);
		expect(await health.json()).toEqual({ status: 'ok' });
		const config = await fetch(`${server.url}/api/config`);
		expect(await config.json()).toEqual({
			hostName: 'Gemeente Voorbeeld',
			maxBatchSize: MAX_BATCH_SIZE
		});
	});

	describe('bad requests get a clear JSON 4xx and change nothing', () => {
		const valid = () => ({ summaries: [summary()] });
		const withSummary = (overrides: Record<string, unknown>) => ({
			summaries: [{ ...summary(), ...overrides }]
		});
		const scores = (mentaal: unknown) => ({ ...summary().scores, mentaal });
		const json = { 'content-type': 'application/json' };

		const cases: {
			name: string;
			status: number;
			code: string;
			request: (token: string) => RequestInit & { path?: string };
		}[] = [
			{
				name: 'an unknown field in a summary',
				status: 400,
				code: 'invalid_body',
				request: (t) => post(t, withSummary({ note: 'moe' }))
			},
			{
				name: 'an unknown field beside the batch',
				status: 400,
				code: 'invalid_body',
				request: (t) => post(t, { ...valid(), team: 'noord' })
			},
			{
				name: 'a score out of range',
				status: 400,
				code: 'invalid_body',
				request: (t) => post(t, withSummary({ scores: scores(11) }))
			},
			{
				name: 'a score with two decimals',
				status: 400,
				code: 'invalid_body',
				request: (t) => post(t, withSummary({ scores: scores(6.25) }))
			},
			{
				name: 'an area that is not a postcode area',
				status: 400,
				code: 'invalid_body',
				request: (t) => post(t, withSummary({ area: '12345' }))
			},
			{
				name: 'a duplicate uuid within one batch',
				status: 400,
				code: 'duplicate_uuid',
				request: (t) => {
					const one = summary();
					return post(t, { summaries: [one, summary(), { ...one }] });
				}
			},
			{
				name: `a batch of ${MAX_BATCH_SIZE + 1}`,
				status: 400,
				code: 'batch_too_large',
				request: (t) =>
					post(t, {
						summaries: Array.from({ length: MAX_BATCH_SIZE + 1 }, () => summary())
					})
			},
			{
				name: 'an empty batch',
				status: 400,
				code: 'invalid_body',
				request: (t) => post(t, { summaries: [] })
			},
			{
				name: 'a body that is not JSON',
				status: 400,
				code: 'invalid_json',
				request: (t) => ({ ...post(t, {}), body: '{"summaries": [' })
			},
			{
				name: 'a body over 64 KB',
				status: 413,
				code: 'body_too_large',
				request: (t) => ({ ...post(t, {}), body: paddedBatch(64 * 1024 + 1) })
			},
			{
				name: 'a body over 64 KB without a Content-Length (streamed)',
				status: 413,
				code: 'body_too_large',
				request: (t) => ({
					...post(t, {}),
					body: new Blob([paddedBatch(200 * 1024)]).stream(),
					duplex: 'half'
				})
			},
			{
				name: 'a body of 1 MB',
				status: 413,
				code: 'body_too_large',
				request: (t) => ({ ...post(t, {}), body: paddedBatch(1024 * 1024) })
			},
			{
				name: 'text/plain',
				status: 415,
				code: 'unsupported_media_type',
				request: (t) => ({
					...post(t, valid()),
					headers: { authorization: `Bearer ${t}`, 'content-type': 'text/plain' }
				})
			},
			{
				name: 'a form post',
				status: 415,
				code: 'unsupported_media_type',
				request: (t) => ({
					...post(t, valid()),
					headers: {
						authorization: `Bearer ${t}`,
						'content-type': 'application/x-www-form-urlencoded',
						origin: 'https://elders.example'
					}
				})
			},
			{
				name: 'JSON in another charset',
				status: 415,
				code: 'unsupported_media_type',
				request: (t) => ({
					...post(t, valid()),
					headers: {
						authorization: `Bearer ${t}`,
						'content-type': 'application/json; charset=latin1'
					}
				})
			},
			{
				name: 'no token',
				status: 401,
				code: 'unauthorized',
				request: () => ({ method: 'POST', headers: json, body: JSON.stringify(valid()) })
			},
			{
				name: 'an unknown token',
				status: 401,
				code: 'unauthorized',
				request: () => post('A'.repeat(43), valid())
			},
			{
				name: 'a delete with an unknown token',
				status: 401,
				code: 'unauthorized',
				request: () => ({
					method: 'DELETE',
					headers: { authorization: `Bearer ${'B'.repeat(43)}` }
				})
			},
			{
				name: 'a delete with a field in its body',
				status: 400,
				code: 'invalid_body',
				request: (t) => ({
					method: 'DELETE',
					headers: { ...json, authorization: `Bearer ${t}` },
					body: '{"all": true}'
				})
			},
			{
				name: 'a device registration with a field',
				status: 400,
				code: 'invalid_body',
				request: () => ({
					path: '/api/devices',
					method: 'POST',
					headers: json,
					body: '{"team":"x"}'
				})
			},
			{
				name: 'a method the endpoint does not have',
				status: 405,
				code: 'method_not_allowed',
				request: (t) => ({ ...post(t, valid()), method: 'PUT' })
			},
			{
				name: 'an endpoint that does not exist',
				status: 404,
				code: 'not_found',
				request: () => ({ path: '/api/summaries/all', method: 'GET' })
			}
		];

		function post(t: string, body: unknown): RequestInit {
			return {
				method: 'POST',
				headers: { ...json, authorization: `Bearer ${t}` },
				body: JSON.stringify(body)
			};
		}

		it.each(cases)('$name → $status $code', async ({ status, code, request }) => {
			const { path = '/api/summaries', ...init } = request(token);
			await expectError(await fetch(`${server.url}${path}`, init), status, code);
		});

		it('names the item of the batch that is wrong', async () => {
			const response = await postSummaries(server.url, token, {
				summaries: [summary(), { ...summary(), day: '2026-13-01' }]
			});
			const body = ErrorResponseSchema.parse(await response.json());
			expect(body.error.issues?.[0]?.path).toEqual(['summaries', 1, 'day']);
		});
	});

	it('holds only a hash of each token, and exactly what the API confirmed: no refused request left a trace', async () => {
		await server.stop();
		const db = await store.open();
		try {
			const { rows } = await db.query<{ token_hash: Uint8Array }>('SELECT token_hash FROM devices');
			const hashes = rows.map((row) => Buffer.from(row.token_hash).toString('hex'));
			expect(hashes).toContain(createHash('sha256').update(token).digest('hex'));
			const dump = JSON.stringify(
				(await db.query('SELECT * FROM devices')).rows,
				(_, value: unknown) =>
					value instanceof Uint8Array ? Buffer.from(value).toString('base64url') : value
			);
			expect(dump).not.toContain(token);
			expect(rows.length, 'one device per registration').toBe(registrations);
			const stored = await storedUuids(db);
			expect(stored.filter((uuid) => refusedUuids.has(uuid))).toEqual([]);
			expect(new Set(stored)).toEqual(expected);
		} finally {
			await db.close();
		}
		server = await startServer(store.serverOptions(port));
		expect((await postSummaries(server.url, token, { summaries: [makeSummary()] })).status).toBe(
			200
		);
	});

	if (backend === 'PostgreSQL') {
		it('answers 503 from the health check when the database is gone (PostgreSQL: PGlite lives inside the server)', async () => {
			await dropUnderServer(store);
			const health = await fetch(`${server.url}/api/health`);
			await expectError(health, 503, 'database_unavailable');
			const post = await postSummaries(server.url, token, { summaries: [makeSummary()] });
			expect(post.status).toBe(503);
		});
	}
});
