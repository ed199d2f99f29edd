import { fail, redirect } from '@sveltejs/kit';
import { dashboardAccess, dashboardPath, isSameOrigin } from '$lib/server/dashboard/access';
import { setSessionCookie } from '$lib/server/dashboard/session-cookie';
import { countFailedSignIn, refuseSignInWhenOver } from '$lib/server/http/guards';
import { signIn } from '$lib/server/teams/sessions';
import { serverContext } from '$lib/server/context';
import { dashboardLocale } from '$lib/server/dashboard/locale';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { session } = await dashboardAccess(event);
	if (session) redirect(303, dashboardPath('/dashboard', event.url));
	return {
		locale: dashboardLocale(event.url, event.request.headers.get('accept-language')),
		isSignedOut: event.url.searchParams.has('signed-out')
	};
};

export const actions: Actions = {
	default: async (event) => {
		if (!isSameOrigin(event)) return fail(403, { problem: 'cross-site' as const });
		const context = await serverContext();
		const verdict = await refuseSignInWhenOver(context, event);
		if (!verdict.isAllowed) {
			event.setHeaders({ 'retry-after': String(verdict.retryAfterSeconds) });
			return fail(429, {
				problem: 'limited' as const,
				minutes: Math.ceil(verdict.retryAfterSeconds / 60)
			});
		}
		const form = await event.request.formData();
		const key = form.get('key');
		const made = typeof key === 'string' ? await signIn(context.db, key) : undefined;
		if (!made) {
			await countFailedSignIn(context, event);
			// The key is never sent back: the field comes back empty.
			return fail(401, { problem: 'wrong-key' as const });
		}
		setSessionCookie(event.cookies, event.url, made.sessionId);
		redirect(303, dashboardPath('/dashboard', event.url));
	}
};
