// Thousands of random and malformed requests to every endpoint, against the real server. Every
// answer must be a 4xx with the API's JSON error, or the endpoint's 2xx for a valid request;
// never a 5xx. A model of what the valid ones should have done is kept beside it, and at the end
// the database must hold exactly that: a bad request that changed anything shows up.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AGE_BANDS, ErrorResponseSchema, MAX_BATCH_SIZE } from '../../src/lib/sync/protocol';
import { DIMENSION_IDS } from '../../src/lib/domain/dimensions';
import { register, storedUuids } from './support/api';
import { startServer, type RunningServer } from './support/app-server';
import { createStore, describeEachBackend, type TestStore } from './support/backends';
import { PORTS } from './support/ports';

const RUNS = Number(process.env.FUZZ_RUNS ?? 5000);

const score = fc.option(
	fc.integer({ min: 0, max: 100 }).map((tenths) => tenths / 10),
	{ nil: null }
);
const validSummary = fc.record(
	{
		uuid: fc.uuid({ version: 4 }),
		questionSetId: fc.constantFrom('volwassenen-v1', 'jongeren-v1'),
		day: fc
			.date({ min: new Date('2016-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
			.map((date) => date.toISOString().slice(0, 10)),
		scores: fc.record(Object.fromEntries(DIMENSION_IDS.map((id) => [id, score]))),
		focus: fc.option(fc.constantFrom(...DIMENSION_IDS), { nil: null }),
		context: fc.constantFrom('self', 'conversation'),
		area: fc.integer({ min: 1000, max: 9999 }).map(String),
		ageBand: fc.constantFrom(...AGE_BANDS)
	},
	{ requiredKeys: ['uuid', 'questionSetId', 'day', 'scores', 'focus', 'context'] }
);
const validBatch = fc.array(validSummary, { minLength: 1, maxLength: 5 });

type Json = unknown;

/** One change that makes a valid batch invalid (or, rarely, leaves it valid: that is fine). */
const mutation = fc.oneof(
	fc.record({
		kind: fc.constant('extra-field' as const),
		name: fc.string(),
		value: fc.jsonValue()
	}),
	fc.record({
		kind: fc.constant('drop-field' as const),
		name: fc.constantFrom('uuid', 'questionSetId', 'day', 'scores', 'focus', 'context')
	}),
	fc.record({
		kind: fc.constant('replace-field' as const),
		name: fc.constantFrom('uuid', 'day', 'focus', 'context', 'area', 'ageBand', 'questionSetId'),
		value: fc.jsonValue()
	}),
	fc.record({ kind: fc.constant('score' as const), value: fc.oneof(fc.double(), fc.jsonValue()) }),
	fc.constant({ kind: 'duplicate' as const }),
	fc.constant({ kind: 'too-many' as const }),
	fc.record({ kind: fc.constant('outer-field' as const), value: fc.jsonValue() })
);

function mutate(batch: Record<string, Json>[], change: unknown): Json {
	const items: Record<string, Json>[] = batch.map((item) => ({
		...item,
		scores: { ...(item.scores as object) }
	}));
	const first = items[0] as Record<string, Json>;
	const c = change as { kind: string; name?: string; value?: Json };
	switch (c.kind) {
		case 'extra-field':
			first[c.name || 'x'] = c.value;
			break;
		case 'drop-field':
			delete first[c.name as string];
			break;
		case 'replace-field':
			first[c.name as string] = c.value;
			break;
		case 'score':
			(first.scores as Record<string, Json>).mentaal = c.value;
			break;
		case 'duplicate':
			items.push({ ...first });
			break;
		case 'too-many':
			while (items.length <= MAX_BATCH_SIZE) items.push({ ...first, uuid: crypto.randomUUID() });
			break;
		case 'outer-field':
			return { summaries: items, extra: c.value };
	}
	return { summaries: items };
}

const body = fc.oneof(
	{ weight: 2, arbitrary: fc.constant(undefined) },
	{ weight: 1, arbitrary: fc.uint8Array({ maxLength: 2000 }) },
	{ weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 500 }) },
	{ weight: 2, arbitrary: fc.json() },
	{ weight: 1, arbitrary: fc.constant('{}') },
	{ weight: 1, arbitrary: fc.constant('{"summaries": [') },
	{ weight: 4, arbitrary: validBatch.map((summaries) => JSON.stringify({ summaries })) },
	{
		weight: 6,
		arbitrary: fc
			.tuple(validBatch, mutation)
			.map(([batch, change]) =>
				JSON.stringify(mutate(batch as unknown as Record<string, Json>[], change))
			)
	},
	{
		weight: 1,
		arbitrary: fc
			.integer({ min: 64 * 1024 - 10, max: 200 * 1024 })
			.map((size) => `{"summaries":[],"pad":"${'x'.repeat(size)}"}`)
	}
);

const contentType = fc.oneof(
	fc.constant(undefined),
	fc.constantFrom(
		'application/json',
		'application/json; charset=utf-8',
		'APPLICATION/JSON',
		'application/json; charset=iso-8859-1',
		'text/plain',
		'application/x-www-form-urlencoded',
		'multipart/form-data; boundary=x',
		'application/jsonx'
	),
	fc.stringMatching(/^[\x21-\x7e]{0,40}$/)
);

type Auth = { kind: 'none' } | { kind: 'device'; index: 0 | 1 } | { kind: 'raw'; value: string };
const auth: fc.Arbitrary<Auth> = fc.oneof(
	fc.constant({ kind: 'none' as const }),
	fc.record({
		kind: fc.constant('device' as const),
		index: fc.constantFrom(0 as const, 1 as const)
	}),
	fc.record({
		kind: fc.constant('raw' as const),
		value: fc.stringMatching(/^[\x21-\x7e ]{0,80}$/)
	}),
	fc.record({
		kind: fc.constant('raw' as const),
		value: fc.stringMatching(/^[A-Za-z0-9_-]{43}$/).map((t) => `Bearer ${t}`)
	})
);

const endpoint = fc.oneof(
	{ weight: 6, arbitrary: fc.constant({ method: 'POST', path: '/api/summaries' }) },
	{ weight: 2, arbitrary: fc.constant({ method: 'DELETE', path: '/api/summaries' }) },
	{ weight: 2, arbitrary: fc.constant({ method: 'POST', path: '/api/devices' }) },
	{ weight: 1, arbitrary: fc.constant({ method: 'GET', path: '/api/health' }) },
	{ weight: 1, arbitrary: fc.constant({ method: 'GET', path: '/api/config' }) },
	{
		weight: 2,
		arbitrary: fc.record({
			method: fc.constantFrom('GET', 'PUT', 'PATCH', 'DELETE', 'POST', 'OPTIONS'),
			path: fc.constantFrom(
				'/api/summaries',
				'/api/devices',
				'/api/health',
				'/api/config',
				'/api/x-unknown',
				'/api/summaries/x-1'
			)
		})
	}
);

const extraHeaders = fc.dictionary(
	fc.stringMatching(/^x-[a-z0-9-]{1,20}$/),
	fc.stringMatching(/^[\x21-\x7e]{0,60}$/),
	{ maxKeys: 3 }
);

const JSON_TYPE = 'application/json';
const device = fc.record({
	kind: fc.constant('device' as const),
	index: fc.constantFrom(0 as const, 1 as const)
});
const nearlyValidBatch = fc.oneof(
	validBatch.map((summaries) => JSON.stringify({ summaries })),
	fc
		.tuple(validBatch, mutation)
		.map(([batch, change]) =>
			JSON.stringify(mutate(batch as unknown as Record<string, Json>[], change))
		)
);

// Independent random parts rarely make a request that gets past the first check, so most runs
// are a well-formed request with one part wrong (or none), and the rest fully random.
const request = fc.oneof(
	{ weight: 3, arbitrary: fc.record({ endpoint, auth, contentType, body, extraHeaders }) },
	{
		weight: 4,
		arbitrary: fc.record({
			endpoint: fc.constant({ method: 'POST', path: '/api/summaries' }),
			auth: device,
			contentType: fc.constant(JSON_TYPE),
			body: nearlyValidBatch,
			extraHeaders
		})
	},
	{
		weight: 1,
		arbitrary: fc.record({
			endpoint: fc.constant({ method: 'POST', path: '/api/summaries' }),
			auth: fc.oneof(device, auth),
			contentType: fc.oneof(fc.constant(JSON_TYPE), contentType),
			body: fc.oneof(nearlyValidBatch, body),
			extraHeaders
		})
	},
	{
		weight: 1,
		arbitrary: fc.record({
			endpoint: fc.constant({ method: 'DELETE', path: '/api/summaries' }),
			auth: fc.oneof(device, auth),
			contentType: fc.oneof(fc.constant(undefined), fc.constant(JSON_TYPE), contentType),
			body: fc.oneof(fc.constant(undefined), fc.constant('{}'), body),
			extraHeaders
		})
	},
	{
		weight: 1,
		arbitrary: fc.record({
			endpoint: fc.constant({ method: 'POST', path: '/api/devices' }),
			auth,
			contentType: fc.oneof(fc.constant(JSON_TYPE), contentType),
			body: fc.oneof(fc.constant('{}'), body),
			extraHeaders
		})
	}
);

describeEachBackend('Fuzz', (backend) => {
	let store: TestStore;
	let server: RunningServer;
	const tokens: string[] = [];
	// The model: which device holds which uuid, as the server's rules say it must.
	const owner = new Map<string, number>();
	let devices = 0;
	let answered = 0;
	const statuses = new Map<string, number>();

	beforeAll(async () => {
		store = await createStore(backend, 'fuzz');
		server = await startServer(store.serverOptions(PORTS.fuzz + (backend === 'PGlite' ? 0 : 1)));
		tokens.push(await register(server.url), await register(server.url));
		devices = 2;
	});

	afterAll(async () => {
		await server?.stop();
		await store?.remove();
	});

	it(`answers ${RUNS} random and malformed requests with a 4xx or the right 2xx, never a 5xx, and changes only what the valid ones should`, async () => {
		await fc.assert(
			fc.asyncProperty(request, async (r) => {
				const headers: Record<string, string> = { ...r.extraHeaders };
				if (r.contentType !== undefined) headers['content-type'] = r.contentType;
				const deviceIndex = r.auth.kind === 'device' ? r.auth.index : undefined;
				if (deviceIndex !== undefined) headers.authorization = `Bearer ${tokens[deviceIndex]}`;
				if (r.auth.kind === 'raw') headers.authorization = r.auth.value;
				const hasBody = !['GET', 'HEAD'].includes(r.endpoint.method) && r.body !== undefined;
				const response = await fetch(`${server.url}${r.endpoint.path}`, {
					method: r.endpoint.method,
					headers,
					body: hasBody ? (r.body as BodyInit) : undefined
				});
				const text = await response.text();
				answered++;
				const tally = `${r.endpoint.method} ${r.endpoint.path} ${response.status}`;
				statuses.set(tally, (statuses.get(tally) ?? 0) + 1);
				expect(response.status, `${r.endpoint.method} ${r.endpoint.path}: ${text}`).toBeLessThan(
					500
				);
				expect(response.status).toBeGreaterThanOrEqual(200);
				expect(response.headers.get('content-type')).toMatch(/^application\/json/);
				const json = JSON.parse(text) as Record<string, unknown>;
				if (response.status >= 400) {
					expect(ErrorResponseSchema.safeParse(json).success, text).toBe(true);
					return;
				}
				// A 2xx: only a valid request may have one, and the model follows what it did.
				const where = `${r.endpoint.method} ${r.endpoint.path}`;
				if (where === 'POST /api/summaries') {
					expect(deviceIndex).toBeDefined();
					const sent = (JSON.parse(String(r.body)) as { summaries: { uuid: string }[] }).summaries;
					const fresh = sent.filter((s) => !owner.has(s.uuid));
					expect(json).toEqual({
						confirmed: sent.map((s) => s.uuid),
						stored: fresh.length,
						alreadyStored: sent.length - fresh.length
					});
					for (const s of fresh) owner.set(s.uuid, deviceIndex as number);
				} else if (where === 'DELETE /api/summaries') {
					const mine = [...owner].filter(([, device]) => device === deviceIndex);
					expect(json).toEqual({ deleted: mine.length });
					for (const [uuid] of mine) owner.delete(uuid);
				} else if (where === 'POST /api/devices') {
					expect(response.status).toBe(201);
					devices++;
				} else {
					expect(['GET /api/health', 'GET /api/config']).toContain(where);
				}
			}),
			{ numRuns: RUNS }
		);
		expect(answered).toBeGreaterThanOrEqual(RUNS);
		// The valid path is exercised too, not only the refusals.
		console.log(`Fuzz [${backend}] answers:`, Object.fromEntries([...statuses].sort()));
		expect(statuses.get('POST /api/summaries 200') ?? 0).toBeGreaterThan(RUNS * 0.05);
		expect(statuses.get('POST /api/summaries 400') ?? 0).toBeGreaterThan(RUNS * 0.05);
		expect(statuses.get('DELETE /api/summaries 200') ?? 0).toBeGreaterThan(0);

		await server.stop();
		const db = await store.open();
		try {
			const stored = await storedUuids(db);
			expect(stored.length).toBe(new Set(stored).size);
			expect(new Set(stored)).toEqual(new Set(owner.keys()));
			const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM devices');
			expect(rows[0]?.n).toBe(devices);
		} finally {
			await db.close();
		}
	}, 900_000); // 5,000 requests one after another: minutes on a busy 2-core machine
});
