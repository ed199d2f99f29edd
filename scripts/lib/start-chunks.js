// Chunks for a first visit: the start page's code in as few files as its loading order allows.
// Left to itself the bundler splits the code into one chunk per set of pages that share it: some
// thirty files of a few hundred bytes for the start page, each a request with its own headers and
// its own gzip dictionary. What the start page always loads together goes into a few larger
// chunks instead:
//   start    everything its entries import, statically: what it needs to draw itself;
//   after-…  what it fetches right after, one chunk per set of imports that fetch it: the update
//            prompt's code; where something is stored, the storage code and the schemas, then the
//            reminder. Each arrives as one file, not as a dozen.
// Other pages keep the bundler's own splitting: they load from the service worker's cache.
import { basename, join, resolve } from 'node:path';
import { routeNodes } from './first-load.js';

const KIT_ENTRY = 'node_modules/@sveltejs/kit/src/runtime/client/entry.js';

/**
 * @typedef {{ code: string | null, importedIds: readonly string[], dynamicallyImportedIds: readonly string[], isEntry: boolean }} ModuleInfo
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
	/** @type {{ start: Set<string>, after: Map<string, { name: string, size: number }> } | null} */
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
		// What the start page's own code fetches later (not the other pages: their loaders are the
		// dynamic imports in SvelteKit's generated files). Each module goes with the others fetched
		// by the same imports: the storage code, say, comes only where there is something stored,
		// and must not ride along with the update prompt's code, which comes every time.
		const afterRoots = new Set(
			[...start]
				.filter((id) => !id.startsWith(generated))
				.flatMap((id) => ctx.getModuleInfo(id)?.dynamicallyImportedIds ?? [])
				.filter((id) => !start.has(id))
		);
		/** @type {Map<string, string[]>} */
		const reachedFrom = new Map();
		for (const afterRoot of afterRoots) {
			for (const id of staticClosure(ctx, [afterRoot], messagesDir, start)) {
				reachedFrom.set(id, [...(reachedFrom.get(id) ?? []), chunkName(afterRoot)]);
			}
		}
		const after = new Map(
			[...reachedFrom].map(([id, from]) => [
				id,
				{ name: `after-${[...from].sort().join('_')}`, size: from.length }
			])
		);
		return { start, after };
	}

	/**
	 * @param {ChunkingContext} ctx
	 * @param {string} id
	 */
	function groupsFor(ctx, id) {
		groups ??= compute(ctx);
		// Entries keep their own files: SvelteKit loads them by name.
		return ctx.getModuleInfo(id)?.isEntry ? null : groups;
	}

	// A group also takes the modules its own modules import. So the start page's group goes first
	// (the runtime it shares with everything stays with it), then modules fetched by more imports
	// before those fetched by fewer: what two imports share never moves into one of them.
	const afterGroups = Array.from({ length: MAX_SHARED }, (_, i) => MAX_SHARED - i).map((size) => ({
		debugName: `first visit: after (${size})`,
		priority: size,
		/** @param {string} id @param {ChunkingContext} ctx */
		name: (id, ctx) => {
			const found = groupsFor(ctx, id)?.after.get(id);
			return found && Math.min(found.size, MAX_SHARED) === size ? found.name : null;
		}
	}));

	return {
		groups: [
			{
				debugName: 'first visit: start',
				priority: MAX_SHARED + 1,
				/** @param {string} id @param {ChunkingContext} ctx */
				name: (id, ctx) => (groupsFor(ctx, id)?.start.has(id) ? 'start' : null)
			},
			...afterGroups
		],
		/** Forget the module graph between builds. */
		reset() {
			groups = null;
		}
	};
}

/** How many of the start page's later imports one module may share, before all count as one. */
const MAX_SHARED = 8;

/** A readable chunk name for what an import fetches: `src/lib/state/repositories.ts` → `repositories`. */
/** @param {string} id */
function chunkName(id) {
	return basename(id)
		.replace(/\?.*$/, '')
		.replace(/\.[^.]*$/, '')
		.replace(/[^A-Za-z0-9-]/g, '');
}
