import { ClientSchema, newClient, type Client } from '$lib/domain/client';
import type { SpinnenwebDb } from './db';
import { RecordNotFoundError } from './errors';
import { NO_LOCK, SealedWrites, type LockSource } from './record-lock';
import { RecordParser, type Lookup } from './record-parser';
import type { CorruptRecordReport } from './web-repo';
import type { PendingWrite } from './write-now';

export interface ClientRepoOptions {
	clock?: () => number;
	onCorrupt?: (report: CorruptRecordReport) => void;
	/** The passcode lock, when one is set and open (record-lock.ts); none by default. */
	lock?: LockSource;
}

/** What deleting a person takes with them, for the confirmation that says so. */
export interface ClientContents {
	conversations: number;
	webs: number;
	agreements: number;
}

/**
 * The people a professional holds conversations with (README.md, "Tables"). Every read parsed,
 * a damaged record skipped and reported, never overwritten; changes written whole at once
 * (`changeNow`), so a rename typed a moment before a reload is kept.
 */
export class ClientRepo {
	readonly #db: SpinnenwebDb;
	readonly #clock: () => number;
	readonly #parser: RecordParser<Client>;
	readonly #lock: LockSource;
	readonly #sealedWrites: SealedWrites;

	constructor(db: SpinnenwebDb, options: ClientRepoOptions = {}) {
		this.#db = db;
		this.#clock = options.clock ?? Date.now;
		this.#parser = new RecordParser(ClientSchema, 'person', options.onCorrupt);
		this.#lock = options.lock ?? NO_LOCK;
		this.#sealedWrites = new SealedWrites(db);
	}

	/** A new person; throws (storing nothing) when the pseudonym is empty or holds a BSN. */
	async create(pseudonym: string, now: number = this.#clock()): Promise<Client> {
		const client = this.#parser.validate(newClient(crypto.randomUUID(), pseudonym, now));
		const lock = this.#lock();
		await this.#db.clients.add(lock ? ((await lock.seal('clients', client)) as Client) : client);
		return client;
	}

	async lookup(id: string): Promise<Lookup<Client>> {
		const raw = await this.#db.clients.get(id);
		if (raw === undefined) return { status: 'missing' };
		const record = await this.#parser.read(this.#lock(), 'clients', raw);
		return record ? { status: 'found', record } : { status: 'corrupt', id };
	}

	async list(): Promise<{ clients: Client[]; corruptCount: number }> {
		const raws = await this.#db.clients.toArray();
		const { records, corruptCount } = await this.#parser.readAll(this.#lock(), 'clients', raws);
		return { clients: records, corruptCount };
	}

	/** Stores the person whole, as the screen has them now (see WebRepo.changeNow). */
	changeNow(latest: Client, change: (client: Client) => Client): PendingWrite<Client> | null {
		const changed = change(latest);
		if (changed === latest) return null;
		const value = this.#parser.validate({
			...changed,
			updatedAt: Math.max(this.#clock(), latest.updatedAt)
		});
		return { value, saved: this.#sealedWrites.put(this.#lock(), 'clients', value.id, value) };
	}

	async contents(id: string): Promise<ClientContents> {
		const { conversations, webs, agreements } = this.#db;
		return this.#db.transaction('r', conversations, webs, agreements, async () => ({
			conversations: await conversations.where('clientId').equals(id).count(),
			webs: await webs.where('clientId').equals(id).count(),
			agreements: await agreements.where('clientId').equals(id).count()
		}));
	}

	/**
	 * The professional's choice after a confirmation: the person and everything of theirs (webs,
	 * conversations, agreements; damaged ones too while they still name the person) in one
	 * transaction, so nothing of them is left behind, or nothing goes at all.
	 */
	async deleteWithEverything(id: string): Promise<void> {
		const { clients, conversations, webs, agreements, reflections } = this.#db;
		await this.#db.transaction(
			'rw',
			[clients, conversations, webs, agreements, reflections],
			async () => {
				if ((await clients.get(id)) === undefined) throw new RecordNotFoundError(id);
				const webIds = await webs.where('clientId').equals(id).primaryKeys();
				await reflections.bulkDelete(webIds);
				await webs.bulkDelete(webIds);
				await agreements.where('clientId').equals(id).delete();
				await conversations.where('clientId').equals(id).delete();
				await clients.delete(id);
			}
		);
	}
}
