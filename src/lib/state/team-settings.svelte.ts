import type { SyncRepo } from '$lib/storage/sync-repo';
import {
	normaliseEnrolmentCode,
	TeamClient,
	type Team,
	type TeamOutcome
} from '$lib/sync/team-client';
import { live } from './live.svelte';
import { syncRepo } from './sync-repository';

/** What the panel says after an action; the words are the panel's, in the person's language. */
export type TeamNotice = 'joined' | 'left' | 'not-a-code' | 'invalid-code' | 'offline';

export interface TeamDeps {
	readonly sync?: SyncRepo;
	readonly client?: TeamClient;
}

/**
 * A professional's tablet and its team (settings' Team panel). The token is the sync's own
 * (syncState.device), so the outbox sends as a member of the team; the team's name is kept beside
 * it, so the panel shows it offline. A failed request changes nothing stored.
 */
export class TeamSettings {
	readonly #sync: SyncRepo;
	readonly #client: TeamClient;
	readonly #device: {
		readonly current: { team: Team | null; lost: Team | null } | undefined;
	};
	#isBusy = $state(false);
	#notice = $state<TeamNotice | null>(null);
	// Counts joins and leaves, so a refresh that was asked before one never overwrites its result.
	#actions = 0;

	constructor(deps: TeamDeps = {}) {
		const sync = deps.sync ?? syncRepo();
		this.#sync = sync;
		this.#client = deps.client ?? new TeamClient({ fetch: (input, init) => fetch(input, init) });
		this.#device = live(async () => ({
			team: (await sync.device())?.team ?? null,
			lost: (await sync.lostTeam()) ?? null
		}));
	}

	/** The team as last known on this device; undefined while it is read. */
	get team(): Team | null | undefined {
		return this.#device.current?.team;
	}

	/**
	 * The team this tablet was in when the server stopped knowing it (a 401 on a sync or here),
	 * while it is in no team: the panel says so and offers to join again. Undefined while read.
	 */
	get lost(): Team | null | undefined {
		const current = this.#device.current;
		if (current === undefined) return undefined;
		return current.team === null ? current.lost : null;
	}

	get isBusy(): boolean {
		return this.#isBusy;
	}

	get notice(): TeamNotice | null {
		return this.#notice;
	}

	/** Joins with a typed code; true when joined (the panel then clears the field). */
	async join(typed: string): Promise<boolean> {
		const code = normaliseEnrolmentCode(typed);
		if (code === undefined) {
			this.#notice = 'not-a-code';
			return false;
		}
		return this.#busy(async () => {
			const outcome = await this.#joinWith(code);
			this.#notice = outcome.kind === 'ok' ? 'joined' : noticeOf(outcome);
			return outcome.kind === 'ok';
		});
	}

	/** Leaves the team, keeping the token (the device keeps sharing, without a team). */
	async leave(): Promise<void> {
		await this.#busy(async () => {
			const device = await this.#sync.device();
			if (!device) {
				this.#notice = 'left';
				return;
			}
			const outcome = await this.#client.leave(device.token);
			if (outcome.kind === 'ok') {
				await this.#sync.saveTeam(device.token, null);
				this.#notice = 'left';
			} else if (outcome.kind === 'unauthorized') {
				// The server no longer knows this device, so it is in no team, as the person wanted.
				await this.#sync.forgetToken(device.token);
				await this.#sync.dismissLostTeam();
				this.#notice = 'left';
			} else {
				this.#notice = noticeOf(outcome);
			}
		});
	}

	/** After a lost team: the tablet goes on in no team, and the panel stops saying it lost one. */
	async dismissLost(): Promise<void> {
		await this.#busy(async () => {
			await this.#sync.dismissLostTeam();
			this.#notice = 'left';
		});
	}

	/**
	 * Asks the server which team it holds this device in, when online; quietly does nothing when
	 * offline. A token the server no longer knows is forgotten, as the flusher does, and a team's
	 * tablet then shows which team it lost.
	 */
	async refresh(): Promise<void> {
		const device = await this.#sync.device();
		if (!device) return;
		const before = this.#actions;
		const outcome = await this.#client.self(device.token);
		if (before !== this.#actions) return;
		if (outcome.kind === 'ok') await this.#sync.saveTeam(device.token, outcome.value);
		else if (outcome.kind === 'unauthorized') await this.#sync.forgetToken(device.token);
	}

	async #joinWith(code: string, attempt = 0): Promise<TeamOutcome<Team>> {
		const device = await this.#sync.device();
		if (device) {
			const outcome = await this.#client.join(device.token, code);
			if (outcome.kind === 'ok') await this.#sync.saveTeam(device.token, outcome.value);
			if (outcome.kind !== 'unauthorized' || attempt > 0) return outcome;
			// A token the server forgot: drop it and enrol with a new one.
			await this.#sync.forgetToken(device.token);
			return this.#joinWith(code, attempt + 1);
		}
		const outcome = await this.#client.register(code);
		if (outcome.kind !== 'ok') return outcome;
		if (await this.#sync.saveTeam(outcome.value.token, outcome.value.team)) {
			return { kind: 'ok', value: outcome.value.team };
		}
		// The flusher stored a token meanwhile: join with that one, so the outbox sends as the team.
		return attempt > 0 ? { kind: 'unavailable' } : this.#joinWith(code, attempt + 1);
	}

	async #busy<T>(work: () => Promise<T>): Promise<T> {
		this.#isBusy = true;
		this.#notice = null;
		this.#actions++;
		try {
			return await work();
		} finally {
			this.#isBusy = false;
		}
	}
}

function noticeOf(outcome: { kind: 'invalid-code' | 'unauthorized' | 'unavailable' }): TeamNotice {
	return outcome.kind === 'invalid-code' ? 'invalid-code' : 'offline';
}
