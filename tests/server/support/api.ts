// A small client for the API, as the app will speak it, and summaries to send.
import { randomUUID } from 'node:crypto';
import type { Summary } from '../../../src/lib/sync/protocol';

export function makeSummary(overrides: Partial<Summary> = {}): Summary {
	return {
		uuid: randomUUID(),
		questionSetId: 'volwassenen-v1',
		day: '2026-03-14',
		scores: {
			lichaamsfuncties: 7.3,
			mentaal: 6,
			zingeving: 8.5,
			kwaliteit: null,
			meedoen: 4,
			dagelijks: 9.1
		},
		focus: 'meedoen',
		context: 'self',
		...overrides
	};
}

export async function register(baseUrl: string): Promise<string> {
	const response = await fetch(`${baseUrl}/api/devices`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: '{}'
	});
	if (response.status !== 201) {
		throw new Error(`Registering answered ${response.status}: ${await response.text()}`);
	}
	return ((await response.json()) as { token: string }).token;
}

export function postSummaries(
	baseUrl: string,
	token: string,
	body: unknown,
	fetcher: typeof fetch = fetch
): Promise<Response> {
	return fetcher(`${baseUrl}/api/summaries`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
		body: typeof body === 'string' ? body : JSON.stringify(body)
	});
}

export function deleteSummaries(baseUrl: string, token: string): Promise<Response> {
	return fetch(`${baseUrl}/api/summaries`, {
		method: 'DELETE',
		headers: { authorization: `Bearer ${token}` }
	});
}

/** The UUIDs the database holds, each as often as it is there. */
export async function storedUuids(db: {
	query<Row>(sql: string): Promise<{ rows: Row[] }>;
}): Promise<string[]> {
	const { rows } = await db.query<{ uuid: string }>('SELECT uuid::text AS uuid FROM summaries');
	return rows.map((row) => row.uuid);
}
