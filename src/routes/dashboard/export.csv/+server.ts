import { dashboardAccess, signInFirst } from '$lib/server/dashboard/access';
import { dashboardCsv } from '$lib/server/dashboard/csv';
import { loadDashboard } from '$lib/server/dashboard/data';
import { dashboardLabels } from '$lib/server/dashboard/labels';
import { dashboardLocale } from '$lib/server/dashboard/locale';
import { chooseView } from '$lib/server/dashboard/query';
import { jsonResponse } from '$lib/server/http/errors';
import type { RequestHandler } from './$types';

export const prerender = false;

/** The view the page shows (year, level, grouping), as CSV; 401 without a session. */
export const GET: RequestHandler = async (event) => {
	const { context, session } = await dashboardAccess(event);
	if (!session) return signInFirst();
	const data = await loadDashboard(context.db);
	const choice = chooseView(event.url.searchParams, data.years);
	if (!choice)
		return jsonResponse(404, { error: { code: 'not_found', message: 'Nothing is shown yet.' } });
	const locale = dashboardLocale(event.url, event.request.headers.get('accept-language'));
	const csv = dashboardCsv(choice.view, dashboardLabels(locale, data.teams));
	const name = `wijkbeeld-${choice.year}-${choice.grouping}-${choice.level}.csv`;
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${name}"`
		}
	});
};
