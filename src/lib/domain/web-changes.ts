import type { DimensionId } from './dimensions';
import { allAspectKeys, findQuestionSet } from './question-set';
import type { Answer, Position, Web } from './web';

/**
 * The changes a person makes to a web, as pure functions. Each returns the same object when
 * nothing changes, so the caller can skip the write. They leave `updatedAt` to the caller, who
 * knows the time of the write.
 */

/** A bug must not store an answer for an aspect the web's question set does not have. */
function assertAspectOf(web: Web, aspectKey: string): void {
	const set = findQuestionSet(web.questionSetId);
	// A set this app version does not know (from a newer version) cannot be checked here.
	if (set && !allAspectKeys(set).includes(aspectKey)) {
		throw new RangeError(`Aspect ${aspectKey} is not in question set ${web.questionSetId}`);
	}
}

/** A score, "liever niet", or null to make the aspect open again. */
export function withAnswer(web: Web, aspectKey: string, answer: Answer | null): Web {
	assertAspectOf(web, aspectKey);
	const isStored = Object.hasOwn(web.answers, aspectKey);
	if (answer === null ? !isStored : web.answers[aspectKey] === answer) return web;
	const answers = { ...web.answers };
	if (answer === null) delete answers[aspectKey];
	else answers[aspectKey] = answer;
	return { ...web, answers };
}

/**
 * One score for a whole dimension (simple mode), or null to take it back. The aspects' own
 * answers stay as they are: taking the direct score back shows their mean again.
 */
export function withDimensionAnswer(web: Web, dimensionId: DimensionId, score: number | null): Web {
	if (web.dimensionAnswers[dimensionId] === (score ?? undefined)) return web;
	const dimensionAnswers = { ...web.dimensionAnswers };
	if (score === null) delete dimensionAnswers[dimensionId];
	else dimensionAnswers[dimensionId] = score;
	return { ...web, dimensionAnswers };
}

/** Flag or unflag "hier wil ik over praten"; the same state twice changes nothing. */
export function withTalkAbout(web: Web, aspectKey: string, isFlagged: boolean): Web {
	assertAspectOf(web, aspectKey);
	if (web.talkAbout.includes(aspectKey) === isFlagged) return web;
	const talkAbout = isFlagged
		? [...web.talkAbout, aspectKey]
		: web.talkAbout.filter((key) => key !== aspectKey);
	return { ...web, talkAbout };
}

export function withPosition(web: Web, position: Position): Web {
	const isSame =
		web.position.dimensionIndex === position.dimensionIndex &&
		web.position.aspectKey === position.aspectKey;
	return isSame ? web : { ...web, position: { ...position } };
}

/** Marks the web finished; finishing it again keeps the first time. */
export function completed(web: Web, now: number): Web {
	return web.completedAt === null ? { ...web, completedAt: now } : web;
}
