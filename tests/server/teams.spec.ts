// `npm run team` on each database, the way a host runs it, and a tablet enrolling with the code
// it prints: its conversations carry the team, its own webs never; leaving is one request; the
// code never reaches the log. On PGlite the command refuses while a server holds the folder.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeSummary, postSummaries } from './support/api';
import { startServer, type RunningServer } from './support/app-server';
import { createStore, describeEachBackend, type TestStore } from './support/backends';
import { PORTS } from './support/ports';

const run = promisify(execFile);

interface Result {
	code: number;
	out: string;
	err: string;
}

describeEachBackend('npm run team, and tablets that enrol', (backend) => {
	let store: TestStore;
	let server: RunningServer | undefined;
	const port = PORTS.teamCli + (backend === 'PGlite' ? 0 : 5);

	const team = async (...args: string[]): Promise<Result> => {
		const options = store.serverOptions(port);
		const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: options.databaseUrl ?? '' };
		if (options.dataDir) env.DATA_DIR = options.dataDir;
		try {
			const { stdout, stderr } = await run(process.execPath, ['scripts/team.js', ...args], { env });
			return { code: 0, out: stdout, err: stderr };
		} catch (error) {
			const failed = error as { code?: number; stdout?: string; stderr?: string };
			return { code: failed.code ?? -1, out: failed.stdout ?? '', err: failed.stderr ?? '' };
		}
	};
	const codeIn = (text: string) =>
		/code[^:]*:\s*([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(text)?.[1];
	const keyIn = (text: string) => /(spw_[0-9A-Z]{26})/.exec(text)?.[1];

	beforeAll(async () => {
		store = await createStore(backend, 'teams');
	});

	afterAll(async () => {
		await server?.stop();
		await store?.remove();
	});

	it('makes, lists, renews and rotates, printing each secret once', async () => {
		const made = await team('create', '  Wijkteam   Noord ');
		expect(made.code).toBe(0);
		expect(made.out).toContain('Team "Wijkteam Noord" is made');
		const code = codeIn(made.out);
		const key = keyIn(made.out);
		expect(code).toBeDefined();
		expect(key).toBeDefined();

		const twice = await team('create', 'Wijkteam Noord');
		expect(twice.code).toBe(1);
		expect(twice.err).toContain('There is a team called "Wijkteam Noord" already.');

		const listed = await team('list');
		expect(listed.out).toMatch(
			/^Wijkteam Noord: 0 device\(s\), 0 summaries, code valid until \d{4}-\d{2}-\d{2}/m
		);
		// The list never shows a secret again.
		expect(listed.out).not.toContain(code);
		expect(listed.out).not.toContain(key);

		const renewed = await team('renew-code', 'Wijkteam Noord');
		expect(renewed.code).toBe(0);
		expect(codeIn(renewed.out)).not.toBe(code);
		const rotated = await team('rotate-key', 'Wijkteam Noord');
		expect(keyIn(rotated.out)).not.toBe(key);

		const unknown = await team('rotate-key', 'Wijkteam Zuid');
		expect(unknown.code).toBe(1);
		expect(unknown.err).toContain('There is no team called "Wijkteam Zuid".');
	});

	it('enrols a tablet with the code: its conversations carry the team, its own webs do not', async () => {
		const code = codeIn((await team('renew-code', 'Wijkteam Noord')).out) ?? '';
		const running = await startServer(store.serverOptions(port));
		server = running;
		if (backend === 'PGlite') {
			const refused = await team('list');
			expect(refused.code).toBe(3);
			expect(refused.err).toContain('The server is running on this data folder');
		}
		const url = running.url;
		const enrol = (body: object) =>
			fetch(`${url}/api/devices`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body)
			});

		const wrong = await enrol({ enrolmentCode: 'AAAA-BBBB-CCCC' });
		expect(wrong.status).toBe(400);
		expect(await wrong.json()).toMatchObject({ error: { code: 'invalid_enrolment_code' } });

		// As typed on a tablet: lower case, an O for a 0, no dashes.
		const typed = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o');
		const enrolled = await enrol({ enrolmentCode: typed });
		expect(enrolled.status).toBe(201);
		const { token, team: joined } = (await enrolled.json()) as { token: string; team: object };
		expect(joined).toEqual({ name: 'Wijkteam Noord' });
		const conversation = makeSummary({ context: 'conversation', area: '1011' });
		const own = makeSummary({ context: 'self', area: '1011' });
		expect((await postSummaries(url, token, { summaries: [conversation, own] })).status).toBe(200);

		const self = await fetch(`${url}/api/devices/self`, {
			headers: { authorization: `Bearer ${token}` }
		});
		expect(await self.json()).toEqual({ team: { name: 'Wijkteam Noord' } });
		const left = await fetch(`${url}/api/devices/self/team`, {
			method: 'DELETE',
			headers: { authorization: `Bearer ${token}` }
		});
		expect(await left.json()).toEqual({ team: null });
		const later = makeSummary({ context: 'conversation', area: '1011' });
		expect((await postSummaries(url, token, { summaries: [later] })).status).toBe(200);

		const output = running.output();
		await running.stop();
		server = undefined;
		expect(output).not.toContain(code);
		expect(output).not.toContain(typed);
		expect(output).not.toContain(token);
		const db = await store.open();
		try {
			const { rows } = await db.query<{ uuid: string; team: string | null }>(
				`SELECT s.uuid::text AS uuid, t.name AS team FROM summaries s LEFT JOIN teams t ON t.id = s.team_id`
			);
			const teamOf = new Map(rows.map((row) => [row.uuid, row.team]));
			expect(teamOf.get(conversation.uuid)).toBe('Wijkteam Noord');
			expect(teamOf.get(own.uuid)).toBeNull();
			expect(teamOf.get(later.uuid)).toBeNull();
		} finally {
			await db.close();
		}
	});

	it('deletes a team only when told so, with its tablets and what carries the team', async () => {
		const asked = await team('delete', 'Wijkteam Noord');
		expect(asked.code).toBe(1);
		expect(asked.err).toContain('Nothing was deleted.');
		const deleted = await team('delete', 'Wijkteam Noord', '--yes');
		expect(deleted.code).toBe(0);
		// The tablet left the team: its own webs stay its own; the conversation sent for the team goes.
		expect(deleted.out).toContain(
			'Team "Wijkteam Noord" is deleted, with 0 device(s) and 1 summaries.'
		);
		expect((await team('list')).out).toContain('There are no teams yet.');
	});
});
