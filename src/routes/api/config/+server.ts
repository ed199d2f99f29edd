import { apiRoute, methodNotAllowed } from '$lib/server/http/api-route';
import { jsonResponse } from '$lib/server/http/errors';
import { MAX_BATCH_SIZE, type ConfigResponse } from '$lib/sync/protocol';

export const prerender = false;

/** What the consent screen shows: who receives the summaries (SPINNENWEB_HOST_NAME). */
export const GET = apiRoute((_event, context) => {
	const answer: ConfigResponse = {
		hostName: context.config.hostName,
		maxBatchSize: MAX_BATCH_SIZE
	};
	return Promise.resolve(jsonResponse(200, answer));
});

export const fallback = () => methodNotAllowed(['GET']);
