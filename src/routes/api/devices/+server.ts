import { registerDevice } from '$lib/server/devices/devices';
import { apiRoute, methodNotAllowed } from '$lib/server/http/api-route';
import { parseBody, readJson } from '$lib/server/http/body';
import { jsonResponse } from '$lib/server/http/errors';
import { allowRegistration } from '$lib/server/http/guards';
import { RegisterDeviceSchema, type RegisterDeviceResponse } from '$lib/sync/protocol';

// The root layout prerenders every page; API routes answer at request time.
export const prerender = false;

/** Registers an anonymous device: 201 { token }. */
export const POST = apiRoute(async (event, context) => {
	await allowRegistration(context, event);
	parseBody(RegisterDeviceSchema, await readJson(event.request));
	const answer: RegisterDeviceResponse = await registerDevice(context.db);
	return jsonResponse(201, answer);
});

export const fallback = () => methodNotAllowed(['POST']);
