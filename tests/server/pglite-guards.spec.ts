// PGlite's limits, guarded: one server per data folder (a lock file, checked by pid), and a stop
// by SIGTERM in the middle of a batch loses nothing the server had confirmed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/open';
import { makeSummary, postSummaries, register, storedUuids } from './support/api';
import { spawnServer, startServer, type RunningServer } from './support/app-server';
import { freshDataDir, removeDataDir } from './support/pglite-template';
import { PORTS } from './support/ports';

const LOCK = 'spinnenweb.lock';

describe('PGlite guards', () => {
	const running: RunningServer[] = [];
	const dirs: string[] = [];
	const dataDir = () => {
		const dir = freshDataDir('guards');
		dirs.push(dir);
		return dir;
	};
	const start = async (dir: string, port: number) => {
		const server = await startServer({ dataDir: dir, port });
		running.push(server);
		return server;
	};

	afterEach(async () => {
		await Promise.all(running.splice(0).map((server) => server.stop()));
		for (const dir of dirs.splice(0)) removeDataDir(dir);
	});

	it('refuses a second server on the same folder with a clear message, and the first keeps serving', async () => {
		const dir = dataDir();
		const first = await start(dir, PORTS.guards);
		const second = spawnServer({ dataDir: dir, port: PORTS.guards + 1 });
		expect(await second.exited).toBe(1);
		expect(second.output()).toContain(
			`is in use by another Spinnenweb server (process ${first.child.pid})`
		);
		expect(second.output()).toContain('DATABASE_URL');
		expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
		// It never got as far as listening.
		await expect(fetch(`http://127.0.0.1:${PORTS.guards + 1}/api/health`)).rejects.toThrow();
	});

	it('takes over a lock left by a process that died, and frees the folder when it stops', async () => {
		const dir = dataDir();
		const dead = spawnSync(process.execPath, ['-e', '0']).pid;
		writeFileSync(join(dir, LOCK), JSON.stringify({ pid: dead, host: hostname() }));
		const server = await start(dir, PORTS.guards + 2);
		expect(JSON.parse(readFileSync(join(dir, LOCK), 'utf8'))).toEqual({
			pid: server.child.pid,
			host: hostname()
		});
		expect(await server.stop()).toBe(0);
		expect(existsSync(join(dir, LOCK))).toBe(false);
	});

	it('takes over a lock file that was cut short by a crash', async () => {
		const dir = dataDir();
		writeFileSync(join(dir, LOCK), '{"pid":');
		const server = await start(dir, PORTS.guards + 3);
		expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
	});

	it('after SIGTERM in the middle of a batch, a restart finds every confirmed summary', async () => {
		const dir = dataDir();
		const server = await start(dir, PORTS.guards + 4);
		const token = await register(server.url);
		const confirmed: string[] = [];
		let isStopped = false;
		let answered = 0;

		// Eight clients send batches of 50 without pause; the stop comes while they are at it.
		const clients = Array.from({ length: 8 }, async () => {
			while (!isStopped) {
				const summaries = Array.from({ length: 50 }, () => makeSummary());
				try {
					const response = await postSummaries(server.url, token, { summaries });
					if (response.status === 200) {
						const answer = (await response.json()) as { confirmed: string[] };
						confirmed.push(...answer.confirmed);
						answered++;
					}
				} catch {
					// Refused or cut off by the stop: not confirmed, so no promise was made.
				}
			}
		});
		while (answered < 10) await new Promise((resolve) => setTimeout(resolve, 5));
		const stopped = server.stop('SIGTERM');
		const exitCode = await stopped;
		isStopped = true;
		await Promise.all(clients);
		expect(exitCode, server.output()).toBe(0);
		expect(server.output()).toContain('SIGTERM');
		expect(confirmed.length).toBeGreaterThanOrEqual(500);

		const db = await openDatabase({ kind: 'pglite', dataDir: dir });
		try {
			const stored = new Set(await storedUuids(db));
			expect(confirmed.filter((uuid) => !stored.has(uuid))).toEqual([]);
		} finally {
			await db.close();
		}
		// And the server itself starts again on it.
		const again = await start(dir, PORTS.guards + 4);
		expect((await postSummaries(again.url, token, { summaries: [makeSummary()] })).status).toBe(
			200
		);
	});
});
