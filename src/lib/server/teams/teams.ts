// Teams in the database: made, listed, renewed, rotated and deleted by `npm run team` (cli.ts);
// found by an enrolment code when a tablet joins. What each secret is and how it is kept:
// secrets.ts. The rules: src/lib/server/README.md, "Teams, keys and sessions".
import type { Database, Queryable } from '../db/database';
import {
	CODE_LIFETIME_DAYS,
	coordinatorKeyHash,
	enrolmentCodeHash,
	isSameHash,
	newCoordinatorKey,
	newEnrolmentCode
} from './secrets';

export const MAX_TEAM_NAME_LENGTH = 100;

export class TeamError extends Error {
	override name = 'TeamError';
}

export interface TeamSummary {
	readonly id: string;
	readonly name: string;
	readonly createdAt: Date;
	readonly codeExpiresAt: Date | null;
	readonly devices: number;
	readonly summaries: number;
}

export interface NewTeam {
	readonly name: string;
	readonly enrolmentCode: string;
	readonly coordinatorKey: string;
	readonly codeExpiresAt: Date;
}

/** A team's name as given, with spaces tidied; refused when empty or too long. */
export function cleanTeamName(name: string): string {
	const cleaned = name.normalize('NFC').replace(/\s+/g, ' ').trim();
	if (cleaned.length === 0) throw new TeamError('A team needs a name.');
	if (cleaned.length > MAX_TEAM_NAME_LENGTH)
		throw new TeamError(`A team's name has at most ${MAX_TEAM_NAME_LENGTH} characters.`);
	return cleaned;
}

async function teamId(db: Queryable, name: string): Promise<string> {
	const { rows } = await db.query<{ id: string }>(
		'SELECT id::text AS id FROM teams WHERE name = $1',
		[cleanTeamName(name)]
	);
	const id = rows[0]?.id;
	if (!id) throw new TeamError(`There is no team called "${cleanTeamName(name)}".`);
	return id;
}

async function setCode(db: Queryable, id: string): Promise<{ code: string; expiresAt: Date }> {
	const code = newEnrolmentCode();
	const hash = enrolmentCodeHash(code);
	if (!hash) throw new Error('A new enrolment code does not read as one.');
	const { rows } = await db.query<{ expires_at: Date }>(
		`UPDATE teams SET enrolment_code_hash = $2,
			enrolment_code_expires_at = now() + make_interval(days => $3::int)
		WHERE id = $1 RETURNING enrolment_code_expires_at AS expires_at`,
		[id, hash, CODE_LIFETIME_DAYS]
	);
	const expiresAt = rows[0]?.expires_at;
	if (!expiresAt) throw new TeamError('The team is gone.');
	return { code, expiresAt: new Date(expiresAt) };
}

/** Revokes the team's keys (and so their sessions) and makes a new one. */
async function setKey(db: Queryable, id: string): Promise<string> {
	await db.query(
		'UPDATE coordinator_keys SET revoked_at = now() WHERE team_id = $1 AND revoked_at IS NULL',
		[id]
	);
	await db.query(
		`DELETE FROM coordinator_sessions WHERE key_id IN
			(SELECT id FROM coordinator_keys WHERE team_id = $1 AND revoked_at IS NOT NULL)`,
		[id]
	);
	const key = newCoordinatorKey();
	const hash = coordinatorKeyHash(key);
	if (!hash) throw new Error('A new coordinator key does not read as one.');
	await db.query('INSERT INTO coordinator_keys (team_id, key_hash) VALUES ($1, $2)', [id, hash]);
	return key;
}

export async function createTeam(db: Database, name: string): Promise<NewTeam> {
	const cleaned = cleanTeamName(name);
	return db.transaction(async (tx) => {
		const { rows } = await tx.query<{ id: string }>(
			'INSERT INTO teams (name) VALUES ($1) ON CONFLICT (name) DO NOTHING RETURNING id::text AS id',
			[cleaned]
		);
		const id = rows[0]?.id;
		if (!id) throw new TeamError(`There is a team called "${cleaned}" already.`);
		const { code, expiresAt } = await setCode(tx, id);
		const coordinatorKey = await setKey(tx, id);
		return { name: cleaned, enrolmentCode: code, coordinatorKey, codeExpiresAt: expiresAt };
	});
}

export async function listTeams(db: Queryable): Promise<TeamSummary[]> {
	const { rows } = await db.query<{
		id: string;
		name: string;
		created_at: Date;
		expires_at: Date | null;
		devices: number;
		summaries: number;
	}>(
		`SELECT t.id::text AS id, t.name, t.created_at, t.enrolment_code_expires_at AS expires_at,
			(SELECT count(*)::int FROM devices d WHERE d.team_id = t.id) AS devices,
			(SELECT count(*)::int FROM summaries s WHERE s.team_id = t.id) AS summaries
		FROM teams t ORDER BY t.name`
	);
	return rows.map((row) => ({
		id: row.id,
		name: row.name,
		createdAt: new Date(row.created_at),
		codeExpiresAt: row.expires_at ? new Date(row.expires_at) : null,
		devices: row.devices,
		summaries: row.summaries
	}));
}

/** A fresh code for 14 days; the old one stops working at once. */
export async function renewCode(
	db: Database,
	name: string
): Promise<{ code: string; expiresAt: Date }> {
	return db.transaction(async (tx) => setCode(tx, await teamId(tx, name)));
}

/** A new coordinator key; the old one, and every session opened with it, stop at once. */
export async function rotateKey(db: Database, name: string): Promise<string> {
	return db.transaction(async (tx) => setKey(tx, await teamId(tx, name)));
}

/** Deletes the team, its devices, and every summary it or its devices sent. */
export async function deleteTeam(
	db: Database,
	name: string
): Promise<{ devices: number; summaries: number }> {
	return db.transaction(async (tx) => {
		const id = await teamId(tx, name);
		// Counted before the cascade removes them: what the command tells the person.
		const { rows } = await tx.query<{ devices: number; summaries: number }>(
			`SELECT (SELECT count(*)::int FROM devices WHERE team_id = $1) AS devices,
				(SELECT count(*)::int FROM summaries
					WHERE team_id = $1 OR device_id IN (SELECT id FROM devices WHERE team_id = $1)) AS summaries`,
			[id]
		);
		// The cascade deletes the summaries device by device, each statement locking its cells of
		// the summary cube in turn, so not in one order overall; a batch arriving meanwhile could
		// hold one of them and wait for another (a deadlock). Writers of the cube wait instead
		// until the team is gone; the dashboard's reads go on.
		await tx.query('LOCK TABLE summary_cube IN EXCLUSIVE MODE');
		await tx.query('DELETE FROM teams WHERE id = $1', [id]);
		return rows[0] ?? { devices: 0, summaries: 0 };
	});
}

export interface EnrolmentTeam {
	readonly id: string;
	readonly name: string;
}

/** The team whose code this is, while it has not expired; undefined otherwise. */
export async function teamByEnrolmentCode(
	db: Queryable,
	typed: string
): Promise<EnrolmentTeam | undefined> {
	const hash = enrolmentCodeHash(typed);
	if (!hash) return undefined;
	const { rows } = await db.query<{ id: string; name: string; hash: Uint8Array }>(
		`SELECT id::text AS id, name, enrolment_code_hash AS hash FROM teams
		WHERE enrolment_code_hash = $1 AND enrolment_code_expires_at > now()`,
		[hash]
	);
	const row = rows[0];
	return row && isSameHash(row.hash, hash) ? { id: row.id, name: row.name } : undefined;
}
