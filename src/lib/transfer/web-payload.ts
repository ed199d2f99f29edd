import { DIMENSION_IDS } from '$lib/domain/dimensions';
import { allAspectKeys, findQuestionSet, type QuestionSet } from '$lib/domain/question-set';
import { PREFER_NOT, type Answer } from '$lib/domain/web';
import { TransferWebSchema, type TransferWeb } from './transfer-web';

/**
 * The web inside a QR code, in as few bytes as it takes (35 for the adult set):
 *
 *   byte 0     question set (QUESTION_SET_CODES)
 *   answers    one nibble per aspect in the set's order, high nibble first:
 *              0–10 the score, 11 open, 12 "liever niet"; an odd count ends in 0xF
 *   flags      one bit per aspect ("hier wil ik over praten"), first aspect in the top bit
 *   dimensions one nibble per dimension (web order): 0–10 the whole-dimension score, 15 none
 *   days       created and completed day, each uint16 big-endian, days since 2000-01-01;
 *              0xFFFF: not finished
 *
 * A change to this layout is a new payload version (qr-payload.ts), never an edit of this one.
 */

/** Codes for question sets; 0 is never used. A new set gets the next number, forever. */
export const QUESTION_SET_CODES: Readonly<Record<string, number>> = { 'volwassenen-v1': 1 };

const OPEN = 11;
const PREFER_NOT_NIBBLE = 12;
const NO_DIMENSION_SCORE = 15;
const PAD = 0xf;
const NOT_FINISHED = 0xffff;
const DAY_MS = 86_400_000;
const EPOCH_DAY = Date.UTC(2000, 0, 1) / DAY_MS;

export class PayloadError extends Error {
	override readonly name = 'PayloadError';

	constructor(
		readonly reason: 'unsupported' | 'damaged',
		message: string
	) {
		super(message);
	}
}

function setOf(code: number): QuestionSet | undefined {
	const id = Object.entries(QUESTION_SET_CODES).find(([, c]) => c === code)?.[0];
	return id === undefined ? undefined : findQuestionSet(id);
}

function dayNumber(day: string): number {
	const [y, m, d] = day.split('-').map(Number);
	return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) / DAY_MS - EPOCH_DAY;
}

function dayText(days: number): string {
	return new Date((days + EPOCH_DAY) * DAY_MS).toISOString().slice(0, 10);
}

function nibbleBytes(nibbles: readonly number[]): number[] {
	const bytes: number[] = [];
	for (let i = 0; i < nibbles.length; i += 2)
		bytes.push((nibbles[i]! << 4) | (nibbles[i + 1] ?? PAD));
	return bytes;
}

function answerNibble(answer: Answer | undefined): number {
	if (answer === undefined) return OPEN;
	return answer === PREFER_NOT ? PREFER_NOT_NIBBLE : answer;
}

/** The payload's length for a set: what a decoder checks before reading anything. */
export function payloadLength(set: QuestionSet): number {
	const aspects = allAspectKeys(set).length;
	return (
		1 + Math.ceil(aspects / 2) + Math.ceil(aspects / 8) + Math.ceil(DIMENSION_IDS.length / 2) + 4
	);
}

export function encodeWebPayload(web: TransferWeb): Uint8Array<ArrayBuffer> {
	const code = QUESTION_SET_CODES[web.questionSetId];
	const set = findQuestionSet(web.questionSetId);
	if (code === undefined || !set) {
		throw new PayloadError('unsupported', `No payload code for question set ${web.questionSetId}`);
	}
	const keys = allAspectKeys(set);
	const flags = new Set(web.talkAbout);
	const flagBytes = new Array<number>(Math.ceil(keys.length / 8)).fill(0);
	keys.forEach((key, i) => {
		if (flags.has(key)) flagBytes[i >> 3]! |= 0x80 >> (i & 7);
	});
	const created = dayNumber(web.createdDay);
	const completed = web.completedDay === null ? NOT_FINISHED : dayNumber(web.completedDay);
	if (created < 0 || created >= NOT_FINISHED || completed < 0 || completed > NOT_FINISHED) {
		throw new PayloadError('unsupported', 'A day outside 2000–2179');
	}
	return new Uint8Array([
		code,
		...nibbleBytes(keys.map((key) => answerNibble(web.answers[key]))),
		...flagBytes,
		...nibbleBytes(DIMENSION_IDS.map((id) => web.dimensionAnswers[id] ?? NO_DIMENSION_SCORE)),
		created >> 8,
		created & 0xff,
		completed >> 8,
		completed & 0xff
	]);
}

/**
 * Reads a payload back, checking every byte: a wrong length, a value out of range or a spare bit
 * set is `damaged`; a question set this app does not know is `unsupported` (a newer app made it).
 */
export function decodeWebPayload(bytes: Uint8Array): TransferWeb {
	const code = bytes[0];
	if (code === undefined) throw new PayloadError('damaged', 'Empty payload');
	const set = setOf(code);
	if (!set) throw new PayloadError('unsupported', `Unknown question set code ${code}`);
	if (bytes.length !== payloadLength(set)) throw new PayloadError('damaged', 'Wrong length');

	const keys = allAspectKeys(set);
	let at = 1;
	const nibbleAt = (i: number) =>
		i % 2 === 0 ? bytes[at + (i >> 1)]! >> 4 : bytes[at + (i >> 1)]! & 0xf;
	const answers: TransferWeb['answers'] = {};
	keys.forEach((key, i) => {
		const n = nibbleAt(i);
		if (n <= 10) answers[key] = n;
		else if (n === PREFER_NOT_NIBBLE) answers[key] = PREFER_NOT;
		else if (n !== OPEN) throw new PayloadError('damaged', 'Answer out of range');
	});
	if (keys.length % 2 === 1 && nibbleAt(keys.length) !== PAD) {
		throw new PayloadError('damaged', 'Padding');
	}
	at += Math.ceil(keys.length / 2);

	const talkAbout: string[] = [];
	keys.forEach((key, i) => {
		if (bytes[at + (i >> 3)]! & (0x80 >> (i & 7))) talkAbout.push(key);
	});
	const spareBits = (8 - (keys.length % 8)) % 8;
	if (spareBits > 0 && (bytes[at + (keys.length >> 3)]! & ((1 << spareBits) - 1)) !== 0) {
		throw new PayloadError('damaged', 'Spare flag bits');
	}
	at += Math.ceil(keys.length / 8);

	const dimensionAnswers: TransferWeb['dimensionAnswers'] = {};
	DIMENSION_IDS.forEach((id, i) => {
		const n = nibbleAt(i);
		if (n <= 10) dimensionAnswers[id] = n;
		else if (n !== NO_DIMENSION_SCORE) throw new PayloadError('damaged', 'Dimension score');
	});
	if (DIMENSION_IDS.length % 2 === 1 && nibbleAt(DIMENSION_IDS.length) !== PAD) {
		throw new PayloadError('damaged', 'Padding');
	}
	at += Math.ceil(DIMENSION_IDS.length / 2);

	const created = (bytes[at]! << 8) | bytes[at + 1]!;
	const completed = (bytes[at + 2]! << 8) | bytes[at + 3]!;
	// No order between the two days: a web finished after a flight west can end a day "earlier".
	if (created === NOT_FINISHED) throw new PayloadError('damaged', 'Days');
	const result = TransferWebSchema.safeParse({
		questionSetId: set.id,
		answers,
		talkAbout,
		dimensionAnswers,
		createdDay: dayText(created),
		completedDay: completed === NOT_FINISHED ? null : dayText(completed)
	});
	if (!result.success) throw new PayloadError('damaged', 'Not a web');
	return result.data;
}
