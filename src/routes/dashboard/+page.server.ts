import { redirect } from '@sveltejs/kit';
import { dashboardAccess, dashboardPath } from '$lib/server/dashboard/access';
import { loadDashboard } from '$lib/server/dashboard/data';
import { dashboardLabels } from '$lib/server/dashboard/labels';
import { dashboardLocale } from '$lib/server/dashboard/locale';
import { dashboardPage } from '$lib/server/dashboard/page-data';
import { chooseView } from '$lib/server/dashboard/query';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { context, session } = await dashboardAccess(event);
	if (!session) redirect(303, dashboardPath('/dashboard/sign-in', event.url));
	const locale = dashboardLocale(event.url, event.request.headers.get('accept-language'));
	const data = await loadDashboard(context.db);
	const labels = dashboardLabels(locale, data.teams);
	const choice = chooseView(event.url.searchParams, data.years);
	return {
		locale,
		teamName: session.teamName,
		statement: labels.statement(),
		page: choice ? dashboardPage(data, choice, labels) : null
	};
};
