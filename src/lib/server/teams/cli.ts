// `npm run team -- <command>`: the host's commands for teams (scripts/team.js loads this file).
// On PGlite the command opens the data folder itself, and so refuses while a server has it: the
// folder's lock file says so, and PGlite must never be opened by two processes (README).
import type { Database } from '../db/database';
import { readConfig, type DatabaseConfig } from '../config';
import { DataDirLockedError } from '../db/lock-file';
import { openDatabase } from '../db/open';
import { CODE_LIFETIME_DAYS } from './secrets';
import {
	cleanTeamName,
	createTeam,
	deleteTeam,
	listTeams,
	renewCode,
	rotateKey,
	TeamError
} from './teams';

export interface CliIo {
	readonly out: (line: string) => void;
	readonly err: (line: string) => void;
	/** Asks a yes/no question on the terminal; false when there is no terminal to ask. */
	readonly confirm: (question: string) => Promise<boolean>;
}

const USAGE = `Usage: npm run team -- <command>

  create "<name>"        make a team; prints its enrolment code and coordinator key, once
  list                   every team, with its devices, summaries and when its code expires
  renew-code "<name>"    a new enrolment code for ${CODE_LIFETIME_DAYS} days; the old one stops at once
  rotate-key "<name>"    a new coordinator key; the old one and its sessions stop at once
  delete "<name>" --yes   delete the team, its tablets and every summary they sent

The database is the server's: DATABASE_URL (PostgreSQL), or else PGlite in DATA_DIR (./data).
On PGlite, stop the server first: one process per data folder.`;

const day = (date: Date) => date.toISOString().slice(0, 10);

function describeDatabase(config: DatabaseConfig): string {
	return config.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
}

async function run(db: Database, args: readonly string[], io: CliIo): Promise<number> {
	const [command, ...rest] = args;
	const flags = rest.filter((a) => a.startsWith('--'));
	const [given] = rest.filter((a) => !a.startsWith('--'));
	const name = given === undefined ? undefined : cleanTeamName(given);
	const needName = () => {
		if (name === undefined) throw new TeamError(`"${command}" needs a team's name.\n\n${USAGE}`);
		return name;
	};
	switch (command) {
		case 'create': {
			const team = await createTeam(db, needName());
			io.out(`Team "${team.name}" is made. Keep these two safe: they are shown only now.`);
			io.out('');
			io.out(`  Enrolment code (for the team's tablets): ${team.enrolmentCode}`);
			io.out(`    valid until ${day(team.codeExpiresAt)}; "renew-code" gives a new one`);
			io.out(`  Coordinator key (for /dashboard):        ${team.coordinatorKey}`);
			return 0;
		}
		case 'list': {
			const teams = await listTeams(db);
			if (teams.length === 0)
				io.out('There are no teams yet. Make one with: npm run team -- create "<name>"');
			for (const team of teams) {
				const code =
					team.codeExpiresAt === null
						? 'no code'
						: team.codeExpiresAt.getTime() > Date.now()
							? `code valid until ${day(team.codeExpiresAt)}`
							: `code expired on ${day(team.codeExpiresAt)}`;
				io.out(
					`${team.name}: ${team.devices} device(s), ${team.summaries} summaries, ${code}, made ${day(team.createdAt)}`
				);
			}
			return 0;
		}
		case 'renew-code': {
			const { code, expiresAt } = await renewCode(db, needName());
			io.out(`New enrolment code for "${name}": ${code}`);
			io.out(`  valid until ${day(expiresAt)}; the old code no longer works.`);
			return 0;
		}
		case 'rotate-key': {
			const key = await rotateKey(db, needName());
			io.out(`New coordinator key for "${name}": ${key}`);
			io.out('  The old key and everyone signed in with it are signed out now.');
			return 0;
		}
		case 'delete': {
			const team = needName();
			const isSure =
				flags.includes('--yes') ||
				(await io.confirm(
					`Delete team "${team}", its tablets and every summary they sent? This cannot be undone. [y/N] `
				));
			if (!isSure) {
				io.err('Nothing was deleted.');
				return 1;
			}
			const removed = await deleteTeam(db, team);
			io.out(
				`Team "${team}" is deleted, with ${removed.devices} device(s) and ${removed.summaries} summaries.`
			);
			return 0;
		}
		default:
			io.err(command === undefined ? USAGE : `Unknown command "${command}".\n\n${USAGE}`);
			return 2;
	}
}

/** Runs one command against the configured database; resolves with the exit code. */
export async function main(
	args: readonly string[],
	env: Record<string, string | undefined>,
	io: CliIo
): Promise<number> {
	if (args.length === 0 || args[0] === 'help' || args[0] === '--help') {
		io.out(USAGE);
		return args.length === 0 ? 2 : 0;
	}
	let db: Database;
	const config = readConfig(env).database;
	try {
		db = await openDatabase(config);
	} catch (error) {
		if (error instanceof DataDirLockedError) {
			io.err(
				`The server is running on this data folder, and the embedded database (PGlite) allows ` +
					`one process at a time. Stop the server, run the command, then start it again. ` +
					`(With PostgreSQL, DATABASE_URL, commands run while the server runs.)\n${error.message}`
			);
			return 3;
		}
		throw error;
	}
	try {
		return await run(db, args, io);
	} catch (error) {
		if (error instanceof TeamError) {
			io.err(error.message);
			return 1;
		}
		io.err(`The command failed on ${describeDatabase(config)}.`);
		throw error;
	} finally {
		await db.close();
	}
}
