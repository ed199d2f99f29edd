// The team endpoints for a professional's tablet (src/lib/server/README.md, "Endpoints"). Apart
// from client.ts so the flusher, loaded on every start of a sharing device, does not carry them.
// Every answer is parsed with the protocol; the code and the token travel only in the body and
// the Authorization header, and nothing here logs a request, a header or a body.
import {
	DeviceResponseSchema,
	ErrorResponseSchema,
	RegisterDeviceResponseSchema,
	type DeviceResponse
} from './protocol';

/** Crockford's base32, as the server's codes (src/lib/server/teams/secrets.ts). */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 12;

/**
 * A code as typed, in the form the coordinator was shown (XXXX-XXXX-XXXX): case, spaces and dashes
 * do not matter, and O, I, L count as 0, 1, 1 (as on the server). Undefined when it cannot be a code.
 */
export function normaliseEnrolmentCode(typed: string): string | undefined {
	const cleaned = typed
		.toUpperCase()
		.replace(/[\s-]/g, '')
		.replace(/O/g, '0')
		.replace(/[IL]/g, '1');
	if (cleaned.length !== CODE_LENGTH || ![...cleaned].every((c) => ALPHABET.includes(c))) {
		return undefined;
	}
	return `${cleaned.slice(0, 4)}-${cleaned.slice(4, 8)}-${cleaned.slice(8)}`;
}

export type Team = NonNullable<DeviceResponse['team']>;

/** What a team request came to. `invalid-code`: unknown or expired, the server does not say which. */
export type TeamOutcome<T> =
	| { readonly kind: 'ok'; readonly value: T }
	| { readonly kind: 'invalid-code' }
	/** The server does not know the token (any more). */
	| { readonly kind: 'unauthorized' }
	/** Offline, timed out, a 5xx or 429, or an answer we cannot read: nothing is known to have changed. */
	| { readonly kind: 'unavailable' };

export interface TeamClientOptions {
	readonly fetch: typeof fetch;
	readonly baseUrl?: string;
	readonly timeoutMs?: number;
}

export class TeamClient {
	readonly #fetch: typeof fetch;
	readonly #baseUrl: string;
	readonly #timeoutMs: number;

	constructor(options: TeamClientOptions) {
		this.#fetch = options.fetch;
		this.#baseUrl = options.baseUrl ?? '';
		this.#timeoutMs = options.timeoutMs ?? 20_000;
	}

	/** A new device token, enrolled in the code's team: POST /api/devices. */
	async register(code: string): Promise<TeamOutcome<{ token: string; team: Team }>> {
		const answer = await this.#request('POST', '/api/devices', undefined, { enrolmentCode: code });
		if (answer.kind !== 'answered') return answer;
		if (answer.status !== 201) return refusal(answer);
		const parsed = RegisterDeviceResponseSchema.safeParse(answer.body);
		const team = parsed.success ? parsed.data.team : undefined;
		return parsed.success && team
			? { kind: 'ok', value: { token: parsed.data.token, team } }
			: { kind: 'unavailable' };
	}

	/** The device keeps its token and joins the code's team: PUT /api/devices/self/team. */
	async join(token: string, code: string): Promise<TeamOutcome<Team>> {
		const answer = await this.#request('PUT', '/api/devices/self/team', token, {
			enrolmentCode: code
		});
		return teamOf(answer, true);
	}

	/** Which team the server says this device is in: GET /api/devices/self. */
	async self(token: string): Promise<TeamOutcome<Team | null>> {
		return teamOf(await this.#request('GET', '/api/devices/self', token), false);
	}

	/** Leaves the team: DELETE /api/devices/self/team. */
	async leave(token: string): Promise<TeamOutcome<null>> {
		const answer = await this.#request('DELETE', '/api/devices/self/team', token);
		const outcome = teamOf(answer, false);
		return outcome.kind === 'ok' ? { kind: 'ok', value: null } : outcome;
	}

	async #request(
		method: string,
		path: string,
		token?: string,
		body?: unknown
	): Promise<Answered | { kind: 'unavailable' }> {
		const headers: Record<string, string> = {};
		if (body !== undefined) headers['content-type'] = 'application/json';
		if (token !== undefined) headers.authorization = `Bearer ${token}`;
		try {
			const response = await this.#fetch(`${this.#baseUrl}${path}`, {
				method,
				headers,
				body: body === undefined ? undefined : JSON.stringify(body),
				cache: 'no-store',
				credentials: 'omit',
				signal: AbortSignal.timeout(this.#timeoutMs)
			});
			const json: unknown = await response.json().catch(() => undefined);
			return { kind: 'answered', status: response.status, body: json };
		} catch {
			return { kind: 'unavailable' };
		}
	}
}

interface Answered {
	readonly kind: 'answered';
	readonly status: number;
	readonly body: unknown;
}

function refusal(answer: Answered): TeamOutcome<never> {
	if (answer.status === 401) return { kind: 'unauthorized' };
	const error = ErrorResponseSchema.safeParse(answer.body);
	if (error.success && error.data.error.code === 'invalid_enrolment_code') {
		return { kind: 'invalid-code' };
	}
	return { kind: 'unavailable' };
}

function teamOf(answer: Answered | { kind: 'unavailable' }, mustHaveTeam: true): TeamOutcome<Team>;
function teamOf(
	answer: Answered | { kind: 'unavailable' },
	mustHaveTeam: false
): TeamOutcome<Team | null>;
function teamOf(
	answer: Answered | { kind: 'unavailable' },
	mustHaveTeam: boolean
): TeamOutcome<Team | null> {
	if (answer.kind !== 'answered') return answer;
	if (answer.status !== 200) return refusal(answer);
	const parsed = DeviceResponseSchema.safeParse(answer.body);
	if (!parsed.success || (mustHaveTeam && parsed.data.team === null))
		return { kind: 'unavailable' };
	return { kind: 'ok', value: parsed.data.team };
}
