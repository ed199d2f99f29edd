// The app's side of the wire: one function per endpoint, each turning the server's answer into
// an outcome the flusher acts on (src/lib/server/README.md, "Errors" and "For the app's outbox").
// Every answer is parsed with the protocol's schemas. The token travels only in the
// Authorization header, and nothing here logs a request, a header or a body.
import { parseRetryAfter } from './backoff';
import {
	ConfigResponseSchema,
	DeleteSummariesResponseSchema,
	ErrorResponseSchema,
	ReceiveSummariesResponseSchema,
	RegisterDeviceResponseSchema,
	type ConfigResponse,
	type Summary
} from './protocol';
import type { FailureKind } from './records';

/** Try again later: the request may or may not have reached the server. */
export interface RetryLater {
	readonly kind: 'retry';
	readonly failure: FailureKind;
	/** From Retry-After, when the server sent one. */
	readonly retryAfterMs: number | null;
}

export type SendOutcome =
	| {
			readonly kind: 'confirmed';
			readonly confirmed: readonly string[];
			readonly alreadyStored: number;
	  }
	/** The server does not know the token: register again. */
	| { readonly kind: 'unauthorized' }
	/** The batch was too big (count or bytes): send fewer at a time. */
	| { readonly kind: 'too-large' }
	/**
	 * A 4xx that sending again will not change. `items` are the batch indexes the server named
	 * (its issues' path[1]); null when it named none, so the whole batch is refused.
	 */
	| { readonly kind: 'refused'; readonly reason: string; readonly items: readonly number[] | null }
	| RetryLater;

export type RegisterOutcome =
	| { readonly kind: 'registered'; readonly token: string }
	| { readonly kind: 'refused'; readonly reason: string }
	| RetryLater;

export type DeleteOutcome =
	| { readonly kind: 'deleted'; readonly deleted: number }
	/** The server does not know the device: it holds nothing of it. */
	| { readonly kind: 'unknown-device' }
	| { readonly kind: 'refused'; readonly reason: string }
	| RetryLater;

export interface SyncClientOptions {
	readonly fetch: typeof fetch;
	/** The server's origin, '' for the app's own; a function, so a test can spread its load. */
	readonly baseUrl?: () => string;
	readonly clock?: () => number;
	/** A request that hangs is given up after this and counts as a network failure. */
	readonly timeoutMs?: number;
}

const JSON_HEADERS = { 'content-type': 'application/json' };

export class SyncClient {
	readonly #fetch: typeof fetch;
	readonly #baseUrl: () => string;
	readonly #clock: () => number;
	readonly #timeoutMs: number;

	constructor(options: SyncClientOptions) {
		this.#fetch = options.fetch;
		this.#baseUrl = options.baseUrl ?? (() => '');
		this.#clock = options.clock ?? Date.now;
		this.#timeoutMs = options.timeoutMs ?? 30_000;
	}

	async register(): Promise<RegisterOutcome> {
		const answer = await this.#request('/api/devices', { method: 'POST', body: '{}' });
		if (answer.kind === 'retry') return answer;
		if (answer.status === 201) {
			const parsed = RegisterDeviceResponseSchema.safeParse(answer.body);
			return parsed.success
				? { kind: 'registered', token: parsed.data.token }
				: { kind: 'retry', failure: 'server', retryAfterMs: null };
		}
		return this.#failure(answer) ?? { kind: 'refused', reason: reasonOf(answer) };
	}

	async send(token: string, summaries: readonly Summary[]): Promise<SendOutcome> {
		const answer = await this.#request('/api/summaries', {
			method: 'POST',
			token,
			body: JSON.stringify({ summaries })
		});
		if (answer.kind === 'retry') return answer;
		if (answer.status === 200) {
			// A 200 we cannot read confirms nothing: the items stay and are sent again.
			const parsed = ReceiveSummariesResponseSchema.safeParse(answer.body);
			return parsed.success
				? {
						kind: 'confirmed',
						confirmed: parsed.data.confirmed,
						alreadyStored: parsed.data.alreadyStored
					}
				: { kind: 'retry', failure: 'server', retryAfterMs: null };
		}
		const failure = this.#failure(answer);
		if (failure) return failure;
		if (answer.status === 401) return { kind: 'unauthorized' };
		const code = errorOf(answer.body)?.code;
		if (answer.status === 413 || code === 'batch_too_large' || code === 'body_too_large') {
			return { kind: 'too-large' };
		}
		const named = (errorOf(answer.body)?.issues ?? [])
			.map((issue) => issue.path[1])
			.filter((index): index is number => typeof index === 'number')
			.filter((index) => index >= 0 && index < summaries.length);
		return {
			kind: 'refused',
			reason: reasonOf(answer),
			items: named.length > 0 ? [...new Set(named)] : null
		};
	}

	async deleteAll(token: string): Promise<DeleteOutcome> {
		const answer = await this.#request('/api/summaries', { method: 'DELETE', token });
		if (answer.kind === 'retry') return answer;
		if (answer.status === 200) {
			const parsed = DeleteSummariesResponseSchema.safeParse(answer.body);
			return parsed.success
				? { kind: 'deleted', deleted: parsed.data.deleted }
				: { kind: 'retry', failure: 'server', retryAfterMs: null };
		}
		const failure = this.#failure(answer);
		if (failure) return failure;
		if (answer.status === 401) return { kind: 'unknown-device' };
		return { kind: 'refused', reason: reasonOf(answer) };
	}

	/** Who receives the summaries, for the consent screen; null when it cannot be asked now. */
	async config(): Promise<ConfigResponse | null> {
		const answer = await this.#request('/api/config', { method: 'GET' });
		if (answer.kind === 'retry' || answer.status !== 200) return null;
		const parsed = ConfigResponseSchema.safeParse(answer.body);
		return parsed.success ? parsed.data : null;
	}

	/** 5xx and 429 are worth another try later (with Retry-After when given); null otherwise. */
	#failure(answer: Answered): RetryLater | null {
		if (answer.status === 429) {
			return { kind: 'retry', failure: 'rate-limited', retryAfterMs: answer.retryAfterMs };
		}
		if (answer.status >= 500) {
			return { kind: 'retry', failure: 'server', retryAfterMs: answer.retryAfterMs };
		}
		return null;
	}

	async #request(
		path: string,
		init: { method: string; token?: string; body?: string }
	): Promise<Answered | RetryLater> {
		const headers: Record<string, string> = init.body === undefined ? {} : { ...JSON_HEADERS };
		if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
		let response: Response;
		let body: unknown;
		try {
			response = await this.#fetch(`${this.#baseUrl()}${path}`, {
				method: init.method,
				headers,
				body: init.body,
				// Never a cached answer, and no cookies: the token is the only credential.
				cache: 'no-store',
				credentials: 'omit',
				signal: AbortSignal.timeout(this.#timeoutMs)
			});
			body = await response.json().catch(() => undefined);
		} catch {
			// Offline, refused, timed out, or the answer was lost on its way back: the server may
			// have done the work. Sending again is harmless (each uuid is stored once).
			return { kind: 'retry', failure: 'network', retryAfterMs: null };
		}
		return {
			kind: 'answered',
			status: response.status,
			body,
			retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), this.#clock())
		};
	}
}

interface Answered {
	readonly kind: 'answered';
	readonly status: number;
	readonly body: unknown;
	readonly retryAfterMs: number | null;
}

function errorOf(body: unknown) {
	const parsed = ErrorResponseSchema.safeParse(body);
	return parsed.success ? parsed.data.error : undefined;
}

/** The server's error code, or the status when the answer is not the protocol's error. */
function reasonOf(answer: Answered): string {
	return errorOf(answer.body)?.code ?? `status ${answer.status}`;
}
