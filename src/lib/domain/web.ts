// zod's mini build, made without eval (see ./zod).
import { z } from './zod';
import { DIMENSION_IDS } from './dimensions';

export const MIN_SCORE = 0;
export const MAX_SCORE = 10;

/** A whole number the person chose on the 0–10 scale. */
export const ScoreSchema = z.int().check(z.minimum(MIN_SCORE), z.maximum(MAX_SCORE));

/**
 * One aspect's answer: a score, or "liever niet" (prefer not to say). An aspect without an entry
 * is still open: nothing is ever pre-filled.
 */
export const PREFER_NOT = 'liever-niet';
export const AnswerSchema = z.union([ScoreSchema, z.literal(PREFER_NOT)]);
export type Answer = z.infer<typeof AnswerSchema>;

/** Where the person was, so a reload or a return resumes exactly there. */
export const PositionSchema = z.object({
	dimensionIndex: z.int().check(z.minimum(0), z.maximum(DIMENSION_IDS.length - 1)),
	aspectKey: z.nullable(z.string())
});
export type Position = z.infer<typeof PositionSchema>;

/** Times are epoch milliseconds: they sort and index cheaply in IndexedDB. */
const TimeSchema = z.int().check(z.nonnegative());

export const WebSchema = z.object({
	id: z.uuid(),
	questionSetId: z.string().check(z.minLength(1)),
	locale: z.string().check(z.minLength(2)),
	createdAt: TimeSchema,
	updatedAt: TimeSchema,
	completedAt: z.nullable(TimeSchema),
	/** Keyed by aspect key (`dimension.aspect`). */
	answers: z.record(z.string(), AnswerSchema),
	/** Aspect keys flagged "hier wil ik over praten". */
	talkAbout: z.array(z.string()),
	/**
	 * Scores the person gave a whole dimension at once (simple mode: "één cijfer voor dit hele
	 * onderdeel"). Optional with an empty default, so webs stored before it existed still parse.
	 */
	dimensionAnswers: z._default(z.partialRecord(z.enum(DIMENSION_IDS), ScoreSchema), {}),
	position: PositionSchema,
	/**
	 * The person a professional holds a conversation with, when this web belongs to one
	 * (clients table); absent for the person's own webs. Their history, "verder waar je was" and
	 * the reminder never show a client's web, and a later sync tells `self` from `conversation`
	 * by it. Written in zod's functional form, which its classic and mini builds share.
	 */
	clientId: z.optional(z.nullable(z.uuid()))
});
export type Web = z.infer<typeof WebSchema>;
export type DimensionAnswers = Web['dimensionAnswers'];

/** A web with nothing answered yet, at the start; `clientId` when it is a conversation's web. */
export function emptyWeb(
	id: string,
	questionSetId: string,
	locale: string,
	now: number,
	clientId?: string
): Web {
	return {
		id,
		questionSetId,
		locale,
		createdAt: now,
		updatedAt: now,
		completedAt: null,
		answers: {},
		talkAbout: [],
		dimensionAnswers: {},
		position: { dimensionIndex: 0, aspectKey: null },
		...(clientId === undefined ? {} : { clientId })
	};
}

/** A person's own web, not one from a conversation a professional holds with them. */
export function isOwnWeb(web: object): boolean {
	// Read off any record, parsed or raw: the repositories check it before parsing.
	const clientId: unknown = Reflect.get(web, 'clientId');
	return clientId === undefined || clientId === null;
}
