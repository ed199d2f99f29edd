// The frame around every API handler: it hands over the server context and turns what can go
// wrong into the protocol's JSON errors. Bad input is a 4xx (ApiError); a database that does not
// answer is a 503 that the client retries; only a real fault of ours is a 500, and it tells the
// client nothing of our internals.
import type { RequestEvent, RequestHandler } from '@sveltejs/kit';
import { serverContext, type ServerContext } from '../context';
import { ApiError, errorResponse, isDatabaseUnavailable, loggable } from './errors';

export type ApiWork = (event: RequestEvent, context: ServerContext) => Promise<Response>;

export function apiRoute(work: ApiWork): RequestHandler {
	return async (event) => {
		try {
			return await work(event, await serverContext());
		} catch (error) {
			if (error instanceof ApiError) return errorResponse(error);
			if (isDatabaseUnavailable(error)) {
				return errorResponse(
					new ApiError(
						503,
						'database_unavailable',
						'The database does not answer; try again later.',
						undefined,
						{
							'retry-after': '30'
						}
					)
				);
			}
			// The path only: never the body, the query or a header (a token could be there).
			console.error(
				`API error on ${event.request.method} ${event.url.pathname}: ${loggable(error)}`
			);
			return errorResponse(new ApiError(500, 'internal', 'Something went wrong on the server.'));
		}
	};
}

/** For an /api path or method that does not exist: the same JSON shape, never the app's HTML. */
export function notFound(): Response {
	return errorResponse(new ApiError(404, 'not_found', 'There is no such API endpoint.'));
}

export function methodNotAllowed(allowed: readonly string[]): Response {
	return errorResponse(
		new ApiError(405, 'method_not_allowed', `Use ${allowed.join(' or ')} here.`, undefined, {
			allow: allowed.join(', ')
		})
	);
}
