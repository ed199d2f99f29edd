import { setDeviceTeam } from '$lib/server/devices/devices';
import { apiRoute, methodNotAllowed } from '$lib/server/http/api-route';
import { parseBody, readJson } from '$lib/server/http/body';
import { enrolmentTeam } from '$lib/server/http/enrolment';
import { jsonResponse } from '$lib/server/http/errors';
import { allowEnrolment, authorizedDevice } from '$lib/server/http/guards';
import { DeleteSummariesSchema, JoinTeamSchema, type DeviceResponse } from '$lib/sync/protocol';

export const prerender = false;

/**
 * Joins a team with its code, keeping the token: what this device sent before stays its own to
 * delete. From now on its conversation summaries count for the team.
 */
export const PUT = apiRoute(async (event, context) => {
	const device = await authorizedDevice(context, event);
	const body = parseBody(JoinTeamSchema, await readJson(event.request));
	await allowEnrolment(context, event);
	const team = await enrolmentTeam(context, body.enrolmentCode);
	await setDeviceTeam(context.db, device.id, team.id);
	const answer: DeviceResponse = { team: { name: team.name } };
	return jsonResponse(200, answer);
});

/**
 * Leaves the team: one action, and the token stays, so the device can still delete everything
 * it sent (DELETE /api/summaries). Conversations sent while in the team keep counting for it.
 */
export const DELETE = apiRoute(async (event, context) => {
	const device = await authorizedDevice(context, event);
	const body = await readJson(event.request, true);
	if (body !== undefined) parseBody(DeleteSummariesSchema, body);
	await setDeviceTeam(context.db, device.id, null);
	const answer: DeviceResponse = { team: null };
	return jsonResponse(200, answer);
});

export const fallback = () => methodNotAllowed(['PUT', 'DELETE']);
