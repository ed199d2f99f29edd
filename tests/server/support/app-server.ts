// Starts the real production server (`node scripts/start.js` on build/) as a child process, the
// way a host runs it, and stops it the way a host does (SIGTERM).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface ServerOptions {
	readonly port: number;
	/** PGlite's folder; ignored when databaseUrl is given. */
	readonly dataDir?: string;
	readonly databaseUrl?: string;
	readonly env?: Record<string, string>;
}

export interface RunningServer {
	readonly url: string;
	readonly child: ChildProcess;
	/** Everything it printed so far, stdout and stderr. */
	output(): string;
	/** SIGTERM (or another signal), then waits for the exit; resolves with the exit code. */
	stop(signal?: NodeJS.Signals): Promise<number | null>;
	readonly exited: Promise<number | null>;
}

export const BUILD_HANDLER = 'build/handler.js';

// Generous limits: the tests send thousands of requests from one address on purpose. The rate
// limit tests set their own small ones.
const TEST_LIMITS = {
	SPINNENWEB_RATE_ADDRESS_PER_MINUTE: '1000000',
	SPINNENWEB_RATE_DEVICE_PER_MINUTE: '1000000',
	SPINNENWEB_RATE_REGISTER_PER_HOUR: '1000000'
};

export function assertBuilt(): void {
	if (!existsSync(BUILD_HANDLER)) {
		throw new Error(
			`There is no production build (${BUILD_HANDLER}): run \`npm run build\` before the server tests.`
		);
	}
}

/** Spawns the server; resolves once /api/health answers 200, rejects if it exits first. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
	const server = spawnServer(options);
	const deadline = Date.now() + 90_000;
	for (;;) {
		const exitCode = server.child.exitCode ?? server.child.signalCode;
		if (exitCode !== null) {
			throw new Error(`The server stopped at start (${exitCode}):\n${server.output()}`);
		}
		try {
			const response = await fetch(`${server.url}/api/health`);
			if (response.status === 200) return server;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			await server.stop('SIGKILL');
			throw new Error(`The server did not become healthy within 90 s:\n${server.output()}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** Spawns the server without waiting for it (for tests of a server that must refuse to start). */
export function spawnServer(options: ServerOptions): RunningServer {
	assertBuilt();
	const env: Record<string, string> = {
		...(process.env as Record<string, string>),
		...TEST_LIMITS,
		PORT: String(options.port),
		HOST: '127.0.0.1',
		...options.env
	};
	delete env.DATABASE_URL;
	if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
	else if (options.dataDir) env.DATA_DIR = options.dataDir;
	else throw new Error('startServer needs a dataDir or a databaseUrl.');

	const child = spawn(process.execPath, ['scripts/start.js'], {
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<number | null>((resolve) =>
		child.once('exit', (code) => resolve(code))
	);
	return {
		url: `http://127.0.0.1:${options.port}`,
		child,
		exited,
		output: () => output,
		async stop(signal = 'SIGTERM') {
			if (child.exitCode === null && child.signalCode === null) child.kill(signal);
			return exited;
		}
	};
}

/** Starts several servers at once; if one fails, stops the others before it throws. */
export async function startServers(options: readonly ServerOptions[]): Promise<RunningServer[]> {
	const started = await Promise.allSettled(options.map((each) => startServer(each)));
	const failure = started.find((result) => result.status === 'rejected');
	if (failure) {
		await Promise.all(
			started.map((result) => (result.status === 'fulfilled' ? result.value.stop() : undefined))
		);
		throw failure.reason;
	}
	return started.map((result) => (result as PromiseFulfilledResult<RunningServer>).value);
}

/** The servers' addresses in turn, so every one takes part however few requests there are. */
export function takeTurns(servers: readonly RunningServer[]): () => string {
	let turn = 0;
	return () => servers[turn++ % servers.length]!.url;
}
