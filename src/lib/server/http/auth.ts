// The device's token comes only in the Authorization header, never in a URL (where logs, history
// and Referer headers would keep it).
import { ApiError } from './errors';

const BEARER = /^Bearer ([^\s]+)$/i;

export function bearerToken(request: Request): string | undefined {
	const header = request.headers.get('authorization');
	return header ? BEARER.exec(header.trim())?.[1] : undefined;
}

export function unauthorized(
	message = 'This device token is not known here; register the device again.'
): ApiError {
	return new ApiError(401, 'unauthorized', message, undefined, { 'www-authenticate': 'Bearer' });
}
