import { apiRoute, methodNotAllowed } from '$lib/server/http/api-route';
import { ApiError, errorResponse, jsonResponse } from '$lib/server/http/errors';

export const prerender = false;

/** 200 when the database answers, 503 (database_unavailable) when it does not. */
export const GET = apiRoute(async (_event, context) => {
	try {
		await context.db.query('SELECT 1');
	} catch {
		// Whatever the reason, the answer a load balancer needs is "not this one, not now".
		return errorResponse(
			new ApiError(503, 'database_unavailable', 'The database does not answer.', undefined, {
				'retry-after': '10'
			})
		);
	}
	return jsonResponse(200, { status: 'ok' });
});

export const fallback = () => methodNotAllowed(['GET']);
