// Chunks for a first visit: the start page's code in as few files as its loading order allows.
// Left to itself the bundler splits the code into one chunk per set of pages that share it: some
// thirty files of a few hundred bytes for the start page, each a request with its own headers and
// its own gzip dictionary. What the start page always loads together goes into two chunks
// instead:
//   start  everything its entries import, statically: what it needs to draw itself;
//   later  everything it fetches right after (storage, schemas, the update prompt, the reminder),
//          so that these arrive as one file, not as a dozen.
// Other pages keep the bundler's own splitting: they load from the service worker's cache.
import { join, resolve } from 'node:path';
import { routeNodes } from './first-load.js';

const KIT_ENTRY = 'node_modules/@sveltejs/kit/src/runtime/client/entry.js';

/**
 * @typedef {{ importedIds: readonly string[], dynamicallyImportedIds: readonly string[], isEntry: boolean }} ModuleInfo
 * @typedef {{ getModuleInfo(id: string): ModuleInfo | null }} ChunkingContext
 */

// Paraglide's `m` re-exports every message of the app. Followed as an import, it would put every
// text of every page into the start page's chunk; instead a module counts as needing the messages
// it names (`m.home_intro_1`).
const MESSAGE_BARREL = /[\\/]paraglide[\\/]messages(\.js|[\\/]_index\.js)$/;
const MESSAGE_USE = /\bm\.([A-Za-z0-9_]+)\b/g;

/**
 * Modules reachable from `roots` through static imports, the roots included.
 * @param {ChunkingContext} ctx
 * @param {Iterable<string>} roots
 * @param {string} messagesDir the folder of Paraglide's per-message modules
 * @param {ReadonlySet<string>} [stop] modules not to enter
 */
function staticClosure(ctx, roots, messagesDir, stop = new Set()) {
	/** @type {Set<string>} */
	const seen = new Set();
	const queue = [...roots];
	while (queue.length > 0) {
		const id = /** @type {string} */ (queue.pop());
		if (seen.has(id) || stop.has(id) || MESSAGE_BARREL.test(id)) continue;
		const info = ctx.getModuleInfo(id);
		if (!info) continue;
		seen.add(id);
		queue.push(...info.importedIds);
		for (const [, key] of (info.code ?? '').matchAll(MESSAGE_USE)) {
			const message = join(messagesDir, `${key}.js`);
			if (ctx.getModuleInfo(message)) queue.push(message);
		}
	}
	return seen;
}

/**
 * `codeSplitting.groups` for the start page's first visit.
 * @param {{ root: string, outDir: string }} paths the project root and SvelteKit's outDir
 */
export function startPageChunks({ root, outDir }) {
	const generated = resolve(root, outDir, 'generated/client-optimized');
	const messagesDir = resolve(root, 'src/lib/paraglide/messages');
	/** @type {{ start: Set<string>, later: Set<string> } | null} */
	let groups = null;

	/** @param {ChunkingContext} ctx */
	function compute(ctx) {
		// Node 0 is the root layout, node 1 the root error page (SvelteKit fetches it at start).
		const nodes = routeNodes(root, outDir)['/'];
		if (!nodes) throw new Error('No start page in the route dictionary: has SvelteKit changed?');
		const entries = [
			resolve(root, KIT_ENTRY),
			join(generated, 'app.js'),
			...[0, 1, ...nodes.map((n) => Math.abs(n))].map((n) => join(generated, `nodes/${n}.js`))
		];
		const start = staticClosure(ctx, entries, messagesDir);
		// What the start page's own code fetches later; not the other pages (their loaders are the
		// dynamic imports in SvelteKit's generated files).
		const laterRoots = [...start]
			.filter((id) => !id.startsWith(generated))
			.flatMap((id) => ctx.getModuleInfo(id)?.dynamicallyImportedIds ?? []);
		const later = staticClosure(ctx, laterRoots, messagesDir, start);
		return { start, later };
	}

	/**
	 * @param {'start' | 'later'} group
	 * @param {number} priority
	 */
	const groupOf = (group, priority) => ({
		debugName: `first visit: ${group}`,
		priority,
		/** @param {string} id @param {ChunkingContext} ctx */
		name: (id, ctx) => {
			groups ??= compute(ctx);
			// Entries keep their own files: SvelteKit loads them by name.
			if (ctx.getModuleInfo(id)?.isEntry) return null;
			return groups[group].has(id) ? group : null;
		}
	});

	return {
		// `start` first: a group also takes the modules its own modules import, and the shared
		// runtime (Svelte, SvelteKit) must stay with the start page, not move to what comes later.
		groups: [groupOf('start', 2), groupOf('later', 1)],
		/** Forget the module graph between builds. */
		reset() {
			groups = null;
		}
	};
}
