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
	'3D000', // the database does not exist (dropped, or a wrong DATABASE_URL)
	'28000', // invalid authorization
	'28P01', // wrong password
	'40001', // serialization_failure
	'40P01', // deadlock_detected
	'57014' // query_canceled (a statement timeout)
]);
// Whole classes: 08 connection exceptions, 53 insufficient resources, 57P operator intervention
// (shutdowns, a server not accepting connections yet).
const UNAVAILABLE_CLASSES = ['08', '53', '57P'];

export function isDatabaseUnavailable(error: unknown): boolean {
	if (!(error instanceof Error)) return false;
	const code = (error as { code?: unknown }).code;
	if (
		typeof code === 'string' &&
		(UNAVAILABLE_CODES.has(code) || UNAVAILABLE_CLASSES.some((prefix) => code.startsWith(prefix)))
	) {
		return true;
	}
	// node-postgres after pool.end(), PGlite after close(), and a dropped connection.
	return /Cannot use a pool after calling end|PGlite is clos(ed|ing)|Connection terminated/i.test(
		error.message
	);
}

/**
 * An error as a log may hold it: its stack (name, message, where). Never the driver's `detail`,
 * which can quote a row, and a row is health data.
 */
export function loggable(error: unknown): string {
	if (!(error instanceof Error)) return typeof error === 'string' ? error : 'a thrown non-error';
	const code = (error as { code?: unknown }).code;
	return `${typeof code === 'string' ? `[${code}] ` : ''}${error.stack ?? `${error.name}: ${error.message}`}`;
}
