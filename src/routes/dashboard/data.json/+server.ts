import { dashboardAccess, signInFirst } from '$lib/server/dashboard/access';
import { loadDashboard } from '$lib/server/dashboard/data';
import { jsonResponse } from '$lib/server/http/errors';
import type { RequestHandler } from './$types';

export const prerender = false;

/** Every published table of every year, as the page and the CSV read them; 401 without a session. */
export const GET: RequestHandler = async (event) => {
	const { context, session } = await dashboardAccess(event);
	if (!session) return signInFirst();
	return jsonResponse(200, await loadDashboard(context.db));
};
