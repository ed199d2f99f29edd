// Server configuration, read once from the environment and parsed like any other input: a typo in
// a number must stop the server at start with a clear message, not surface as odd behaviour later.
import { z } from 'zod';

const PositiveInt = z.coerce.number().int().positive();

const EnvSchema = z.object({
	DATABASE_URL: z.string().trim().min(1).optional(),
	DATABASE_POOL_SIZE: PositiveInt.default(10),
	DATA_DIR: z.string().trim().min(1).default('./data'),
	SPINNENWEB_HOST_NAME: z.string().trim().max(200).optional(),
	// Requests per minute from one address to the API (all endpoints but the health check).
	SPINNENWEB_RATE_ADDRESS_PER_MINUTE: PositiveInt.default(120),
	// Requests per minute from one device (sending and deleting summaries).
	SPINNENWEB_RATE_DEVICE_PER_MINUTE: PositiveInt.default(30),
	// New devices per hour from one address.
	SPINNENWEB_RATE_REGISTER_PER_HOUR: PositiveInt.default(20),
	// Attempts with a team's enrolment code per hour from one address (a code has 60 bits).
	SPINNENWEB_RATE_ENROL_PER_HOUR: PositiveInt.default(20),
	// Failed dashboard sign-ins per hour from one address.
	SPINNENWEB_RATE_SIGN_IN_FAILURES_PER_HOUR: PositiveInt.default(10)
});

export interface RateLimitConfig {
	readonly addressPerMinute: number;
	readonly devicePerMinute: number;
	readonly registerPerHour: number;
	readonly enrolPerHour: number;
	readonly signInFailuresPerHour: number;
}

export type DatabaseConfig =
	| { readonly kind: 'postgres'; readonly url: string; readonly poolSize: number }
	| { readonly kind: 'pglite'; readonly dataDir: string };

export interface ServerConfig {
	readonly database: DatabaseConfig;
	/** Shown on the consent screen: who receives the summaries. */
	readonly hostName: string | null;
	readonly rateLimits: RateLimitConfig;
}

export class ConfigError extends Error {
	override name = 'ConfigError';
}

export function readConfig(env: Record<string, string | undefined>): ServerConfig {
	// An empty variable means "not set", as in most shells' `FOO= cmd`.
	const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
	const parsed = EnvSchema.safeParse(present);
	if (!parsed.success) {
		const names = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
		throw new ConfigError(`The server's settings are not valid: check ${names}.`);
	}
	const values = parsed.data;
	return {
		database: values.DATABASE_URL
			? { kind: 'postgres', url: values.DATABASE_URL, poolSize: values.DATABASE_POOL_SIZE }
			: { kind: 'pglite', dataDir: values.DATA_DIR },
		hostName: values.SPINNENWEB_HOST_NAME || null,
		rateLimits: {
			addressPerMinute: values.SPINNENWEB_RATE_ADDRESS_PER_MINUTE,
			devicePerMinute: values.SPINNENWEB_RATE_DEVICE_PER_MINUTE,
			registerPerHour: values.SPINNENWEB_RATE_REGISTER_PER_HOUR,
			enrolPerHour: values.SPINNENWEB_RATE_ENROL_PER_HOUR,
			signInFailuresPerHour: values.SPINNENWEB_RATE_SIGN_IN_FAILURES_PER_HOUR
		}
	};
}
