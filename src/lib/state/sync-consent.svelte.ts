import type { Reflection } from '$lib/domain/reflection';
import type { Web } from '$lib/domain/web';
import type { AgeBand, SyncRepo, SyncStatus } from '$lib/storage/sync-repo';
import type { WebRepo } from '$lib/storage/web-repo';
import type { ReflectionRepo } from '$lib/storage/reflection-repo';
import { SyncClient } from '$lib/sync/client';
import { setSyncWanted } from '$lib/sync/hint';
import { AREA_PATTERN, type Summary } from '$lib/sync/protocol';
import { buildSummary, summaryContext } from '$lib/sync/summary';
import { live } from './live.svelte';
import { reflectionRepo } from './reflection-repository';
import { webRepo } from './repositories';
import { syncRepo } from './sync-repository';

/** Who receives the summaries, as the screen can tell it now. */
export type HostView =
	| { readonly kind: 'checking' }
	/** The server answered; `name` null when it gives none. */
	| { readonly kind: 'known'; readonly name: string | null }
	/** The server cannot be asked now; `lastKnown` from an earlier answer, if any. */
	| { readonly kind: 'offline'; readonly lastKnown: string | null };

export interface ConsentDeps {
	readonly sync?: SyncRepo;
	readonly webs?: WebRepo;
	readonly reflections?: ReflectionRepo;
	readonly client?: Pick<SyncClient, 'config'>;
	readonly isOnline?: () => boolean;
	/** What turning on or withdrawing starts: this tab's flusher. */
	readonly flush?: (trigger: 'start' | 'withdraw' | 'manual') => Promise<void>;
}

/** Stands in for the random uuid each summary gets when it is made; never sent. */
const PREVIEW_UUID = '00000000-0000-4000-8000-000000000000';

/**
 * The consent screen: whether sharing is on, the exact summary of the person's own last web as it
 * would be sent (with the area and age band as typed), who receives it, and the actions. Off
 * unless the person says yes here. Withdrawing is stored first (it survives a reload) and then
 * done by the flusher, now or when the device is back online.
 */
export class SyncConsentState {
	readonly #sync: SyncRepo;
	readonly #client: Pick<SyncClient, 'config'>;
	readonly #isOnline: () => boolean;
	readonly #flush: (trigger: 'start' | 'withdraw' | 'manual') => Promise<void>;
	readonly #status: { readonly current: SyncStatus | undefined };
	readonly #last: {
		readonly current: { web: Web; reflection: Reflection | undefined } | null | undefined;
	};
	#host = $state.raw<HostView>({ kind: 'checking' });
	#isBusy = $state(false);
	#hasSaved = $state(false);
	#hasTriedArea = $state(false);
	/** The form: the 4-digit area and the age band, '' when not filled in. */
	area = $state('');
	ageBand = $state<AgeBand | ''>('');

	constructor(deps: ConsentDeps = {}) {
		this.#sync = deps.sync ?? syncRepo();
		const webs = deps.webs ?? webRepo();
		const reflections = deps.reflections ?? reflectionRepo();
		this.#client = deps.client ?? new SyncClient({ fetch: (input, init) => fetch(input, init) });
		this.#isOnline = deps.isOnline ?? (() => navigator.onLine);
		this.#flush = deps.flush ?? flushInBackground;
		const sync = this.#sync;
		this.#status = live(() => sync.status());
		this.#last = live(async () => {
			// The person's own last web: a conversation's web (a client's) is not theirs to preview.
			const web = await webs.latestCompletedBefore(Number.MAX_SAFE_INTEGER);
			if (!web || summaryContext(web) !== 'self') return null;
			return { web, reflection: await reflections.get(web.id) };
		});
		void sync.consent().then((consent) => {
			// What was stored fills the form, unless the person already started typing.
			if (this.area === '' && consent.area !== undefined) this.area = consent.area;
			if (this.ageBand === '' && consent.ageBand !== undefined) this.ageBand = consent.ageBand;
		});
		void this.checkHost();
	}

	get status(): SyncStatus | undefined {
		return this.#status.current;
	}

	get isOn(): boolean {
		return this.#status.current?.consent.isOn ?? false;
	}

	get host(): HostView {
		return this.#host;
	}

	get isBusy(): boolean {
		return this.#isBusy;
	}

	/** True right after the details were saved with consent on ("Bewaard."). */
	get hasSaved(): boolean {
		return this.#hasSaved;
	}

	/** undefined while reading; null when the person has no finished web of their own. */
	get lastWeb(): Web | null | undefined {
		const last = this.#last.current;
		return last === undefined ? undefined : (last?.web ?? null);
	}

	/** The typed area does not fit (shown once the person tried to save it). */
	get isAreaInvalid(): boolean {
		return this.#hasTriedArea && !isAreaOk(this.area);
	}

	/**
	 * The summary of the last web exactly as it would leave the device now: built by the same
	 * code the flusher uses, with the area and age band as on screen (an unfinished area is left
	 * out, as it would be). Its uuid is new for each summary, so it is not shown.
	 */
	get preview(): Summary | null | undefined {
		const last = this.#last.current;
		if (last === undefined) return undefined;
		if (last === null) return null;
		const area = this.area.trim();
		return buildSummary(PREVIEW_UUID, last.web, last.reflection, {
			...(AREA_PATTERN.test(area) ? { area } : {}),
			...(this.ageBand !== '' ? { ageBand: this.ageBand } : {})
		});
	}

	/** Asks the server who receives the summaries; offline, says so with what it said before. */
	async checkHost(): Promise<void> {
		const stored = await this.#sync.host();
		const lastKnown = stored?.hostName ?? null;
		const config = this.#isOnline() ? await this.#client.config() : null;
		if (config === null) {
			this.#host = { kind: 'offline', lastKnown };
			return;
		}
		this.#host = { kind: 'known', name: config.hostName };
		await this.#sync.saveHost(config.hostName);
	}

	/** Yes: from now on every web the person finishes gets an outbox item. */
	async turnOn(): Promise<boolean> {
		if (!this.#checkArea()) return false;
		await this.#busy(async () => {
			const host = this.#host;
			const hostName =
				host.kind === 'known' ? host.name : host.kind === 'offline' ? host.lastKnown : null;
			await this.#saveDetails();
			await this.#sync.turnOn(hostName);
			setSyncWanted(true);
			void this.#flush('start');
		});
		return true;
	}

	async saveDetails(): Promise<boolean> {
		if (!this.#checkArea()) return false;
		await this.#busy(() => this.#saveDetails());
		this.#hasSaved = true;
		return true;
	}

	/**
	 * Stop: consent off, the outbox emptied and a withdrawal stored in one transaction, then the
	 * flusher asks the server to delete (now, or when the device is back online).
	 */
	async withdraw(): Promise<void> {
		await this.#busy(async () => {
			await this.#sync.withdraw();
			setSyncWanted(true);
			this.area = '';
			this.ageBand = '';
			this.#hasTriedArea = false;
			await this.#flush('withdraw');
		});
	}

	/** The person's "try again" for set-aside items. */
	async retrySetAside(): Promise<void> {
		await this.#busy(async () => {
			await this.#sync.putBack();
			await this.#flush('manual');
		});
	}

	/** Typing again takes the "Bewaard." away. */
	edited(): void {
		this.#hasSaved = false;
	}

	#checkArea(): boolean {
		this.#hasTriedArea = true;
		this.area = this.area.trim();
		return isAreaOk(this.area);
	}

	#saveDetails(): Promise<void> {
		return this.#sync.setDetails({
			area: this.area === '' ? null : this.area,
			ageBand: this.ageBand === '' ? null : this.ageBand
		});
	}

	async #busy(work: () => Promise<void>): Promise<void> {
		this.#isBusy = true;
		try {
			await work();
		} finally {
			this.#isBusy = false;
		}
	}
}

function isAreaOk(area: string): boolean {
	const trimmed = area.trim();
	return trimmed === '' || AREA_PATTERN.test(trimmed);
}

async function flushInBackground(trigger: 'start' | 'withdraw' | 'manual'): Promise<void> {
	const { flushNow } = await import('./sync-background');
	await flushNow(trigger);
}
