// The sync protocol: the only shapes that cross the wire between the app and its server. Both
// sides parse with these schemas, so a change here is a change to the protocol. The browser loads
// this file, hence zod/mini (a fraction of classic zod's bytes) and nothing but the domain's
// constants beside it. Objects are strict: a field the protocol does not name is refused, so
// nothing more than a summary can ever leave the device.
import * as z from 'zod/mini';
import { DIMENSION_IDS } from '../domain/dimensions';

// No eval: the Content-Security-Policy forbids it, and Zod's probe for it would be reported as a
// violation (see src/lib/domain/zod.ts). Before the first schema below is built.
z.config({ jitless: true });

/** The most summaries one request may carry; the client splits its outbox into batches of this. */
export const MAX_BATCH_SIZE = 100;

/** The largest request body the server reads, in bytes. A full batch is well below it. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Where a web was filled in: alone, or in a conversation with a professional. */
export const SUMMARY_CONTEXTS = ['self', 'conversation'] as const;

/** Fixed age bands: coarse on purpose, so a band never points at one person. */
export const AGE_BANDS = ['0-17', '18-29', '30-44', '45-64', '65-79', '80+'] as const;

/** A 4-digit Dutch postcode area (the digits of a postcode, no letters). */
export const AREA_PATTERN = /^[1-9][0-9]{3}$/;

// The first question set dates from 2016: an earlier day is a clock or a bug, not a web.
const EARLIEST_DAY = '2016-01-01';

/** A dimension score as the app shows it: 0–10 in steps of one decimal, or null when empty. */
export const SummaryScoreSchema = z.nullable(
	z.number().check(z.gte(0), z.lte(10), z.multipleOf(0.1, 'a score has at most one decimal'))
);

export const SummaryScoresSchema = z.strictObject({
	lichaamsfuncties: SummaryScoreSchema,
	mentaal: SummaryScoreSchema,
	zingeving: SummaryScoreSchema,
	kwaliteit: SummaryScoreSchema,
	meedoen: SummaryScoreSchema,
	dagelijks: SummaryScoreSchema
});

/**
 * What one completed web becomes on the server: never names, notes, free text or aspect answers.
 * `area` and `ageBand` are present only when the person filled them in on the consent screen.
 * The team comes from the device's token on the server, never from this body, and only for a
 * `conversation`.
 */
export const SummarySchema = z.strictObject({
	uuid: z.uuid(),
	questionSetId: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/)),
	day: z.iso.date().check(z.refine((day) => day >= EARLIEST_DAY, `a day from ${EARLIEST_DAY} on`)),
	scores: SummaryScoresSchema,
	focus: z.nullable(z.enum(DIMENSION_IDS)),
	context: z.enum(SUMMARY_CONTEXTS),
	area: z.optional(z.string().check(z.regex(AREA_PATTERN, 'a 4-digit postcode area'))),
	ageBand: z.optional(z.enum(AGE_BANDS))
});
export type Summary = z.infer<typeof SummarySchema>;

/** POST /api/summaries. A UUID appears at most once per batch (a repeat is refused, not merged). */
export const SummaryBatchSchema = z.strictObject({
	summaries: z.array(SummarySchema).check(
		z.minLength(1),
		z.maxLength(MAX_BATCH_SIZE),
		z.superRefine((summaries, ctx) => {
			const seen = new Set<string>();
			summaries.forEach((summary, index) => {
				if (seen.has(summary.uuid)) {
					ctx.issues.push({
						code: 'custom',
						message: 'this uuid is already in the batch',
						input: summary.uuid,
						path: [index, 'uuid'],
						params: { reason: 'duplicate_uuid' }
					});
				}
				seen.add(summary.uuid);
			});
		})
	)
});
export type SummaryBatch = z.infer<typeof SummaryBatchSchema>;

/**
 * A team's enrolment code as a professional types it (XXXX-XXXX-XXXX; case, spaces and dashes do
 * not matter). Only ever in a body, never in a URL.
 */
export const EnrolmentCodeSchema = z.string().check(z.minLength(1), z.maxLength(40));

/**
 * POST /api/devices. `{}` registers an anonymous device (a personal phone); with a team's
 * `enrolmentCode` the device is a tablet of that team, and its conversation summaries count for it.
 */
export const RegisterDeviceSchema = z.strictObject({
	enrolmentCode: z.optional(EnrolmentCodeSchema)
});
export type RegisterDevice = z.infer<typeof RegisterDeviceSchema>;

/** PUT /api/devices/self/team: a device that has a token joins a team with its code. */
export const JoinTeamSchema = z.strictObject({ enrolmentCode: EnrolmentCodeSchema });
export type JoinTeam = z.infer<typeof JoinTeamSchema>;

/** The team a device belongs to, by name (for the settings screen), or null. */
export const DeviceTeamSchema = z.nullable(z.strictObject({ name: z.string() }));

/** DELETE /api/summaries takes no body, or an empty object. */
export const DeleteSummariesSchema = z.strictObject({});

// ---- responses ----

/**
 * 201 from POST /api/devices. The token is shown once: the server keeps only its hash. `team` is
 * there when the device enrolled with a code.
 */
export const RegisterDeviceResponseSchema = z.strictObject({
	token: z.string(),
	team: z.optional(DeviceTeamSchema)
});
export type RegisterDeviceResponse = z.infer<typeof RegisterDeviceResponseSchema>;

/**
 * 200 from POST /api/summaries: every UUID of the batch is now on the server, whether it arrived
 * now (`stored`) or with an earlier try (`alreadyStored`). The client removes exactly `confirmed`.
 */
export const ReceiveSummariesResponseSchema = z.strictObject({
	confirmed: z.array(z.uuid()),
	stored: z.number(),
	alreadyStored: z.number()
});
export type ReceiveSummariesResponse = z.infer<typeof ReceiveSummariesResponseSchema>;

/**
 * 200 from GET /api/devices/self, PUT /api/devices/self/team (joined) and
 * DELETE /api/devices/self/team (left: `team` is null).
 */
export const DeviceResponseSchema = z.strictObject({ team: DeviceTeamSchema });
export type DeviceResponse = z.infer<typeof DeviceResponseSchema>;

/** 200 from DELETE /api/summaries. */
export const DeleteSummariesResponseSchema = z.strictObject({ deleted: z.number() });
export type DeleteSummariesResponse = z.infer<typeof DeleteSummariesResponseSchema>;

/** 200 from GET /api/health; a 503 carries an error instead. */
export const HealthResponseSchema = z.strictObject({ status: z.literal('ok') });

/** 200 from GET /api/config: what the consent screen shows about who receives the summaries. */
export const ConfigResponseSchema = z.strictObject({
	hostName: z.nullable(z.string()),
	maxBatchSize: z.number()
});
export type ConfigResponse = z.infer<typeof ConfigResponseSchema>;

/**
 * Every error the API answers. The client decides by `code` (its own words, in the person's
 * language); `message` is plain English for whoever reads the network log.
 *  - 4xx codes mean the request will never succeed as it is: set the items aside.
 *  - `rate_limited` (429) and `database_unavailable` (503) mean: try again later.
 */
export const ERROR_CODES = [
	'invalid_json',
	'invalid_body',
	'duplicate_uuid',
	'batch_too_large',
	'body_too_large',
	'unsupported_media_type',
	'unauthorized',
	'invalid_enrolment_code',
	'not_found',
	'method_not_allowed',
	'rate_limited',
	'database_unavailable',
	'internal'
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorIssueSchema = z.strictObject({
	// Where in the body, e.g. ['summaries', 3, 'day']: index 1 names the item of the batch.
	path: z.array(z.union([z.string(), z.number()])),
	message: z.string()
});
export type ErrorIssue = z.infer<typeof ErrorIssueSchema>;

export const ErrorResponseSchema = z.strictObject({
	error: z.strictObject({
		code: z.enum(ERROR_CODES),
		message: z.string(),
		issues: z.optional(z.array(ErrorIssueSchema))
	})
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
