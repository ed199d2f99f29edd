import { AgreementRepo } from '$lib/storage/agreement-repo';
import { ClientRepo } from '$lib/storage/client-repo';
import { ConversationRepo } from '$lib/storage/conversation-repo';
import { getDb } from '$lib/storage/db';
import { appLock } from './app-lock.svelte';

let clients: ClientRepo | undefined;
let conversations: ConversationRepo | undefined;
let agreements: AgreementRepo | undefined;

/**
 * The professional side's repositories on the app's one database connection. Apart from
 * repositories.ts, so the personal side's screens never load them.
 */
export function clientRepo(): ClientRepo {
	clients ??= new ClientRepo(getDb(), { lock: appLock.source });
	return clients;
}

export function conversationRepo(): ConversationRepo {
	conversations ??= new ConversationRepo(getDb(), { lock: appLock.source });
	return conversations;
}

export function agreementRepo(): AgreementRepo {
	agreements ??= new AgreementRepo(getDb(), { lock: appLock.source });
	return agreements;
}
