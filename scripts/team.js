// `npm run team -- <command>`: teams, enrolment codes and coordinator keys (see
// src/lib/server/teams/cli.ts, which this runs with Vite's module runner, so the command uses
// the server's own code and migrations with no build step).
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

/** @param {string} question */
async function confirm(question) {
	if (!process.stdin.isTTY) return false;
	const rl = createInterface({ input: process.stdin, output: process.stdout });
	try {
		return /^(y|yes|j|ja)$/i.test((await rl.question(question)).trim());
	} finally {
		rl.close();
	}
}

// A Vite server with no HTTP side, only to load TypeScript (the database engine is imported on
// demand, so it stays open until the command is done).
const vite = await createServer({
	configFile: false,
	root,
	logLevel: 'error',
	appType: 'custom',
	server: { middlewareMode: true, hmr: false, ws: false, watch: null },
	optimizeDeps: { noDiscovery: true, include: [] },
	resolve: { alias: { $lib: `${root}src/lib` } }
});
try {
	const cli = await vite.ssrLoadModule('/src/lib/server/teams/cli.ts');
	process.exitCode = await cli.main(process.argv.slice(2), process.env, {
		out: (/** @type {string} */ line) => console.log(line),
		err: (/** @type {string} */ line) => console.error(line),
		confirm
	});
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
} finally {
	await vite.close();
}
