import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TeamSettings } from '$lib/state/team-settings.svelte';
import { openDb, type SpinnenwebDb } from '$lib/storage/db';
import { SyncRepo } from '$lib/storage/sync-repo';
import type { SyncDevice } from '$lib/sync/flusher';
import { TeamClient } from '$lib/sync/team-client';
import TeamPanel from './TeamPanel.svelte';

const CODE = 'W3TN-8RJC-6ZAB';
const NEW_TOKEN = 'new-token-abcdefghijklmnop';
const OLD_TOKEN = 'old-token-abcdefghijklmnop';
const ANON_TOKEN = 'anon-token-abcdefghijklmnop';

interface Call {
	readonly method: string;
	readonly url: string;
	readonly body: unknown;
	readonly authorization: string | undefined;
}

/** A server with one team, one valid code, and the devices it knows. */
function fakeServer(options: { offline?: boolean; knownTokens?: string[] } = {}) {
	const calls: Call[] = [];
	const known = new Set(options.knownTokens ?? []);
	const teams = new Map<string, string | null>();
	const invalid = () =>
		Response.json(
			{ error: { code: 'invalid_enrolment_code', message: 'unknown or expired' } },
			{ status: 400 }
		);
	const fetch: typeof globalThis.fetch = (input, init) => {
		const method = init?.method ?? 'GET';
		const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
		const headers = (init?.headers ?? {}) as Record<string, string>;
		calls.push({
			method,
			url: input instanceof Request ? input.url : input.toString(),
			body,
			authorization: headers.authorization
		});
		if (options.offline) return Promise.reject(new TypeError('Failed to fetch'));
		const code = (body as { enrolmentCode?: string } | undefined)?.enrolmentCode;
		const token = headers.authorization?.replace('Bearer ', '');
		if (method === 'POST') {
			if (code !== CODE) return Promise.resolve(invalid());
			known.add(NEW_TOKEN);
			teams.set(NEW_TOKEN, 'Wijkteam Oost');
			return Promise.resolve(
				Response.json({ token: NEW_TOKEN, team: { name: 'Wijkteam Oost' } }, { status: 201 })
			);
		}
		if (token === undefined || !known.has(token)) {
			return Promise.resolve(
				Response.json({ error: { code: 'unauthorized', message: 'no' } }, { status: 401 })
			);
		}
		if (method === 'PUT') {
			if (code !== CODE) return Promise.resolve(invalid());
			teams.set(token, 'Wijkteam Oost');
		}
		if (method === 'DELETE') teams.set(token, null);
		const name = teams.get(token) ?? null;
		return Promise.resolve(Response.json({ team: name === null ? null : { name } }));
	};
	return { fetch, calls, teams, known };
}

let db: SpinnenwebDb;
let sync: SyncRepo;

beforeEach(() => {
	const factory = new IDBFactory();
	globalThis.indexedDB = factory;
	Dexie.dependencies.indexedDB = factory;
	Dexie.dependencies.IDBKeyRange = IDBKeyRange;
	db = openDb();
	sync = new SyncRepo(db);
});

afterEach(() => {
	db.close();
});

function shown(server: ReturnType<typeof fakeServer>) {
	const team = new TeamSettings({ sync, client: new TeamClient({ fetch: server.fetch }) });
	render(TeamPanel, { team });
	return { field: () => screen.getByLabelText('Code van je team') };
}

describe('TeamPanel', () => {
	it('joins with a new token, typed in lower case with spaces, and clears the field', async () => {
		const server = fakeServer();
		const { field } = shown(server);
		const user = userEvent.setup();
		expect(await screen.findByText('Deze tablet hoort nog niet bij een team.')).toBeVisible();

		await user.type(field(), ' w3tn 8rjc 6zab');
		await user.click(screen.getByRole('button', { name: 'Meedoen met team' }));

		expect(await screen.findByText('Deze tablet hoort bij Wijkteam Oost.')).toBeVisible();
		expect(screen.getByRole('status')).toHaveTextContent('Gelukt.');
		expect(server.calls).toEqual([
			{
				method: 'POST',
				url: '/api/devices',
				body: { enrolmentCode: CODE },
				authorization: undefined
			}
		]);
		// The token is where the outbox reads it; the code is gone from the page.
		expect((await sync.read()).token).toBe(NEW_TOKEN);
		expect((await sync.device())?.team).toEqual({ name: 'Wijkteam Oost' });
		expect(screen.getByLabelText(/code van dat team/)).toHaveValue('');
		expect(document.body).not.toHaveTextContent(CODE);
		expect(document.body).not.toHaveTextContent(NEW_TOKEN);
	});

	it('keeps the token the device already has', async () => {
		await sync.saveToken(OLD_TOKEN);
		const server = fakeServer({ knownTokens: [OLD_TOKEN] });
		const { field } = shown(server);
		const user = userEvent.setup();
		await screen.findByText('Deze tablet hoort nog niet bij een team.');

		await user.type(field(), CODE);
		await user.click(screen.getByRole('button', { name: 'Meedoen met team' }));

		expect(await screen.findByText('Deze tablet hoort bij Wijkteam Oost.')).toBeVisible();
		expect(server.calls.at(-1)).toEqual({
			method: 'PUT',
			url: '/api/devices/self/team',
			body: { enrolmentCode: CODE },
			authorization: `Bearer ${OLD_TOKEN}`
		});
		expect((await sync.read()).token).toBe(OLD_TOKEN);
	});

	it('says plainly when a code is wrong or expired, and keeps it to correct', async () => {
		const server = fakeServer();
		const { field } = shown(server);
		const user = userEvent.setup();
		await screen.findByText('Deze tablet hoort nog niet bij een team.');

		await user.type(field(), 'AAAA-BBBB-CCCC');
		await user.click(screen.getByRole('button', { name: 'Meedoen met team' }));

		expect(await screen.findByText(/Deze code werkt niet \(meer\)/)).toBeVisible();
		expect(field()).toHaveAttribute('aria-invalid', 'true');
		expect(field()).toHaveValue('AAAA-BBBB-CCCC');
		expect(screen.getByText('Deze tablet hoort nog niet bij een team.')).toBeVisible();
		expect(await sync.device()).toBeUndefined();
	});

	it('does not ask the server about something that cannot be a code', async () => {
		const server = fakeServer();
		const { field } = shown(server);
		const user = userEvent.setup();
		await screen.findByText('Deze tablet hoort nog niet bij een team.');

		await user.type(field(), '1234');
		await user.click(screen.getByRole('button', { name: 'Meedoen met team' }));

		expect(await screen.findByText(/Dit is geen teamcode/)).toBeVisible();
		expect(server.calls.filter((call) => call.method !== 'GET')).toEqual([]);
	});

	it('offline: a plain message, and nothing changes', async () => {
		await sync.saveTeam(OLD_TOKEN, { name: 'Wijkteam Oost' });
		const server = fakeServer({ offline: true });
		shown(server);
		const user = userEvent.setup();
		expect(await screen.findByText('Deze tablet hoort bij Wijkteam Oost.')).toBeVisible();

		await user.click(screen.getByRole('button', { name: 'Team verlaten' }));

		expect(await screen.findByText(/er is geen verbinding met de server/)).toBeVisible();
		expect(screen.getByText('Deze tablet hoort bij Wijkteam Oost.')).toBeVisible();
		expect(await sync.device()).toMatchObject({
			token: OLD_TOKEN,
			team: { name: 'Wijkteam Oost' }
		});
	});

	it('leaves the team with one action and keeps the token for sharing', async () => {
		await sync.saveTeam(OLD_TOKEN, { name: 'Wijkteam Oost' });
		const server = fakeServer({ knownTokens: [OLD_TOKEN] });
		server.teams.set(OLD_TOKEN, 'Wijkteam Oost');
		shown(server);
		const user = userEvent.setup();
		await screen.findByText('Deze tablet hoort bij Wijkteam Oost.');

		await user.click(screen.getByRole('button', { name: 'Team verlaten' }));

		expect(await screen.findByText('Deze tablet hoort nog niet bij een team.')).toBeVisible();
		expect(screen.getByRole('status')).toHaveTextContent(
			'Deze tablet hoort nu niet meer bij een team.'
		);
		expect(server.calls.at(-1)).toMatchObject({
			method: 'DELETE',
			url: '/api/devices/self/team',
			authorization: `Bearer ${OLD_TOKEN}`
		});
		expect(server.teams.get(OLD_TOKEN)).toBeNull();
		expect(await sync.device()).toMatchObject({ token: OLD_TOKEN, team: null });
		expect(screen.queryByRole('button', { name: 'Team verlaten' })).toBeNull();
	});

	describe('when the server no longer knows a team tablet (a 401)', () => {
		// What the flusher does with a 401 on a batch: forget the token, register a new one.
		async function flusherMeetsA401(device: SyncDevice): Promise<void> {
			await device.forgetToken(OLD_TOKEN);
			await device.saveToken(ANON_TOKEN);
		}

		it('after a sync: says plainly the tablet is no longer in its team, and joins again', async () => {
			await sync.saveTeam(OLD_TOKEN, { name: 'Wijkteam Oost' });
			const server = fakeServer({ knownTokens: [OLD_TOKEN, ANON_TOKEN] });
			server.teams.set(OLD_TOKEN, 'Wijkteam Oost');
			const { field } = shown(server);
			const user = userEvent.setup();
			await screen.findByText('Deze tablet hoort bij Wijkteam Oost.');

			// The server forgets the tablet (its team was set up again); the next sync meets a 401.
			server.known.delete(OLD_TOKEN);
			await flusherMeetsA401(sync);

			expect(
				await screen.findByText('Deze tablet hoort niet meer bij Wijkteam Oost.')
			).toBeVisible();
			expect(screen.getByText(/De server kent deze tablet niet meer/)).toBeVisible();
			expect(screen.queryByText('Deze tablet hoort nog niet bij een team.')).toBeNull();
			expect(screen.queryByRole('button', { name: 'Team verlaten' })).toBeNull();

			await user.type(field(), CODE);
			await user.click(screen.getByRole('button', { name: 'Meedoen met team' }));

			expect(await screen.findByText('Deze tablet hoort bij Wijkteam Oost.')).toBeVisible();
			expect(screen.queryByText(/niet meer bij Wijkteam Oost/)).toBeNull();
			// It joins with the token the outbox now sends with, so what it sends carries the team.
			expect(server.calls.at(-1)).toMatchObject({
				method: 'PUT',
				authorization: `Bearer ${ANON_TOKEN}`
			});
			expect(await sync.device()).toMatchObject({
				token: ANON_TOKEN,
				team: { name: 'Wijkteam Oost' }
			});
			expect(await sync.lostTeam()).toBeUndefined();
		});

		it('seen by the panel itself: a 401 on opening settings shows the lost team too', async () => {
			await sync.saveTeam(OLD_TOKEN, { name: 'Wijkteam Oost' });
			const server = fakeServer({ knownTokens: [] });
			shown(server);

			expect(
				await screen.findByText('Deze tablet hoort niet meer bij Wijkteam Oost.')
			).toBeVisible();
			expect(server.calls).toEqual([
				{
					method: 'GET',
					url: '/api/devices/self',
					body: undefined,
					authorization: `Bearer ${OLD_TOKEN}`
				}
			]);
			expect(await sync.device()).toBeUndefined();
		});

		it('going on without a team is one action, and then it says so', async () => {
			await sync.saveTeam(OLD_TOKEN, { name: 'Wijkteam Oost' });
			const server = fakeServer({ knownTokens: [OLD_TOKEN, ANON_TOKEN] });
			server.teams.set(OLD_TOKEN, 'Wijkteam Oost');
			shown(server);
			const user = userEvent.setup();
			await screen.findByText('Deze tablet hoort bij Wijkteam Oost.');
			server.known.delete(OLD_TOKEN);
			await flusherMeetsA401(sync);
			await screen.findByText('Deze tablet hoort niet meer bij Wijkteam Oost.');

			await user.click(screen.getByRole('button', { name: 'Verder zonder team' }));

			expect(await screen.findByText('Deze tablet hoort nog niet bij een team.')).toBeVisible();
			expect(screen.getByRole('status')).toHaveTextContent(
				'Deze tablet hoort nu niet meer bij een team.'
			);
			expect(await sync.lostTeam()).toBeUndefined();
			expect((await sync.read()).token).toBe(ANON_TOKEN);
		});

		it('a device that was in no team loses nothing it could be told about', async () => {
			await sync.saveToken(OLD_TOKEN);
			shown(fakeServer({ knownTokens: [ANON_TOKEN] }));
			await screen.findByText('Deze tablet hoort nog niet bij een team.');

			await flusherMeetsA401(sync);

			expect(await sync.lostTeam()).toBeUndefined();
			expect(screen.getByText('Deze tablet hoort nog niet bij een team.')).toBeVisible();
		});
	});
});
