import type * as z from 'zod/mini';
import type { DeviceState, RetryState, SyncDevice } from '$lib/sync/flusher';
import type { AGE_BANDS } from '$lib/sync/protocol';
import {
	CONSENT_OFF,
	ConsentSchema,
	DeviceSchema,
	HostSchema,
	InvitationSchema,
	OutboxItemSchema,
	RetrySchema,
	TeamLostSchema,
	WithdrawalSchema,
	type Consent,
	type Device,
	type Host,
	type OutboxItem,
	type Retry,
	type TeamLost,
	type Withdrawal
} from '$lib/sync/records';
import type { SpinnenwebDb, StoredOutboxItem, StoredSyncRecord } from './db';
import { describeIssues } from './errors';
import type { CorruptRecordReport } from './web-repo';

export type AgeBand = (typeof AGE_BANDS)[number];

/** An item the server refused, for the settings page. */
export interface SetAsideItem {
	readonly uuid: string;
	readonly completedAt: number;
	readonly reason: string;
	readonly at: number;
}

/** What the settings and consent screens show of the sync. */
export interface SyncStatus {
	readonly consent: Consent;
	readonly withdrawal: Withdrawal | null;
	/** Items still to be sent, ready or waiting for their focus. */
	readonly waiting: number;
	readonly setAside: readonly SetAsideItem[];
	/** Outbox records too damaged to read: left as they are, never sent. */
	readonly unreadable: number;
}

/** The optional details of the consent screen; null clears one, undefined leaves it. */
export interface ConsentDetails {
	readonly area?: string | null;
	readonly ageBand?: AgeBand | null;
}

export interface SyncRepoOptions {
	clock?: () => number;
	onCorrupt?: (report: CorruptRecordReport) => void;
}

interface Parser<T> {
	safeParse(value: unknown):
		| { success: true; data: T }
		| {
				success: false;
				error: z.core.$ZodError;
		  };
}

function warnCorrupt({ id, issues }: CorruptRecordReport): void {
	console.warn(`Skipped damaged sync record ${id}: ${issues.join('; ')}`);
}

/** Oldest first, so the server gets webs in the order they were finished. */
function byCompletion(a: OutboxItem, b: OutboxItem): number {
	return a.completedAt - b.completedAt || (a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0);
}

/**
 * The sync's records on the device (tables `outbox` and `syncState`, see src/lib/sync/README.md),
 * by the storage rules: every read parsed, a damaged record skipped and left as it is. The
 * flusher uses it as its SyncDevice; the consent screen reads its status. Consent is off unless a
 * readable record says it is on.
 */
export class SyncRepo implements SyncDevice {
	readonly #db: SpinnenwebDb;
	readonly #clock: () => number;
	readonly #onCorrupt: (report: CorruptRecordReport) => void;
	readonly #reported = new Set<string>();

	constructor(db: SpinnenwebDb, options: SyncRepoOptions = {}) {
		this.#db = db;
		this.#clock = options.clock ?? Date.now;
		this.#onCorrupt = options.onCorrupt ?? warnCorrupt;
	}

	// ---- reads ----

	async consent(): Promise<Consent> {
		return (await this.#record('consent', ConsentSchema)) ?? CONSENT_OFF;
	}

	async status(): Promise<SyncStatus> {
		const { outbox, syncState } = this.#db;
		return this.#db.transaction('r', outbox, syncState, async () => {
			const consent = (await this.#record('consent', ConsentSchema)) ?? CONSENT_OFF;
			const withdrawal = (await this.#record('withdrawal', WithdrawalSchema)) ?? null;
			const { items, unreadable } = await this.#items();
			const setAside = items
				.filter((item) => item.setAside !== null)
				.map((item) => ({
					uuid: item.uuid,
					completedAt: item.completedAt,
					reason: item.setAside?.reason ?? '',
					at: item.setAside?.at ?? 0
				}));
			return {
				consent,
				withdrawal,
				waiting: items.length - setAside.length,
				setAside,
				unreadable
			};
		});
	}

	async read(): Promise<DeviceState> {
		const { syncState } = this.#db;
		return this.#db.transaction('r', syncState, async () => {
			const consent = (await this.#record('consent', ConsentSchema)) ?? CONSENT_OFF;
			const device = await this.#record('device', DeviceSchema);
			const withdrawal = await this.#record('withdrawal', WithdrawalSchema);
			const retry = await this.#record('retry', RetrySchema);
			return {
				isOn: consent.isOn,
				token: device?.token ?? null,
				isWithdrawing: withdrawal?.status === 'pending',
				retry: retry
					? { failures: retry.failures, notBefore: retry.notBefore, kind: retry.kind }
					: null
			};
		});
	}

	/** Items ready to send at `now` (not set aside, past their readyAt), oldest first, and the consent. */
	async readyItems(
		limit: number,
		now: number = this.#clock()
	): Promise<{ consent: Consent; items: OutboxItem[] }> {
		const { outbox, syncState } = this.#db;
		return this.#db.transaction('r', outbox, syncState, async () => {
			const consent = (await this.#record('consent', ConsentSchema)) ?? CONSENT_OFF;
			if (!consent.isOn) return { consent, items: [] };
			const { items } = await this.#items();
			const ready = items
				.filter((item) => item.setAside === null && item.readyAt <= now)
				.sort(byCompletion);
			return { consent, items: ready.slice(0, limit) };
		});
	}

	/** Items still to send, ready or not. */
	async size(): Promise<number> {
		const { items } = await this.#items();
		return items.filter((item) => item.setAside === null).length;
	}

	async nextReadyAt(now: number = this.#clock()): Promise<number | null> {
		const { items } = await this.#items();
		const later = items
			.filter((item) => item.setAside === null && item.readyAt > now)
			.map((item) => item.readyAt);
		return later.length > 0 ? Math.min(...later) : null;
	}

	/** The outbox item of a web, if it has one (the consent screen shows its uuid). */
	async itemForWeb(webId: string): Promise<OutboxItem | undefined> {
		const raws = await this.#db.outbox.where('webId').equals(webId).toArray();
		return raws.map((raw) => this.#parseItem(raw)).find((item) => item !== undefined);
	}

	async invitationShownAt(): Promise<number | null> {
		return (await this.#record('invitation', InvitationSchema))?.shownAt ?? null;
	}

	async host(): Promise<Host | undefined> {
		return this.#record('host', HostSchema);
	}

	// ---- consent ----

	/** Says yes. Only webs completed from now on get an outbox item (WebSession.complete). */
	async turnOn(hostName: string | null, now: number = this.#clock()): Promise<void> {
		const { syncState } = this.#db;
		await this.#db.transaction('rw', syncState, async () => {
			const current = (await this.#record('consent', ConsentSchema)) ?? CONSENT_OFF;
			await this.#put(ConsentSchema, { ...current, isOn: true, changedAt: now, hostName });
		});
	}

	/** The optional area and age band; a value that does not fit the protocol throws. */
	async setDetails(details: ConsentDetails, now: number = this.#clock()): Promise<void> {
		const { syncState } = this.#db;
		await this.#db.transaction('rw', syncState, async () => {
			const current = (await this.#record('consent', ConsentSchema)) ?? CONSENT_OFF;
			const next: Consent = { ...current, changedAt: now };
			if (details.area === null) delete next.area;
			else if (details.area !== undefined) next.area = details.area;
			if (details.ageBand === null) delete next.ageBand;
			else if (details.ageBand !== undefined) next.ageBand = details.ageBand;
			await this.#put(ConsentSchema, next);
		});
	}

	/**
	 * Withdraws, in one transaction: consent off (area and age band forgotten), every outbox item
	 * gone, and a withdrawal pending until the flusher, under its lock, has had the server delete
	 * this device's summaries. Always pending, even with no token yet: a registration may be
	 * under way in another tab, and only the flusher's lock can tell.
	 */
	async withdraw(now: number = this.#clock()): Promise<void> {
		const { outbox, syncState } = this.#db;
		await this.#db.transaction('rw', outbox, syncState, async () => {
			const current = (await this.#record('consent', ConsentSchema)) ?? CONSENT_OFF;
			await this.#put(ConsentSchema, {
				key: 'consent',
				isOn: false,
				changedAt: now,
				hostName: current.hostName
			});
			await outbox.clear();
			await this.#put(WithdrawalSchema, {
				key: 'withdrawal',
				status: 'pending',
				requestedAt: now,
				doneAt: null,
				deleted: null
			});
		});
	}

	async markInvited(now: number = this.#clock()): Promise<void> {
		await this.#put(InvitationSchema, { key: 'invitation', shownAt: now });
	}

	async saveHost(hostName: string | null, now: number = this.#clock()): Promise<void> {
		await this.#put(HostSchema, { key: 'host', hostName, checkedAt: now });
	}

	// ---- outbox ----

	async remove(uuids: readonly string[]): Promise<void> {
		await this.#db.outbox.bulkDelete([...uuids]);
	}

	async setAside(uuid: string, reason: string, now: number = this.#clock()): Promise<void> {
		await this.#changeItems([uuid], (item) => ({
			...item,
			setAside: { reason: reason.slice(0, 40), at: now }
		}));
	}

	/** The person's "try again": every set-aside item waits to be sent once more, ready now. */
	async putBack(now: number = this.#clock()): Promise<number> {
		const { items } = await this.#items();
		const uuids = items.filter((item) => item.setAside !== null).map((item) => item.uuid);
		await this.#changeItems(uuids, (item) => ({ ...item, setAside: null, readyAt: now }));
		return uuids.length;
	}

	/**
	 * The person left the web's screens: its item need not wait for a focus any longer. Returns
	 * whether an item became ready (then it is worth a flush).
	 */
	async markReady(webId: string, now: number = this.#clock()): Promise<boolean> {
		const { outbox } = this.#db;
		return this.#db.transaction('rw', outbox, async () => {
			let changed = false;
			for (const raw of await outbox.where('webId').equals(webId).toArray()) {
				const item = this.#parseItem(raw);
				if (!item || item.setAside !== null || item.readyAt <= now) continue;
				await outbox.put(OutboxItemSchema.parse({ ...item, readyAt: now }));
				changed = true;
			}
			return changed;
		});
	}

	// ---- the flusher's SyncDevice ----

	async saveToken(token: string): Promise<string> {
		const { syncState } = this.#db;
		return this.#db.transaction('rw', syncState, async () => {
			const existing = await this.#record('device', DeviceSchema);
			if (existing) return existing.token;
			const device: Device = { key: 'device', token, registeredAt: this.#clock() };
			await this.#put(DeviceSchema, device);
			return token;
		});
	}

	// ---- the team (settings' Team panel) ----

	/** The device record: its token and, once asked, its team. */
	async device(): Promise<Device | undefined> {
		return this.#record('device', DeviceSchema);
	}

	/**
	 * Keeps `token` with its team. False, and nothing written, when another token is stored
	 * meanwhile (the flusher registered): the caller joins again with that one.
	 */
	async saveTeam(token: string, team: Device['team']): Promise<boolean> {
		const { syncState } = this.#db;
		return this.#db.transaction('rw', syncState, async () => {
			const existing = await this.#record('device', DeviceSchema);
			if (existing && existing.token !== token) return false;
			const registeredAt = existing?.registeredAt ?? this.#clock();
			await this.#put(DeviceSchema, { key: 'device', token, registeredAt, team });
			// In a team again: the team it lost is no longer news.
			if (team) await syncState.delete('teamLost');
			return true;
		});
	}

	/** The team the server stopped knowing this tablet in, until it joins again or goes on without. */
	async lostTeam(): Promise<TeamLost['team'] | undefined> {
		return (await this.#record('teamLost', TeamLostSchema))?.team;
	}

	async dismissLostTeam(): Promise<void> {
		await this.#db.syncState.delete('teamLost');
	}

	/**
	 * Forgets a token the server no longer knows (a 401). A team's tablet keeps which team it lost,
	 * so settings never shows it silently as one that was never in a team.
	 */
	async forgetToken(token: string): Promise<void> {
		const { syncState } = this.#db;
		await this.#db.transaction('rw', syncState, async () => {
			const existing = await this.#record('device', DeviceSchema);
			if (existing?.token !== token) return;
			if (existing.team) {
				const lost: TeamLost = { key: 'teamLost', team: existing.team, lostAt: this.#clock() };
				await this.#put(TeamLostSchema, lost);
			}
			await syncState.delete('device');
		});
	}

	async finishWithdrawal(deleted: number): Promise<void> {
		const { syncState } = this.#db;
		const now = this.#clock();
		await this.#db.transaction('rw', syncState, async () => {
			const withdrawal = await this.#record('withdrawal', WithdrawalSchema);
			await syncState.delete('device');
			await this.#put(WithdrawalSchema, {
				key: 'withdrawal',
				status: 'done',
				requestedAt: withdrawal?.requestedAt ?? now,
				doneAt: now,
				deleted
			});
		});
	}

	async saveRetry(retry: RetryState | null): Promise<void> {
		if (retry === null) {
			await this.#db.syncState.delete('retry');
			return;
		}
		const record: Retry = { key: 'retry', ...retry };
		await this.#put(RetrySchema, record);
	}

	// ---- helpers ----

	async #items(): Promise<{ items: OutboxItem[]; unreadable: number }> {
		const items: OutboxItem[] = [];
		let unreadable = 0;
		for (const raw of await this.#db.outbox.toArray()) {
			const item = this.#parseItem(raw);
			if (item) items.push(item);
			else unreadable++;
		}
		return { items, unreadable };
	}

	async #changeItems(
		uuids: readonly string[],
		change: (item: OutboxItem) => OutboxItem
	): Promise<void> {
		const { outbox } = this.#db;
		await this.#db.transaction('rw', outbox, async () => {
			for (const uuid of uuids) {
				const raw = await outbox.get(uuid);
				const item = raw === undefined ? undefined : this.#parseItem(raw);
				// Gone (sent, withdrawn) or damaged: left as it is.
				if (item) await outbox.put(OutboxItemSchema.parse(change(item)));
			}
		});
	}

	#parseItem(raw: StoredOutboxItem): OutboxItem | undefined {
		return this.#parse(`outbox ${String(raw.uuid)}`, raw, OutboxItemSchema);
	}

	async #record<T>(key: string, schema: Parser<T>): Promise<T | undefined> {
		const raw = await this.#db.syncState.get(key);
		return raw === undefined ? undefined : this.#parse(key, raw, schema);
	}

	async #put<T extends StoredSyncRecord>(
		schema: { parse(value: unknown): T },
		value: T
	): Promise<void> {
		// Validate before writing (storage rule 4): a bug throws here instead of storing junk.
		await this.#db.syncState.put(schema.parse(value));
	}

	#parse<T>(id: string, raw: unknown, schema: Parser<T>): T | undefined {
		const result = schema.safeParse(raw);
		if (result.success) return result.data;
		if (!this.#reported.has(id)) {
			this.#reported.add(id);
			this.#onCorrupt({ id, issues: describeIssues(result.error) });
		}
		return undefined;
	}
}
