// Every error the API answers has one shape, { error: { code, message, issues? } }
// (ErrorResponseSchema in the protocol). Messages are plain English for a developer reading the
// network log; the app shows its own words, in the person's language, chosen by `code`.
import type { ErrorCode, ErrorIssue, ErrorResponse } from '$lib/sync/protocol';

export class ApiError extends Error {
	override name = 'ApiError';
	constructor(
		readonly status: number,
		readonly code: ErrorCode,
		message: string,
		readonly issues?: ErrorIssue[],
		readonly headers: Record<string, string> = {}
	) {
		super(message);
	}
}

export function jsonResponse(status: number, body: unknown, headers: HeadersInit = {}): Response {
	return new Response(JSON.stringify(body), {
		status,
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'cache-control': 'no-store',
			...headers
		}
	});
}

export function errorResponse(error: ApiError): Response {
	const body: ErrorResponse = {
		error: {
			code: error.code,
			message: error.message,
			...(error.issues ? { issues: error.issues } : {})
		}
	};
	return jsonResponse(error.status, body, error.headers);
}

// Errors that mean "the database cannot answer right now": a retry later may succeed, so the
// client hears 503, never 500. node-postgres gives SQLSTATE codes and Node's network codes.
const UNAVAILABLE_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ETIMEDOUT',
	'ENOTFOUND',
	'EPIPE',
	'57P01', // admin_shutdown
	'57P02', // crash_shutdown
	'57P03', // cannot_connect_now
	'53300', // too_many_connections
	'40001', // serialization_failure
	'40P01' // deadlock_detected
]);

export function isDatabaseUnavailable(error: unknown): boolean {
	if (!(error instanceof Error)) return false;
	const code = (error as { code?: unknown }).code;
	if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) {
		return true;
	}
	// node-postgres after pool.end(), PGlite after close(), and a dropped connection.
	return /Cannot use a pool after calling end|PGlite is clos(ed|ing)|Connection terminated/i.test(
		error.message
	);
}
