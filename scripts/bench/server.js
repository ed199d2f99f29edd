// Starts the production server (scripts/start.js on build/) on a port for a benchmark, with a data
// folder of its own (or the DATABASE_URL in `env`). Its request log is not read: it is dropped, so
// a full pipe can never stall the server.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * @param {number} port
 * @param {Record<string, string>} [env]
 */
export async function startServer(port, env = {}) {
	const dataDir = mkdtempSync(join(tmpdir(), 'spinnenweb-bench-data-'));
	const childEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir };
	delete childEnv.DATABASE_URL;
	const server = spawn(process.execPath, ['scripts/start.js'], {
		env: { ...childEnv, ...env },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const exited = new Promise((resolve) => server.once('exit', resolve));
	const stop = async () => {
		if (server.exitCode === null) server.kill('SIGTERM');
		await exited;
		rmSync(dataDir, { recursive: true, force: true });
	};
	const url = `http://127.0.0.1:${port}`;
	for (let attempt = 0; attempt < 900; attempt++) {
		if (server.exitCode !== null) break;
		try {
			if ((await fetch(`${url}/api/health`)).ok) return { url, stop, dataDir };
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	await stop();
	throw new Error(`The production server did not start on ${url}`);
}
