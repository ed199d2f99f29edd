import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The version name a production build was made under, from its `_app/version.json`. */
export function buildVersion(dir: string, howToBuild: string): string {
	const file = join(dir, 'client', '_app', 'version.json');
	if (!existsSync(file)) {
		throw new Error(`There is no build in ${dir}/ (no ${file}). ${howToBuild}`);
	}
	const { version } = JSON.parse(readFileSync(file, 'utf8')) as { version: string };
	return version;
}

export interface AppServer {
	/** Where this server, and no other, answers: `http://127.0.0.1:<port>`. */
	readonly url: string;
	/** Every line the server logged so far (stdout and stderr), to check what never reaches a log. */
	log(): string;
	stop(): Promise<void>;
}

export interface AppServerOptions {
	/** A data folder to keep (a test that stops and starts the server on the same data). */
	readonly dataDir?: string;
	readonly env?: Readonly<Record<string, string>>;
}

// The line scripts/start.js prints once it listens, with the port it got.
const LISTENING = /Spinnenweb draait op http:\/\/\S+:(\d+)/;

/**
 * Serves a production build through the production server (`scripts/start.js`, which adds the
 * security headers) on 127.0.0.1:port, with a data folder of its own (removed when it stops).
 * Port 0 lets the system choose a free one (read back from `url`), so tests that run in parallel
 * workers (`--repeat-each`) never meet. Resolves once this server's own process says it listens:
 * answering on the port is not enough, as another test's server may answer there.
 */
export async function startAppServer(
	dir: string,
	port: number,
	options: AppServerOptions = {}
): Promise<AppServer> {
	if (port !== 0) {
		const isTaken = await fetch(`http://127.0.0.1:${port}/`).then(
			() => true,
			() => false
		);
		if (isTaken) throw new Error(`Port ${port} is in use; move the tests off it with E2E_PORT.`);
	}

	const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'spinnenweb-e2e-data-'));
	const env: NodeJS.ProcessEnv = {
		...process.env,
		...options.env,
		PORT: String(port),
		HOST: '127.0.0.1'
	};
	delete env.DATABASE_URL;
	const child: ChildProcess = spawn(process.execPath, ['scripts/start.js'], {
		env: { ...env, SPINNENWEB_SERVE_DIR: dir, DATA_DIR: dataDir },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	// Both are read to the end, or a full pipe would stop the server.
	let log = '';
	child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
	const exited = new Promise<void>((resolve) =>
		child.once('exit', () => {
			if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
			resolve();
		})
	);

	// The embedded database's first start in a new folder (its initdb) takes seconds, and over a
	// minute when parallel workers each start one on a busy machine: as long as playwright.config's
	// webServer may take.
	const deadline = Date.now() + 120_000;
	let listening: number | undefined;
	for (;;) {
		const said = LISTENING.exec(log);
		if (said) listening = Number(said[1]);
		if (listening !== undefined) {
			try {
				const response = await fetch(`http://127.0.0.1:${listening}/`);
				if (response.ok) break;
			} catch {
				// listening, not answering yet
			}
		}
		if (child.exitCode !== null) {
			throw new Error(`node ${dir} stopped at once (port ${port} in use?): ${log}`);
		}
		if (Date.now() > deadline) {
			child.kill();
			throw new Error(`node ${dir} did not answer on port ${port} within 120 s: ${log}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}

	return {
		url: `http://127.0.0.1:${listening}`,
		log: () => log,
		async stop() {
			if (child.exitCode === null) child.kill();
			await exited;
		}
	};
}
