// The server's one set of shared things: configuration, the database, the rate-limit secret.
// Made once in hooks.server.ts's init, before the server takes requests, and kept on globalThis so
// that a module loaded twice (Vite's dev reloads) never opens a second PGlite on the same folder.
import { readConfig, type ServerConfig } from './config';
import type { Database } from './db/database';
import { openDatabase } from './db/open';
import { addressSecret, forgetPastWindows } from './rate-limit/rate-limit';
import { forgetExpiredSessions } from './teams/sessions';

export interface ServerContext {
	readonly config: ServerConfig;
	readonly db: Database;
	readonly addressSecret: Buffer;
}

const KEY = Symbol.for('spinnenweb.server-context');
const FORGET_WINDOWS_EVERY_MS = 60_000;
// Longer than the longest window (an hour), so no live window is ever deleted.
const FORGET_WINDOWS_OLDER_THAN_S = 2 * 60 * 60;

interface Holder {
	context?: Promise<ServerContext>;
	timer?: ReturnType<typeof setInterval>;
}

function holder(): Holder {
	const global = globalThis as typeof globalThis & { [KEY]?: Holder };
	return (global[KEY] ??= {});
}

async function open(env: Record<string, string | undefined>): Promise<ServerContext> {
	const config = readConfig(env);
	const db = await openDatabase(config.database);
	return { config, db, addressSecret: await addressSecret(db) };
}

/** Opens everything once; later calls get the same context. */
export function startServerContext(
	env: Record<string, string | undefined>
): Promise<ServerContext> {
	const state = holder();
	if (!state.context) {
		state.context = open(env);
		state.context.then(
			(context) => {
				state.timer = setInterval(() => {
					// The next round tries again; a passing database hiccup loses nothing.
					forgetPastWindows(context.db, FORGET_WINDOWS_OLDER_THAN_S).catch(() => {});
					forgetExpiredSessions(context.db).catch(() => {});
				}, FORGET_WINDOWS_EVERY_MS);
				// Housekeeping never keeps a stopping process alive.
				state.timer.unref();
			},
			() => {
				state.context = undefined;
			}
		);
	}
	return state.context;
}

/** The context made at start. Request handlers call this; it never opens anything itself. */
export function serverContext(): Promise<ServerContext> {
	const context = holder().context;
	if (!context) throw new Error('The server context is used before the server started.');
	return context;
}

/** Closes the database (PGlite writes its files and frees the folder's lock). */
export async function stopServerContext(): Promise<void> {
	const state = holder();
	const context = state.context;
	state.context = undefined;
	if (state.timer) clearInterval(state.timer);
	state.timer = undefined;
	if (context) await (await context).db.close();
}
