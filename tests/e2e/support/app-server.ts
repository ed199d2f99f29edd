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
	stop(): Promise<void>;
}

export interface AppServerOptions {
	/** A data folder to keep (a test that stops and starts the server on the same data). */
	readonly dataDir?: string;
	readonly env?: Readonly<Record<string, string>>;
}

/**
 * Serves a production build through the production server (`scripts/start.js`, which adds the
 * security headers) on 127.0.0.1:port, with a data folder of its own (removed when it stops); resolves once it answers.
 */
export async function startAppServer(
	dir: string,
	port: number,
	options: AppServerOptions = {}
): Promise<AppServer> {
	const isTaken = await fetch(`http://127.0.0.1:${port}/`).then(
		() => true,
		() => false
	);
	if (isTaken) throw new Error(`Port ${port} is in use; move the tests off it with E2E_PORT.`);

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
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let stderr = '';
	child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const exited = new Promise<void>((resolve) =>
		child.once('exit', () => {
			if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
			resolve();
		})
	);

	// The embedded database's first start in a new folder takes seconds on a busy machine.
	const deadline = Date.now() + 60_000;
	for (;;) {
		if (child.exitCode !== null) {
			throw new Error(`node ${dir} stopped at once (port ${port} in use?): ${stderr}`);
		}
		try {
			const response = await fetch(`http://127.0.0.1:${port}/`);
			if (response.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill();
			throw new Error(`node ${dir} did not answer on port ${port} within 60 s: ${stderr}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}

	return {
		async stop() {
			if (child.exitCode === null) child.kill();
			await exited;
		}
	};
}
