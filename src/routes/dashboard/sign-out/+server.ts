import { redirect } from '@sveltejs/kit';
import { serverContext } from '$lib/server/context';
import { dashboardPath, isSameOrigin } from '$lib/server/dashboard/access';
import { clearSessionCookie, sessionCookie } from '$lib/server/dashboard/session-cookie';
import { signOut } from '$lib/server/teams/sessions';
import type { RequestHandler } from './$types';

export const prerender = false;

/** Ends the session on the server (the row is deleted), then forgets the cookie. */
export const POST: RequestHandler = async (event) => {
	if (!isSameOrigin(event)) return new Response('Not from this site.', { status: 403 });
	const context = await serverContext();
	await signOut(context.db, sessionCookie(event.cookies, event.url));
	clearSessionCookie(event.cookies, event.url);
	redirect(303, dashboardPath('/dashboard/sign-in', event.url, { 'signed-out': '1' }));
};
