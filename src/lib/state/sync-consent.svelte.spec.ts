import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { completed, withAnswer } from '$lib/domain/web-changes';
import { openDb, type SpinnenwebDb } from '$lib/storage/db';
import { ReflectionRepo } from '$lib/storage/reflection-repo';
import { SyncRepo } from '$lib/storage/sync-repo';
import { WebRepo } from '$lib/storage/web-repo';
import { isSyncWanted, setSyncWanted } from '$lib/sync/hint';
import { SyncConsentState, type ConsentDeps } from './sync-consent.svelte';
import { SyncInvitation } from './sync-invitation.svelte';

let db: SpinnenwebDb;
let sync: SyncRepo;
let webs: WebRepo;
let reflections: ReflectionRepo;
const stops: (() => void)[] = [];

beforeEach(() => {
	const factory = new IDBFactory();
	globalThis.indexedDB = factory;
	Dexie.dependencies.indexedDB = factory;
	Dexie.dependencies.IDBKeyRange = IDBKeyRange;
	db = openDb();
	sync = new SyncRepo(db);
	webs = new WebRepo(db);
	reflections = new ReflectionRepo(db);
	setSyncWanted(false);
});

afterEach(() => {
	for (const stop of stops.splice(0)) stop();
	db.close();
});

/** The screen's state as shown (live reads run only while something reads them). */
function shown(deps: Partial<ConsentDeps> = {}) {
	const flush = vi.fn(() => Promise.resolve());
	const state = new SyncConsentState({
		sync,
		webs,
		reflections,
		client: {
			config: () => Promise.resolve({ hostName: 'Gemeente Voorbeeld', maxBatchSize: 100 })
		},
		isOnline: () => true,
		flush,
		...deps
	});
	stops.push(
		$effect.root(() => {
			$effect(() => {
				void state.status;
				void state.preview;
			});
		})
	);
	return { state, flush };
}

async function finishedWeb(): Promise<void> {
	const web = await webs.create('nl');
	const answered = withAnswer(web, 'lichaamsfuncties.gezond', 8);
	await db.webs.put(completed(answered, Date.now()));
}

describe('the consent screen', () => {
	it('is off by default and names the host the server gives', async () => {
		const { state } = shown();
		await vi.waitFor(() => expect(state.status).toBeDefined());
		expect(state.isOn).toBe(false);
		await vi.waitFor(() =>
			expect(state.host).toEqual({ kind: 'known', name: 'Gemeente Voorbeeld' })
		);
	});

	it('says plainly it cannot check offline, with the host it knew before', async () => {
		await sync.saveHost('Wijkteam Noord');
		const { state } = shown({ isOnline: () => false });
		await vi.waitFor(() =>
			expect(state.host).toEqual({ kind: 'offline', lastKnown: 'Wijkteam Noord' })
		);
	});

	it('previews the last web as it would be sent, with the area and age band as typed', async () => {
		await finishedWeb();
		const { state } = shown();
		await vi.waitFor(() => expect(state.preview).toBeTruthy());
		expect(state.preview?.scores.lichaamsfuncties).toBe(8);
		expect(state.preview).not.toHaveProperty('area');
		state.area = '358'; // not a whole area yet: left out, as it would be
		state.ageBand = '30-44';
		expect(state.preview).not.toHaveProperty('area');
		expect(state.preview?.ageBand).toBe('30-44');
		state.area = '3581';
		expect(state.preview?.area).toBe('3581');
	});

	it('refuses an area that is not 4 digits, and stays off', async () => {
		const { state, flush } = shown();
		await vi.waitFor(() => expect(state.status).toBeDefined());
		state.area = '12ab';
		expect(await state.turnOn()).toBe(false);
		expect(state.isAreaInvalid).toBe(true);
		expect((await sync.consent()).isOn).toBe(false);
		expect(flush).not.toHaveBeenCalled();
	});

	it('turns on with the details and the host shown, and starts the flusher', async () => {
		const { state, flush } = shown();
		await vi.waitFor(() => expect(state.host.kind).toBe('known'));
		state.area = ' 3581 ';
		state.ageBand = '65-79';
		expect(await state.turnOn()).toBe(true);
		expect(await sync.consent()).toMatchObject({
			isOn: true,
			hostName: 'Gemeente Voorbeeld',
			area: '3581',
			ageBand: '65-79'
		});
		expect(isSyncWanted()).toBe(true);
		expect(flush).toHaveBeenCalledWith('start');
	});

	it('withdraws: consent off, details and outbox gone, a withdrawal pending for the flusher', async () => {
		const { state, flush } = shown();
		await vi.waitFor(() => expect(state.status).toBeDefined());
		state.area = '3581';
		await state.turnOn();
		await db.outbox.put({
			uuid: crypto.randomUUID(),
			webId: crypto.randomUUID(),
			completedAt: 1,
			readyAt: 1,
			setAside: null
		});
		await state.withdraw();
		const consent = await sync.consent();
		expect(consent.isOn).toBe(false);
		expect(consent).not.toHaveProperty('area');
		expect(await db.outbox.count()).toBe(0);
		await vi.waitFor(() => expect(state.status?.withdrawal?.status).toBe('pending'));
		expect(flush).toHaveBeenLastCalledWith('withdraw');
		expect(state.area).toBe('');
	});
});

describe('the invitation on the result page', () => {
	it('shows once, never again, and never while sharing is on', async () => {
		const first = new SyncInvitation(sync);
		await vi.waitFor(() => expect(first.isShown).toBe(true));
		const second = new SyncInvitation(sync);
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(second.isShown).toBe(false);
	});

	it('is not shown to someone who already said yes', async () => {
		await sync.turnOn(null);
		const invitation = new SyncInvitation(sync);
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(invitation.isShown).toBe(false);
		expect(await sync.invitationShownAt()).toBeNull();
	});
});
