/**
 * The web file a phone sends to a professional's tablet (`spinnenweb-web-YYYY-MM-DD.json`): one
 * web, and the person's own notes only when they chose to send them.
 *
 * The same encoding will travel in a QR code later, so it is compact and a pure function:
 * answers are one array in the question set's own order (sets never change once shipped, so the
 * set id fixes what each place means), "liever niet" is `"n"`, talk-about flags are places in
 * that array, and fields with nothing in them are left out. Times are epoch milliseconds.
 *
 * Reading one is a boundary: the text may be anything a person picked from their downloads. The
 * parser never throws; it says which of four things went wrong, so the screen can say what to do
 * in the person's language (content/web-file-texts.ts). Nothing it reads is ever evaluated or
 * used as markup: notes stay plain strings.
 *
 * zod/mini, not zod: the parser is meant for the phone's and tablet's own bundle, where every
 * byte counts.
 */
import * as z from 'zod/mini';
import { DIMENSION_IDS } from './dimensions';
import { allAspectKeys, findQuestionSet, type QuestionSet } from './question-set';
import { MAX_NOTE_LENGTH, NOTE_FIELDS, type Reflection } from './reflection';
import { dayOf } from './reminder';
import { PREFER_NOT, type Answer, type DimensionAnswers, type Web } from './web';

export const WEB_FILE_FORMAT = 'spinnenweb-web';
/** The newest version this app writes and reads. A reader refuses newer ones rather than guess. */
export const WEB_FILE_VERSION = 1;
/** A web file is well under 10 KB, even with every note full; anything this large is not one. */
export const MAX_WEB_FILE_BYTES = 1024 * 1024;

/** "Liever niet" on the wire: one letter instead of eleven, 42 times over in a QR code. */
const WIRE_PREFER_NOT = 'n';
/** The largest time a JavaScript Date can hold. */
const MAX_TIME = 8.64e15;

const WireScoreSchema = z.int().check(z.minimum(0), z.maximum(10));
const WireTimeSchema = z.int().check(z.minimum(0), z.maximum(MAX_TIME));

const WireFocusSchema = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('dimension'), dimensionId: z.enum(DIMENSION_IDS) }),
	z.object({
		kind: z.literal('aspect'),
		dimensionId: z.enum(DIMENSION_IDS),
		aspectKey: z.string().check(z.maxLength(200))
	})
]);

const WireReflectionSchema = z.object({
	focus: z.nullable(WireFocusSchema),
	notes: z.partialRecord(z.enum(NOTE_FIELDS), z.string().check(z.maxLength(MAX_NOTE_LENGTH))),
	stepDate: z.nullable(z.iso.date())
});

/** The file as it is written. Only the envelope (`format`, `version`) is read before it. */
export const WebFileSchema = z.object({
	format: z.literal(WEB_FILE_FORMAT),
	version: z.literal(WEB_FILE_VERSION),
	/** The web's id on the phone: a tablet can tell a file it already has. */
	id: z.uuid(),
	questionSet: z.string().check(z.minLength(1), z.maxLength(100)),
	/** The language the web was filled in with. */
	locale: z.string().check(z.minLength(2), z.maxLength(35)),
	createdAt: WireTimeSchema,
	completedAt: z.nullable(WireTimeSchema),
	/** One per aspect, in the set's order: a score, "n" (liever niet) or null (open). */
	answers: z
		.array(z.nullable(z.union([WireScoreSchema, z.literal(WIRE_PREFER_NOT)])))
		.check(z.maxLength(1000)),
	/** Places in `answers` flagged "hier wil ik over praten". Left out when there are none. */
	talkAbout: z.optional(z.array(z.int().check(z.minimum(0))).check(z.maxLength(1000))),
	/** A score per dimension given as a whole (simple mode), in the web's axis order. */
	wholeDimensions: z.optional(z.array(z.nullable(WireScoreSchema)).check(z.length(6))),
	/** Only when the person ticked "send my notes too". */
	reflection: z.optional(WireReflectionSchema)
});
export type WebFile = z.infer<typeof WebFileSchema>;

const EnvelopeSchema = z.object({
	format: z.literal(WEB_FILE_FORMAT),
	version: z.int().check(z.minimum(1))
});

/** What the person chose to send of their reflection: what they focus on, their notes, the step's day. */
export type TransferredReflection = Pick<Reflection, 'focus' | 'notes' | 'stepDate'>;

/** One web as it travels: what the tablet needs, none of the phone's own bookkeeping. */
export type TransferredWeb = Pick<
	Web,
	| 'id'
	| 'questionSetId'
	| 'locale'
	| 'createdAt'
	| 'completedAt'
	| 'answers'
	| 'talkAbout'
	| 'dimensionAnswers'
> & { reflection: TransferredReflection | null };

export type WebTransferProblem = 'not-json' | 'not-a-web-file' | 'newer-version' | 'damaged';

export type WebTransferResult =
	| { ok: true; web: TransferredWeb }
	| {
			ok: false;
			reason: WebTransferProblem;
			/**
			 * For the console and tests, never shown as is: `too-large`, `question-set`, or the paths
			 * of what did not fit (never the values: they are health data).
			 */
			detail?: string;
	  };

/**
 * What goes into the file. The reflection only when the person ticked it in; then only what they
 * wrote or chose, never its bookkeeping (times, the reminder).
 */
export function webForTransfer(web: Web, reflection: Reflection | null = null): TransferredWeb {
	const { id, questionSetId, locale, createdAt, completedAt, answers, talkAbout } = web;
	return {
		id,
		questionSetId,
		locale,
		createdAt,
		completedAt,
		answers,
		talkAbout,
		dimensionAnswers: web.dimensionAnswers,
		reflection: reflection
			? { focus: reflection.focus, notes: reflection.notes, stepDate: reflection.stepDate }
			: null
	};
}

/**
 * A received web as a record for this device, under an id of this device's choosing (a web
 * received twice is then two webs, unless the caller looks at `transferred.id` first). Finished or
 * not as it was on the phone; an unfinished one resumes at the start.
 */
export function webFromTransfer(transferred: TransferredWeb, id: string, now: number): Web {
	const { questionSetId, locale, createdAt, completedAt, answers, talkAbout, dimensionAnswers } =
		transferred;
	return {
		id,
		questionSetId,
		locale,
		createdAt,
		updatedAt: Math.max(now, createdAt),
		completedAt,
		answers: { ...answers },
		talkAbout: [...talkAbout],
		dimensionAnswers: { ...dimensionAnswers },
		position: { dimensionIndex: 0, aspectKey: null }
	};
}

/** `spinnenweb-web-2026-03-03.json`: the day the web was finished, or begun. */
export function webFileName(web: Pick<Web, 'createdAt' | 'completedAt'>): string {
	return `spinnenweb-web-${dayOf(web.completedAt ?? web.createdAt)}.json`;
}

/**
 * The file's text: compact JSON, the same bytes for the same web. Answers and flags on aspects
 * the set does not have cannot be placed and are left out (a stored web never has any).
 */
export function encodeWebTransfer(web: TransferredWeb): string {
	const set = findQuestionSet(web.questionSetId);
	if (!set) throw new Error(`Unknown question set ${web.questionSetId}`);
	const keys = allAspectKeys(set);
	const talkAbout = web.talkAbout.map((key) => keys.indexOf(key)).filter((i) => i >= 0);
	const wholeDimensions = DIMENSION_IDS.map((id) => web.dimensionAnswers[id] ?? null);
	const file: WebFile = {
		format: WEB_FILE_FORMAT,
		version: WEB_FILE_VERSION,
		id: web.id,
		questionSet: set.id,
		locale: web.locale,
		createdAt: web.createdAt,
		completedAt: web.completedAt,
		answers: keys.map((key) => toWire(web.answers[key])),
		...(talkAbout.length > 0 ? { talkAbout } : {}),
		...(wholeDimensions.some((s) => s !== null) ? { wholeDimensions } : {}),
		...(web.reflection ? { reflection: web.reflection } : {})
	};
	return JSON.stringify(file);
}

/** Reads a web file's text. Never throws; see WebTransferResult for what each reason means. */
export function parseWebTransfer(text: string): WebTransferResult {
	if (isTooLarge(text)) return { ok: false, reason: 'not-a-web-file', detail: 'too-large' };
	let json: unknown;
	try {
		// A file saved by a Windows editor may start with a byte order mark.
		json = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch {
		return { ok: false, reason: 'not-json' };
	}

	const envelope = EnvelopeSchema.safeParse(json);
	if (!envelope.success) {
		const isOurs = isRecord(json) && json.format === WEB_FILE_FORMAT;
		return isOurs
			? { ok: false, reason: 'damaged', detail: 'version' }
			: { ok: false, reason: 'not-a-web-file', detail: 'format' };
	}
	if (envelope.data.version > WEB_FILE_VERSION) {
		return { ok: false, reason: 'newer-version', detail: 'version' };
	}

	const parsed = WebFileSchema.safeParse(json);
	if (!parsed.success) {
		const paths = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)');
		return { ok: false, reason: 'damaged', detail: [...new Set(paths)].join('; ') };
	}
	const file = parsed.data;
	// A set this app does not know comes from a newer app: updating is what helps.
	const set = findQuestionSet(file.questionSet);
	if (!set) return { ok: false, reason: 'newer-version', detail: 'question-set' };
	const problem = contentProblem(file, set);
	if (problem) return { ok: false, reason: 'damaged', detail: problem };
	return { ok: true, web: fromWire(file, set) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** UTF-8 bytes over the limit. Never fewer bytes than UTF-16 units, so long text is refused unread. */
function isTooLarge(text: string): boolean {
	if (text.length > MAX_WEB_FILE_BYTES) return true;
	return new TextEncoder().encode(text).length > MAX_WEB_FILE_BYTES;
}

function toWire(answer: Answer | undefined): number | typeof WIRE_PREFER_NOT | null {
	if (answer === undefined) return null;
	return answer === PREFER_NOT ? WIRE_PREFER_NOT : answer;
}

/** What the schema alone cannot know: the file must fit the question set it names. */
function contentProblem(file: WebFile, set: QuestionSet): string | null {
	const keys = allAspectKeys(set);
	if (file.answers.length !== keys.length) return 'answers';
	const flags = file.talkAbout ?? [];
	if (flags.some((i) => i >= keys.length) || new Set(flags).size !== flags.length) {
		return 'talkAbout';
	}
	const focus = file.reflection?.focus;
	if (
		focus?.kind === 'aspect' &&
		(!keys.includes(focus.aspectKey) || !focus.aspectKey.startsWith(`${focus.dimensionId}.`))
	) {
		return 'reflection.focus';
	}
	return null;
}

function fromWire(file: WebFile, set: QuestionSet): TransferredWeb {
	const keys = allAspectKeys(set);
	const answers: Record<string, Answer> = {};
	file.answers.forEach((answer, i) => {
		const key = keys[i];
		if (key === undefined || answer === null) return;
		answers[key] = answer === WIRE_PREFER_NOT ? PREFER_NOT : answer;
	});
	const dimensionAnswers: DimensionAnswers = {};
	file.wholeDimensions?.forEach((score, i) => {
		const id = DIMENSION_IDS[i];
		if (id !== undefined && score !== null) dimensionAnswers[id] = score;
	});
	return {
		id: file.id,
		questionSetId: set.id,
		locale: file.locale,
		createdAt: file.createdAt,
		completedAt: file.completedAt,
		answers,
		talkAbout: (file.talkAbout ?? []).flatMap((i) => keys[i] ?? []),
		dimensionAnswers,
		reflection: file.reflection ?? null
	};
}
