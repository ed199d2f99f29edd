// `npm start` / `npm run serve`: the production server. adapter-node's handler does the work;
// this file is the Node server in front of it, for what the handler cannot do alone:
// - security headers on every response, also the prerendered pages and files that adapter-node
//   serves without passing through SvelteKit's hooks (security-headers.js);
// - one log line per request: method, path, status, time. Never the query, a header or a body
//   (a device token or health data must not reach a log);
// - a clean stop on SIGTERM/SIGINT: stop taking requests, answer those under way, then close the
//   database (src/hooks.server.ts listens for 'sveltekit:shutdown').
import { createServer } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
	appHtmlScriptHashes,
	cspDirectives,
	cspHeader,
	inlineScriptHashes,
	SECURITY_HEADERS
} from '../security-headers.js';

const root = fileURLToPath(new URL('..', import.meta.url));
// SPINNENWEB_SERVE_DIR serves another build (the update test's second version).
const buildDir = resolve(process.env.SPINNENWEB_SERVE_DIR || join(root, 'build'));

process.env.PORT ??= '3000';
process.env.HOST ??= '127.0.0.1';
// adapter-node refuses larger bodies itself; the API's own limit is 64 KB (src/lib/sync/protocol.ts).
process.env.BODY_SIZE_LIMIT ??= '65536';

/**
 * The policy for every file served from the build: the scripts of all prerendered pages hashed
 * (each page also carries its own, narrower <meta> policy from SvelteKit).
 * @param {string} dir
 * @returns {string[]}
 */
function prerenderedScriptHashes(dir) {
	/** @type {string[]} */
	let files = [];
	try {
		files = readdirSync(dir, { recursive: true, encoding: 'utf8' });
	} catch {
		return [];
	}
	return files
		.filter((file) => file.endsWith('.html'))
		.flatMap((file) => inlineScriptHashes(readFileSync(join(dir, file), 'utf8')));
}

const pageCsp = cspHeader(
	cspDirectives([
		...new Set([
			...appHtmlScriptHashes(join(root, 'src', 'app.html')),
			...prerenderedScriptHashes(join(buildDir, 'prerendered'))
		])
	])
);

/** @type {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void} */
let handler;
try {
	// Importing the handler runs SvelteKit's init: the database opens (and migrates) before we listen.
	({ handler } = await import(pathToFileURL(join(buildDir, 'handler.js')).href));
} catch (error) {
	const message = error instanceof Error ? error.message : String(error);
	const name = error instanceof Error ? error.name : '';
	if (name === 'DataDirLockedError' || name === 'ConfigError') {
		console.error(`Spinnenweb kan niet starten / cannot start: ${message}`);
	} else {
		console.error('Spinnenweb kan niet starten / cannot start:', error);
	}
	process.exit(1);
}

const httpServer = createServer((req, res) => {
	const started = process.hrtime.bigint();
	const path = (req.url ?? '/').split('?')[0];
	res.on('finish', () => {
		const ms = Number(process.hrtime.bigint() - started) / 1e6;
		console.log(`${req.method} ${path} ${res.statusCode} ${ms.toFixed(1)}ms`);
	});
	// Headers set here stay unless the answer sets its own (SvelteKit's pages and the API do).
	res.setHeader('content-security-policy', pageCsp);
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
	handler(req, res);
});

const port = Number(process.env.PORT);
const host = process.env.HOST;
httpServer.listen(port, host, () => {
	const address = httpServer.address();
	const shownPort = typeof address === 'object' && address ? address.port : port;
	const isLocal = ['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost'].includes(host);
	const shown = isLocal ? 'localhost' : host.includes(':') ? `[${host}]` : host;
	console.log(`Spinnenweb draait op http://${shown}:${shownPort}`);
});

let isStopping = false;
/** @param {NodeJS.Signals} signal */
function stop(signal) {
	if (isStopping) return;
	isStopping = true;
	console.log(`${signal}: Spinnenweb stopt / stopping`);
	// Keep-alive connections with no request under way would hold close() open.
	httpServer.closeIdleConnections();
	const force = setTimeout(() => httpServer.closeAllConnections(), 30_000);
	force.unref();
	httpServer.close(() => {
		clearTimeout(force);
		// @ts-expect-error SvelteKit's own event, as adapter-node emits it
		process.emit('sveltekit:shutdown', signal);
	});
}
// Requests that finish during the stop leave their connection: let it go at once.
httpServer.on('request', (req) =>
	req.on('close', () => isStopping && httpServer.closeIdleConnections())
);
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
