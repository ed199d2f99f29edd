// What the start page (or any route) loads before it can be used, computed from the build output
// alone: deterministic, so a budget on it may fail a test. Used by the budget test and the bench.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const KIT_OUTPUT = '.svelte-kit/output/client';
const CLIENT_DIR = 'build/client';
const KIT_ENTRY = 'node_modules/@sveltejs/kit/src/runtime/client/entry.js';
const APP_ENTRY = '.svelte-kit/generated/client-optimized/app.js';

/**
 * @param {string} path
 * @returns {any}
 */
function readJson(path) {
	return JSON.parse(readFileSync(path, 'utf8'));
}

/**
 * Route id to the node indexes it loads, read from the generated client app.
 * @param {string} [root]
 * @param {string} [outDir] SvelteKit's outDir, when not the default
 * @returns {Record<string, number[]>}
 */
export function routeNodes(root = '.', outDir = '.svelte-kit') {
	const source = readFileSync(join(root, APP_ENTRY.replace('.svelte-kit', outDir)), 'utf8');
	const match = source.match(/export const dictionary = (\{[\s\S]*?\});/);
	if (!match) throw new Error(`No route dictionary in ${APP_ENTRY}: has SvelteKit changed?`);
	return new Function(`return ${match[1]}`)();
}

/**
 * The files (JS and CSS) a route needs on first load: entries, root layout, its own node, and every static import of those.
 * @param {string} route
 * @param {string} [root]
 * @returns {string[]}
 */
export function firstLoadFiles(route, root = '.') {
	const manifest = readJson(join(root, KIT_OUTPUT, '.vite/manifest.json'));
	const nodes = routeNodes(root)[route];
	if (!nodes) throw new Error(`Unknown route ${route}`);
	// The root layout is node 0 and loads with every page; a route lists its own nodes (negative: with server data).
	const nodeIds = [0, ...nodes.map((n) => Math.abs(n))];
	const starts = [
		KIT_ENTRY,
		APP_ENTRY,
		...nodeIds.map((n) => `.svelte-kit/generated/client-optimized/nodes/${n}.js`)
	];
	/** @type {Set<string>} */
	const files = new Set();
	/** @param {string} key */
	const visit = (key) => {
		const chunk = manifest[key];
		if (!chunk || files.has(chunk.file)) return;
		files.add(chunk.file);
		for (const css of chunk.css ?? []) files.add(css);
		for (const imported of chunk.imports ?? []) visit(imported);
	};
	starts.forEach(visit);
	return [...files].sort();
}

/**
 * Bytes a browser receives for a file: the server's precompressed .gz when present, else gzip -9.
 * @param {string} file
 * @param {string} [root]
 * @returns {number}
 */
export function gzipBytes(file, root = '.') {
	const path = join(root, CLIENT_DIR, file);
	if (existsSync(`${path}.gz`)) return statSync(`${path}.gz`).size;
	return gzipSync(readFileSync(path), { level: 9 }).length;
}

/**
 * Sizes of a route's first load, by file, largest first.
 * @param {string} route
 * @param {string} [root]
 */
export function firstLoadReport(route, root = '.') {
	const files = firstLoadFiles(route, root).map((file) => ({
		file,
		kind: file.endsWith('.css') ? 'css' : 'js',
		gzip: gzipBytes(file, root)
	}));
	files.sort((a, b) => b.gzip - a.gzip);
	const total = files.reduce((sum, f) => sum + f.gzip, 0);
	return { route, files, total };
}

/**
 * Every file under a folder, with its size (no precompressed copies).
 * @param {string} dir
 * @returns {{ path: string, size: number }[]}
 */
export function listFiles(dir) {
	/** @type {{ path: string, size: number }[]} */
	const out = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) out.push(...listFiles(path));
		else if (!/\.(gz|br)$/.test(entry.name)) out.push({ path, size: statSync(path).size });
	}
	return out;
}
