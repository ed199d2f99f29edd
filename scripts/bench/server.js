// Starts the production server (adapter-node output in build/) on a free port for a benchmark.
import { spawn } from 'node:child_process';

export async function startServer(port) {
	const server = spawn(process.execPath, ['build'], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const url = `http://127.0.0.1:${port}`;
	for (let attempt = 0; attempt < 100; attempt++) {
		try {
			if ((await fetch(url)).ok) return { url, stop: () => server.kill() };
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	server.kill();
	throw new Error(`The production server did not start on ${url}`);
}
