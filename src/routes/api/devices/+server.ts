import { registerDevice } from '$lib/server/devices/devices';
import { apiRoute, methodNotAllowed } from '$lib/server/http/api-route';
import { parseBody, readJson } from '$lib/server/http/body';
import { jsonResponse } from '$lib/server/http/errors';
import { allowEnrolment, allowRegistration } from '$lib/server/http/guards';
import { enrolmentTeam } from '$lib/server/http/enrolment';
import { RegisterDeviceSchema, type RegisterDeviceResponse } from '$lib/sync/protocol';

// The root layout prerenders every page; API routes answer at request time.
export const prerender = false;

/** Registers a device: 201 { token }, or with a team's code 201 { token, team }. */
export const POST = apiRoute(async (event, context) => {
	await allowRegistration(context, event);
	const body = parseBody(RegisterDeviceSchema, await readJson(event.request));
	if (body.enrolmentCode === undefined) {
		const answer: RegisterDeviceResponse = await registerDevice(context.db);
		return jsonResponse(201, answer);
	}
	await allowEnrolment(context, event);
	const team = await enrolmentTeam(context, body.enrolmentCode);
	const { token } = await registerDevice(context.db, team.id);
	const answer: RegisterDeviceResponse = { token, team: { name: team.name } };
	return jsonResponse(201, answer);
});

export const fallback = () => methodNotAllowed(['POST']);
