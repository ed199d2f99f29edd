// What the sync keeps on the device, in IndexedDB (tables `outbox` and `syncState`, schema
// version 5). Parsed on every read like every stored record; the shapes here never cross the
// wire (protocol.ts does). zod/mini, as protocol.ts, because the flusher loads after the page.
import * as z from 'zod/mini';
import { AGE_BANDS, AREA_PATTERN, DeviceTeamSchema } from './protocol';

const TimeSchema = z.int().check(z.nonnegative());

/**
 * Why an item was set aside: the server's error code (protocol's ERROR_CODES), `status 4xx`
 * when the answer had none, or `unreadable` when the web it summarises is damaged.
 */
export const SetAsideSchema = z.object({
	reason: z.string().check(z.minLength(1), z.maxLength(40)),
	at: TimeSchema
});
export type SetAside = z.infer<typeof SetAsideSchema>;

/**
 * One completed web waiting to be summarised and sent. It names the web and holds no scores,
 * focus or notes: the summary is built from the web and its reflection when it is sent (README,
 * "The focus"). `uuid` is the summary's own, random, never the web's id.
 */
export const OutboxItemSchema = z.object({
	uuid: z.uuid(),
	webId: z.uuid(),
	completedAt: TimeSchema,
	/** Not sent before this time: the person may still choose a focus (README, "The focus"). */
	readyAt: TimeSchema,
	setAside: z.nullable(SetAsideSchema)
});
export type OutboxItem = z.infer<typeof OutboxItemSchema>;

/** Off until the person says yes on the consent screen. */
export const ConsentSchema = z.object({
	key: z.literal('consent'),
	isOn: z.boolean(),
	changedAt: TimeSchema,
	/** Whom the screen named when the person said yes (null: the host gave no name, or offline). */
	hostName: z.nullable(z.string().check(z.maxLength(200))),
	/** Only when the person filled them in; withdrawing clears them. */
	area: z.optional(z.string().check(z.regex(AREA_PATTERN))),
	ageBand: z.optional(z.enum(AGE_BANDS))
});
export type Consent = z.infer<typeof ConsentSchema>;

export const CONSENT_OFF: Consent = { key: 'consent', isOn: false, changedAt: 0, hostName: null };

/** This device's token for the API, kept only here. Only the server's hash of it is stored there. */
export const DeviceSchema = z.object({
	key: z.literal('device'),
	token: z.string().check(z.minLength(16), z.maxLength(200)),
	registeredAt: TimeSchema,
	// The team this tablet joined, by name, so settings can show it offline. Absent: never asked.
	team: z.optional(DeviceTeamSchema)
});
export type Device = z.infer<typeof DeviceSchema>;

/**
 * The team a tablet was in when the server stopped knowing its token (a 401). The sync then goes
 * on without a team, so settings says so plainly and offers to join again, instead of showing the
 * tablet as one that never had a team. Gone once it joins a team or the person goes on without.
 */
export const TeamLostSchema = z.object({
	key: z.literal('teamLost'),
	team: z.strictObject({ name: z.string().check(z.maxLength(200)) }),
	lostAt: TimeSchema
});
export type TeamLost = z.infer<typeof TeamLostSchema>;

/**
 * Withdrawn consent: `pending` until the server confirmed that it deleted this device's
 * summaries (it survives a reload and waits for the network), then `done` with how many.
 */
export const WithdrawalSchema = z.object({
	key: z.literal('withdrawal'),
	status: z.enum(['pending', 'done']),
	requestedAt: TimeSchema,
	doneAt: z.nullable(TimeSchema),
	deleted: z.nullable(z.int().check(z.nonnegative()))
});
export type Withdrawal = z.infer<typeof WithdrawalSchema>;

/** Why the last attempt failed: it decides which events may try again before `notBefore`. */
export const FAILURE_KINDS = ['network', 'server', 'rate-limited'] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

/** The retry schedule, shared by the tabs: after a failure no tab tries before `notBefore`. */
export const RetrySchema = z.object({
	key: z.literal('retry'),
	failures: z.int().check(z.positive()),
	notBefore: TimeSchema,
	kind: z.enum(FAILURE_KINDS)
});
export type Retry = z.infer<typeof RetrySchema>;

/** The invitation on the result page is shown once (README, "Asking"). */
export const InvitationSchema = z.object({ key: z.literal('invitation'), shownAt: TimeSchema });
export type Invitation = z.infer<typeof InvitationSchema>;

/** The host's name as /api/config last gave it, for the consent screen while offline. */
export const HostSchema = z.object({
	key: z.literal('host'),
	hostName: z.nullable(z.string().check(z.maxLength(200))),
	checkedAt: TimeSchema
});
export type Host = z.infer<typeof HostSchema>;
