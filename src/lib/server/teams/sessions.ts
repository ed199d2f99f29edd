// Dashboard sessions. Signing in with a coordinator key makes a random session id; the browser
// keeps it in an HttpOnly, SameSite=Strict cookie and the database keeps its hash, with an
// expiry. Every dashboard request looks the session up together with its key: a key revoked a
// moment ago, or a session signed out of, opens nothing, on any app server.
import type { Queryable } from '../db/database';
import { coordinatorKeyHash, isSameHash, newSessionId, sessionIdHash } from './secrets';

/** How long a sign-in lasts: a working day, then the key again. */
export const SESSION_HOURS = 10;

export interface CoordinatorSession {
	readonly teamId: string;
	readonly teamName: string;
	readonly expiresAt: Date;
}

/** A new session for a valid, unrevoked key; undefined for any other text. */
export async function signIn(
	db: Queryable,
	pastedKey: string
): Promise<{ sessionId: string; expiresAt: Date } | undefined> {
	const hash = coordinatorKeyHash(pastedKey);
	if (!hash) return undefined;
	const { rows } = await db.query<{ id: string; hash: Uint8Array }>(
		'SELECT id::text AS id, key_hash AS hash FROM coordinator_keys WHERE key_hash = $1 AND revoked_at IS NULL',
		[hash]
	);
	const key = rows[0];
	if (!key || !isSameHash(key.hash, hash)) return undefined;
	const sessionId = newSessionId();
	const idHash = sessionIdHash(sessionId);
	if (!idHash) throw new Error('A new session id does not read as one.');
	const made = await db.query<{ expires_at: Date }>(
		`INSERT INTO coordinator_sessions (id_hash, key_id, expires_at)
		VALUES ($1, $2, now() + make_interval(hours => $3::int)) RETURNING expires_at`,
		[idHash, key.id, SESSION_HOURS]
	);
	const expiresAt = made.rows[0]?.expires_at;
	if (!expiresAt) throw new Error('The session was not stored.');
	return { sessionId, expiresAt: new Date(expiresAt) };
}

/** The session this cookie names, if it is current and its key is not revoked. */
export async function sessionOf(
	db: Queryable,
	sessionId: string | undefined
): Promise<CoordinatorSession | undefined> {
	const hash = sessionId ? sessionIdHash(sessionId) : undefined;
	if (!hash) return undefined;
	const { rows } = await db.query<{
		hash: Uint8Array;
		team_id: string;
		team_name: string;
		expires_at: Date;
	}>(
		`SELECT s.id_hash AS hash, t.id::text AS team_id, t.name AS team_name, s.expires_at
		FROM coordinator_sessions s
		JOIN coordinator_keys k ON k.id = s.key_id AND k.revoked_at IS NULL
		JOIN teams t ON t.id = k.team_id
		WHERE s.id_hash = $1 AND s.expires_at > now()`,
		[hash]
	);
	const row = rows[0];
	if (!row || !isSameHash(row.hash, hash)) return undefined;
	return { teamId: row.team_id, teamName: row.team_name, expiresAt: new Date(row.expires_at) };
}

/** Ends the session on the server: the cookie, should it be kept, opens nothing any more. */
export async function signOut(db: Queryable, sessionId: string | undefined): Promise<void> {
	const hash = sessionId ? sessionIdHash(sessionId) : undefined;
	if (hash) await db.query('DELETE FROM coordinator_sessions WHERE id_hash = $1', [hash]);
}

/** Deletes sessions past their expiry; any server may run it. */
export async function forgetExpiredSessions(db: Queryable): Promise<void> {
	await db.query('DELETE FROM coordinator_sessions WHERE expires_at < now()');
}
