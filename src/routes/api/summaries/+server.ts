import { apiRoute, methodNotAllowed } from '$lib/server/http/api-route';
import { parseBody, readJson } from '$lib/server/http/body';
import { jsonResponse } from '$lib/server/http/errors';
import { authorizedDevice } from '$lib/server/http/guards';
import { deleteDeviceSummaries, receiveSummaries } from '$lib/server/summaries/summaries';
import {
	DeleteSummariesSchema,
	SummaryBatchSchema,
	type DeleteSummariesResponse,
	type ReceiveSummariesResponse
} from '$lib/sync/protocol';

export const prerender = false;

/** Receives a batch of up to 100 summaries, idempotent on each summary's uuid. */
export const POST = apiRoute(async (event, context) => {
	const device = await authorizedDevice(context, event);
	const batch = parseBody(SummaryBatchSchema, await readJson(event.request));
	const answer: ReceiveSummariesResponse = await receiveSummaries(
		context.db,
		device,
		batch.summaries
	);
	return jsonResponse(200, answer);
});

/** Deletes every summary this device sent (withdrawn consent). */
export const DELETE = apiRoute(async (event, context) => {
	const device = await authorizedDevice(context, event);
	const body = await readJson(event.request, true);
	if (body !== undefined) parseBody(DeleteSummariesSchema, body);
	const answer: DeleteSummariesResponse = {
		deleted: await deleteDeviceSummaries(context.db, device.id)
	};
	return jsonResponse(200, answer);
});

export const fallback = () => methodNotAllowed(['POST', 'DELETE']);
