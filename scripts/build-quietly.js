// `npm start`'s build: the same `vite build`, printing only what a newcomer needs to see, which is
// problems. Vite itself is told to report warnings and errors only (--logLevel warn), and the
// bundler's timing report is off in vite.config.ts. What is left are lines known to be no
// problem, listed here one by one and dropped; anything else (a real warning, an error) still
// shows. `npm run build` keeps its full report.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

// Each matches one line of a successful build, colours removed.
const NO_PROBLEM = [
	// The server bundle's chunks that hold only types or re-exports (adapter-node's own bundling).
	/^Generated an empty chunk: "[^"]+"\.$/,
	// SvelteKit builds the service worker with its own Vite, which reports at the info level.
	/^vite v[\d.]+ building \w+ environment for production\.\.\.$/,
	/^transforming\.\.\.$/,
	/^✓ \d+ modules? transformed\.$/,
	/^rendering chunks\.\.\.$/,
	/^computing gzip size\.\.\.$/,
	/^\S*service-worker\.js\s+[\d.]+ kB │ gzip:\s+[\d.]+ kB$/,
	/^✓ built in [\d.]+m?s$/,
	/^Run npm run preview to preview your production build locally\.$/,
	/^> Using @sveltejs\/adapter-node$/,
	/^✔ done$/,
	/^[✔ℹ] \[paraglide-js\] Compilation (complete|skipped)\b.*$/,
	/^$/
];

// eslint-disable-next-line no-control-regex
const COLOURS = /\u001b\[[0-9;]*m/g;

/** @param {string} line */
export function isNoProblem(line) {
	const plain = line.replace(COLOURS, '').trim();
	return NO_PROBLEM.some((pattern) => pattern.test(plain));
}

const vite = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));
const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
	stdio: ['ignore', 'pipe', 'pipe']
});
for (const [stream, out] of [
	[child.stdout, process.stdout],
	[child.stderr, process.stderr]
]) {
	createInterface({ input: stream }).on('line', (line) => {
		if (!isNoProblem(line)) out.write(`${line}\n`);
	});
}
child.on('exit', (code) => {
	process.exitCode = code ?? 1;
});
