import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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

/** Serves a production build (`node <dir>`) on 127.0.0.1:port; resolves once it answers. */
export async function startAppServer(dir: string, port: number): Promise<AppServer> {
	const isTaken = await fetch(`http://127.0.0.1:${port}/`).then(
		() => true,
		() => false
	);
	if (isTaken) throw new Error(`Port ${port} is in use; set E2E_UPDATE_PORT to a free one.`);

	const child: ChildProcess = spawn(process.execPath, [dir], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let stderr = '';
	child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

	const deadline = Date.now() + 15_000;
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
			throw new Error(`node ${dir} did not answer on port ${port} within 15 s: ${stderr}`);
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
