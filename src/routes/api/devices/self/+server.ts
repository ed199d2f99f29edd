import { deviceTeamName } from '$lib/server/devices/devices';
import { apiRoute, methodNotAllowed } from '$lib/server/http/api-route';
import { jsonResponse } from '$lib/server/http/errors';
import { authorizedDevice } from '$lib/server/http/guards';
import type { DeviceResponse } from '$lib/sync/protocol';

export const prerender = false;

/** This device as the server knows it: which team it is in, if any. */
export const GET = apiRoute(async (event, context) => {
	const device = await authorizedDevice(context, event);
	const name = await deviceTeamName(context.db, device);
	const answer: DeviceResponse = { team: name === null ? null : { name } };
	return jsonResponse(200, answer);
});

export const fallback = () => methodNotAllowed(['GET']);
