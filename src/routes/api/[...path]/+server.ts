import { notFound } from '$lib/server/http/api-route';

export const prerender = false;

// Any other /api address answers in the API's own JSON, not with the app's page.
export const fallback = () => notFound();
