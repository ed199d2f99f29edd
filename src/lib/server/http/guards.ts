// Who may do what, how often. Every request to a changing endpoint counts against its address;
// a device's requests also against the device; registering also against a slower hourly limit.
import type { RequestEvent } from '@sveltejs/kit';
import type { ServerContext } from '../context';
import { isSameHash, lookupHash, type Device } from '../devices/devices';
import {
	addressKey,
	hit,
	hitAsDevice,
	isOver,
	type Limit,
	type LimitVerdict
} from '../rate-limit/rate-limit';
import { bearerToken, unauthorized } from './auth';
import { ApiError } from './errors';

function clientAddress(event: RequestEvent): string {
	try {
		return event.getClientAddress();
	} catch {
		// ADDRESS_HEADER set but missing (a request that bypassed the proxy): one shared bucket.
		return 'unknown';
	}
}

function addressLimit(context: ServerContext, event: RequestEvent): Limit {
	return {
		key: `address:${addressKey(context.addressSecret, clientAddress(event))}`,
		windowSeconds: 60,
		max: context.config.rateLimits.addressPerMinute
	};
}

async function enforce(context: ServerContext, limits: readonly Limit[]): Promise<void> {
	refuseOver(await hit(context.db, limits));
}

function refuseOver(verdict: LimitVerdict): void {
	if (!verdict.isAllowed) {
		throw new ApiError(
			429,
			'rate_limited',
			`Too many requests; try again in ${verdict.retryAfterSeconds} seconds.`,
			undefined,
			{ 'retry-after': String(verdict.retryAfterSeconds) }
		);
	}
}

/** The device named by the request's token, counted against its limits; 401 or 429 otherwise. */
export async function authorizedDevice(
	context: ServerContext,
	event: RequestEvent
): Promise<Device> {
	const token = bearerToken(event.request);
	const address = [addressLimit(context, event)];
	const hash = token ? lookupHash(token) : undefined;
	if (!hash) {
		await enforce(context, address);
		throw token
			? unauthorized()
			: unauthorized('Send the device token as Authorization: Bearer <token>.');
	}
	const { device, verdict } = await hitAsDevice(context.db, hash, address, {
		windowSeconds: 60,
		max: context.config.rateLimits.devicePerMinute
	});
	refuseOver(verdict);
	if (!device || !isSameHash(device.tokenHash, hash)) throw unauthorized();
	return { id: device.id, teamId: device.teamId };
}

/** Registering a device: counted per address, per minute and per hour. */
export async function allowRegistration(
	context: ServerContext,
	event: RequestEvent
): Promise<void> {
	const address = addressLimit(context, event);
	await enforce(context, [
		address,
		{
			key: address.key.replace(/^address:/, 'register:'),
			windowSeconds: 3600,
			max: context.config.rateLimits.registerPerHour
		}
	]);
}

/** Enrolling with a code (a new device or one joining): counted per address and hour. */
export async function allowEnrolment(context: ServerContext, event: RequestEvent): Promise<void> {
	const address = addressLimit(context, event);
	await enforce(context, [
		address,
		{
			key: address.key.replace(/^address:/, 'enrol:'),
			windowSeconds: 3600,
			max: context.config.rateLimits.enrolPerHour
		}
	]);
}

/** Failed dashboard sign-ins from one address, per hour: only failures count. */
export function signInFailureLimit(context: ServerContext, event: RequestEvent): Limit {
	const address = addressLimit(context, event);
	return {
		key: address.key.replace(/^address:/, 'sign-in-failed:'),
		windowSeconds: 3600,
		max: context.config.rateLimits.signInFailuresPerHour
	};
}

/** Refuses (429) when this address has failed to sign in too often this hour. */
export async function refuseSignInWhenOver(
	context: ServerContext,
	event: RequestEvent
): Promise<LimitVerdict> {
	return isOver(context.db, signInFailureLimit(context, event));
}

/** Counts one failed sign-in. */
export async function countFailedSignIn(
	context: ServerContext,
	event: RequestEvent
): Promise<void> {
	await hit(context.db, [signInFailureLimit(context, event)]);
}
