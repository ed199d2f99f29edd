import * as z from 'zod/mini';
import { DIMENSION_IDS } from '$lib/domain/dimensions';
import { PREFER_NOT, type Web } from '$lib/domain/web';
import type { TransferredWeb } from '$lib/domain/web-transfer';

/**
 * One web as it travels from a phone to a tablet: the answers and flags, the whole-dimension
 * scores and two calendar days. No id, no times of day, no language, no notes: the tablet makes
 * its own record from it, in the conversation it belongs to.
 */
const ScoreSchema = z.number().check(z.int(), z.minimum(0), z.maximum(10));
const DaySchema = z.iso.date();

export const TransferWebSchema = z.object({
	questionSetId: z.string().check(z.minLength(1)),
	answers: z.record(z.string(), z.union([ScoreSchema, z.literal(PREFER_NOT)])),
	talkAbout: z.array(z.string()),
	dimensionAnswers: z.partialRecord(z.enum(DIMENSION_IDS), ScoreSchema),
	createdDay: DaySchema,
	completedDay: z.nullable(DaySchema)
});
export type TransferWeb = z.infer<typeof TransferWebSchema>;

/** The calendar day on this device's clock, as `YYYY-MM-DD`. */
export function localDay(epochMs: number): string {
	const date = new Date(epochMs);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function toTransferWeb(web: Web): TransferWeb {
	return {
		questionSetId: web.questionSetId,
		answers: { ...web.answers },
		talkAbout: [...web.talkAbout],
		dimensionAnswers: { ...web.dimensionAnswers },
		createdDay: localDay(web.createdAt),
		completedDay: web.completedAt === null ? null : localDay(web.completedAt)
	};
}

/** Noon of a `YYYY-MM-DD` day on this device's clock: the day reads back the same in any zone near. */
function noonOf(day: string): number {
	const [year, month, date] = day.split('-').map(Number);
	return new Date(year!, month! - 1, date, 12).getTime();
}

/**
 * A web read from a phone's QR code, in the shape a conversation takes over (as from a web file).
 * The code carries days, not times, and no language: the web is dated at noon of its days and
 * gets the tablet's language. It carries no notes, so there is no reflection.
 */
export function transferredFromQr(web: TransferWeb, locale: string): TransferredWeb {
	const createdAt = noonOf(web.createdDay);
	return {
		id: '',
		questionSetId: web.questionSetId,
		locale,
		createdAt,
		completedAt: web.completedDay === null ? null : Math.max(createdAt, noonOf(web.completedDay)),
		answers: { ...web.answers },
		talkAbout: [...web.talkAbout],
		dimensionAnswers: { ...web.dimensionAnswers },
		reflection: null
	};
}
