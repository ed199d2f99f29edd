import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { SyncClient } from './client';
import { Flusher, mayTryEarly, type Trigger } from './flusher';
import type { Summary } from './protocol';
import { FakeServer, json, MemoryDevice, MemoryLocks, MemoryOutbox } from './testing/memory-sync';

function summary(overrides: Partial<Summary> = {}): Summary {
	return {
		uuid: randomUUID(),
		questionSetId: 'volwassenen-v1',
		day: '2026-03-14',
		scores: {
			lichaamsfuncties: 7.3,
			mentaal: 6,
			zingeving: 8.5,
			kwaliteit: null,
			meedoen: 4,
			dagelijks: 9.1
		},
		focus: null,
		context: 'self',
		...overrides
	};
}

let now: number;
let server: FakeServer;
let outbox: MemoryOutbox;
let device: MemoryDevice;
let isOnline: boolean;

function flusher(options: { locks?: MemoryLocks | null; batchSize?: number } = {}): Flusher {
	return new Flusher({
		outbox,
		device,
		client: new SyncClient({ fetch: server.fetch, clock: () => now }),
		locks: options.locks ?? null,
		isOnline: () => isOnline,
		clock: () => now,
		// The top of the jitter, so the schedule is exact.
		random: () => 0.999999,
		batchSize: () => options.batchSize ?? 100
	});
}

const posts = () => server.requests('POST', '/api/summaries');

beforeEach(() => {
	now = 1_750_000_000_000;
	server = new FakeServer();
	outbox = new MemoryOutbox();
	device = new MemoryDevice();
	isOnline = true;
});

describe('sending', () => {
	it('registers on the first flush only, sends, and removes what the server confirmed', async () => {
		const items = [summary(), summary(), summary()];
		outbox.add(...items);
		const result = await flusher().flush('start');

		expect(result).toEqual({ kind: 'done', isActive: true, nextAt: null });
		expect(server.requests('POST', '/api/devices')).toHaveLength(1);
		expect(posts()).toHaveLength(1);
		expect(posts()[0]?.body).toEqual({ summaries: items });
		expect(posts()[0]?.token).toBe(device.token);
		expect(outbox.items.size).toBe(0);
		expect([...server.stored.keys()]).toEqual(items.map((s) => s.uuid));

		outbox.add(summary());
		await flusher().flush('new-item');
		expect(server.requests('POST', '/api/devices')).toHaveLength(1);
		expect(posts()).toHaveLength(2);
	});

	it('does nothing, not even registering, while nothing is ready or consent is off', async () => {
		const waiting = summary();
		outbox.add(waiting);
		outbox.notReady.add(waiting.uuid);
		device.nextAt = now + 60_000;
		expect(await flusher().flush('start')).toEqual({
			kind: 'done',
			isActive: true,
			nextAt: now + 60_000
		});

		outbox.notReady.clear();
		device.isOn = false;
		expect(await flusher().flush('start')).toEqual({ kind: 'done', isActive: false, nextAt: null });
		expect(server.seen).toEqual([]);
	});

	it('removes exactly the confirmed uuids and sends the rest again', async () => {
		const [a, b, c] = [summary(), summary(), summary()];
		outbox.add(a, b, c);
		server.nextPost(() => json(200, { confirmed: [b.uuid], stored: 1, alreadyStored: 0 }));
		server.nextPost(() => json(200, { confirmed: [a.uuid, c.uuid], stored: 2, alreadyStored: 0 }));
		await flusher().flush('start');
		expect(posts().map((r) => (r.body as { summaries: Summary[] }).summaries.length)).toEqual([
			3, 2
		]);
		expect(outbox.items.size).toBe(0);
	});

	it('sends in batches of the size asked, at most the protocol allows', async () => {
		outbox.add(...Array.from({ length: 250 }, () => summary()));
		await flusher({ batchSize: 1000 }).flush('start');
		expect(posts().map((r) => (r.body as { summaries: unknown[] }).summaries.length)).toEqual([
			100, 100, 50
		]);
	});

	it('keeps everything when a 200 cannot be read or confirms none of the batch', async () => {
		outbox.add(summary());
		server.nextPost(() => new Response('<html>proxy</html>', { status: 200 }));
		expect((await flusher().flush('start')).kind).toBe('retry');
		expect(outbox.items.size).toBe(1);

		now = device.retry!.notBefore;
		server.nextPost(() => json(200, { confirmed: [], stored: 0, alreadyStored: 0 }));
		expect((await flusher().flush('timer')).kind).toBe('retry');
		expect(outbox.items.size).toBe(1);
		expect(device.retry?.failures).toBe(2);
	});
});

describe('a refusal (4xx)', () => {
	it('sets aside only the items the server named, with its reason, and sends the others', async () => {
		const items = [summary(), summary(), summary()];
		outbox.add(...items);
		server.nextPost(() =>
			json(400, {
				error: {
					code: 'invalid_body',
					message: 'bad',
					issues: [{ path: ['summaries', 1, 'day'], message: 'a day from 2016-01-01 on' }]
				}
			})
		);
		const result = await flusher().flush('start');

		expect(result.kind).toBe('done');
		expect([...outbox.setAsideItems]).toEqual([[items[1]!.uuid, 'invalid_body']]);
		expect(posts()).toHaveLength(2);
		expect([...server.stored.keys()]).toEqual([items[0]!.uuid, items[2]!.uuid]);
		// Not retried: the next pass does not send it.
		await flusher().flush('timer');
		expect(posts()).toHaveLength(2);
	});

	it('sets aside the whole batch when no item is named, the status when no code is given', async () => {
		outbox.add(summary(), summary());
		server.nextPost(() => new Response('nope', { status: 418 }));
		await flusher().flush('start');
		expect([...outbox.setAsideItems.values()]).toEqual(['status 418', 'status 418']);
	});

	it('halves the batch when it is too large, and sets aside one item that is too large alone', async () => {
		const items = Array.from({ length: 8 }, () => summary());
		outbox.add(...items);
		server.nextPost(() => json(413, { error: { code: 'body_too_large', message: 'big' } }));
		server.nextPost(() => json(400, { error: { code: 'batch_too_large', message: 'many' } }));
		await flusher().flush('start');
		expect(posts().map((r) => (r.body as { summaries: unknown[] }).summaries.length)).toEqual([
			8, 4, 2, 2, 2, 2
		]);
		expect(outbox.items.size).toBe(0);

		outbox.add(summary());
		for (let i = 0; i < 3; i++) {
			server.nextPost(() => json(413, { error: { code: 'body_too_large', message: 'big' } }));
		}
		await flusher().flush('new-item');
		expect([...outbox.setAsideItems.values()]).toEqual(['body_too_large']);
	});
});

describe('an unknown token (401)', () => {
	it('registers again and sends with the new token', async () => {
		outbox.add(summary());
		await flusher().flush('start');
		const first = device.token;
		server.forgetDevices();

		outbox.add(summary());
		await flusher().flush('new-item');
		expect(device.token).not.toBe(first);
		expect(server.requests('POST', '/api/devices')).toHaveLength(2);
		expect(posts().at(-1)?.token).toBe(device.token);
		expect(outbox.items.size).toBe(0);
	});

	it('does not loop when even a new token is refused', async () => {
		outbox.add(summary());
		server.nextPost(() => json(401, { error: { code: 'unauthorized', message: 'who' } }));
		expect((await flusher().flush('start')).kind).toBe('retry');
		expect(server.seen).toHaveLength(2);
		expect(outbox.items.size).toBe(1);
		expect(device.token).toBeNull();
	});
});

describe('trying again later', () => {
	it('backs off exponentially after 5xx and network failures, in a schedule all tabs share', async () => {
		outbox.add(summary());
		server.nextPost(() => json(503, { error: { code: 'database_unavailable', message: 'x' } }));
		server.nextPost(() => 'network-error');
		server.nextPost(() => json(500, { error: { code: 'internal', message: 'x' } }));

		const pauses: number[] = [];
		for (let i = 0; i < 3; i++) {
			const result = await flusher().flush('timer');
			if (result.kind !== 'retry') throw new Error(`expected a retry, got ${result.kind}`);
			pauses.push(result.at - now);
			expect(device.retry).toMatchObject({ failures: i + 1, notBefore: result.at });
			now = result.at;
		}
		expect(pauses).toEqual([5_000, 10_000, 20_000]);
		expect(device.retry?.kind).toBe('server');

		// Success clears the schedule.
		await flusher().flush('timer');
		expect(device.retry).toBeNull();
		expect(outbox.items.size).toBe(0);
	});

	it('sends nothing before the pause is over, whichever tab or event asks', async () => {
		outbox.add(summary());
		device.retry = { failures: 3, notBefore: now + 20_000, kind: 'server' };
		for (const trigger of ['start', 'visible', 'new-item', 'ready', 'timer', 'online'] as const) {
			expect(await flusher().flush(trigger)).toEqual({
				kind: 'retry',
				isActive: true,
				at: now + 20_000
			});
		}
		expect(server.seen).toEqual([]);
		// The person's own "try again" may.
		await flusher().flush('manual');
		expect(outbox.items.size).toBe(0);
	});

	it('honours Retry-After on a 429, even against the network coming back or a tap', async () => {
		outbox.add(summary());
		server.nextPost(() =>
			json(429, { error: { code: 'rate_limited', message: 'slow' } }, { 'retry-after': '120' })
		);
		const result = await flusher().flush('start');
		expect(result).toEqual({ kind: 'retry', isActive: true, at: now + 120_000 });
		expect(device.retry?.kind).toBe('rate-limited');
		for (const trigger of ['online', 'manual', 'withdraw'] as const) {
			expect((await flusher().flush(trigger)).kind).toBe('retry');
		}
		expect(posts()).toHaveLength(1);
	});

	it('tries at once when the network comes back after a network failure', async () => {
		outbox.add(summary());
		server.nextPost(() => 'network-error');
		await flusher().flush('start');
		expect(device.retry?.kind).toBe('network');
		await flusher().flush('online');
		expect(outbox.items.size).toBe(0);
	});

	it('says offline, and sends nothing, while the browser has no network', async () => {
		outbox.add(summary());
		isOnline = false;
		expect(await flusher().flush('start')).toEqual({ kind: 'offline', isActive: true });
		expect(server.seen).toEqual([]);
	});

	it.each([
		['online', 'network', true],
		['online', 'server', false],
		['manual', 'server', true],
		['withdraw', 'network', true],
		['manual', 'rate-limited', false],
		['timer', 'network', false],
		['visible', 'server', false]
	] as const)('lets %s try early after a %s failure: %s', (trigger, kind, expected) => {
		expect(mayTryEarly(trigger as Trigger, kind)).toBe(expected);
	});
});

describe('withdrawing', () => {
	it('deletes on the server before anything else is sent, then registers anew', async () => {
		outbox.add(summary());
		await flusher().flush('start');
		const old = device.token;
		expect(server.stored.size).toBe(1);

		// Withdrawn, then consent given again with a new web waiting, before the next pass.
		device.isWithdrawing = true;
		const later = summary();
		outbox.add(later);
		await flusher().flush('withdraw');

		const order = server.seen.slice(2).map((r) => `${r.method} ${r.path}`);
		expect(order).toEqual(['DELETE /api/summaries', 'POST /api/devices', 'POST /api/summaries']);
		expect(server.seen[2]?.token).toBe(old);
		expect(device.deletedOnWithdrawal).toBe(1);
		expect(device.token).not.toBe(old);
		expect([...server.stored.keys()]).toEqual([later.uuid]);
	});

	it('waits for the network, and counts as done at once when nothing was ever registered', async () => {
		device.isOn = false;
		device.token = 'a-token-the-server-gave-us';
		device.isWithdrawing = true;
		isOnline = false;
		expect(await flusher().flush('withdraw')).toEqual({ kind: 'offline', isActive: true });
		expect(device.isWithdrawing).toBe(true);

		device.token = null;
		expect(await flusher().flush('withdraw')).toEqual({
			kind: 'done',
			isActive: false,
			nextAt: null
		});
		expect(device.isWithdrawing).toBe(false);
		expect(device.deletedOnWithdrawal).toBe(0);
		expect(server.seen).toEqual([]);
	});

	it('keeps trying when the server fails or refuses, and is done when it never knew the device', async () => {
		device.token = 'a-token-the-server-gave-us';
		device.isWithdrawing = true;
		device.isOn = false;
		server.nextDelete(() => json(503, { error: { code: 'database_unavailable', message: 'x' } }));
		server.nextDelete(() => json(404, { error: { code: 'not_found', message: 'x' } }));
		expect((await flusher().flush('withdraw')).kind).toBe('retry');
		expect((await flusher().flush('withdraw')).kind).toBe('retry');
		expect(device.isWithdrawing).toBe(true);

		await flusher().flush('withdraw');
		expect(device.isWithdrawing).toBe(false);
		expect(device.token).toBeNull();
	});
});

describe('one flusher across tabs', () => {
	it('never has two requests in flight at once while the tabs share the lock', async () => {
		server.delayMs = 5;
		const locks = new MemoryLocks();
		const items = Array.from({ length: 30 }, () => summary());
		outbox.add(...items);
		const tabs = [1, 2, 3].map(() => flusher({ locks, batchSize: 4 }));

		await Promise.all(tabs.flatMap((tab) => [tab.flush('start'), tab.flush('visible')]));

		expect(server.maxInFlight).toBe(1);
		expect(locks.maxHeld).toBe(1);
		expect(server.requests('POST', '/api/devices')).toHaveLength(1);
		// Each batch went once: no tab sent what another had already sent.
		expect(posts()).toHaveLength(Math.ceil(items.length / 4));
		expect(outbox.items.size).toBe(0);
		expect(server.stored.size).toBe(30);
	});

	it('would overlap without it (so the lock is what keeps them apart)', async () => {
		server.delayMs = 5;
		const tabs = [1, 2, 3].map(() => flusher({ locks: null, batchSize: 4 }));
		// Registered once, so the tabs contend over sending alone.
		outbox.add(summary());
		await tabs[0]!.flush('start');
		outbox.add(...Array.from({ length: 30 }, () => summary()));
		await Promise.all(tabs.map((tab) => tab.flush('start')));
		expect(server.maxInFlight).toBeGreaterThan(1);
		expect(outbox.items.size).toBe(0);
	});
});
