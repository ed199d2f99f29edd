import type { Page } from '@playwright/test';

/** The device token the app's outbox sends with (syncState.device), read from its own database. */
export async function storedDeviceToken(page: Page): Promise<string | undefined> {
	return page.evaluate(async () => {
		const open = indexedDB.open('spinnenweb');
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error as Error);
		});
		const read = db.transaction('syncState').objectStore('syncState').get('device');
		return new Promise<string | undefined>((resolve) => {
			read.onsuccess = () => resolve((read.result as { token: string } | undefined)?.token);
		});
	});
}
