import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIMENSION_IDS } from '$lib/domain/dimensions';
import { ADULT_V1, allAspectKeys, aspectKey } from '$lib/domain/question-set';
import { NOTE_FIELDS, type Focus, type Reflection } from '$lib/domain/reflection';
import { PREFER_NOT, WebSchema, type Web } from '$lib/domain/web';
import { AGE_BANDS, SummarySchema } from './protocol';
import { buildSummary, FOCUS_WAIT_MS, localDay, newOutboxItem, summaryContext } from './summary';

const UUID = '5f0c6c2e-2b7a-4d8e-9c1f-0a2b3c4d5e6f';
const COMPLETED = new Date(2026, 2, 14, 23, 30).getTime();

function web(overrides: Partial<Web> = {}): Web {
	return {
		id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
		questionSetId: ADULT_V1.id,
		locale: 'nl',
		createdAt: COMPLETED - 600_000,
		updatedAt: COMPLETED,
		completedAt: COMPLETED,
		answers: {
			'mentaal.vrolijk': 7,
			'mentaal.controle': 4,
			'mentaal.onthouden': PREFER_NOT,
			'meedoen.steun': 9
		},
		talkAbout: ['mentaal.vrolijk'],
		dimensionAnswers: { dagelijks: 8 },
		position: { dimensionIndex: 5, aspectKey: null },
		...overrides
	};
}

describe('summaryContext', () => {
	it('is conversation for a web that belongs to a client of the professional side', () => {
		expect(summaryContext({ clientId: '0d1e2f3a-4b5c-4d6e-8f7a-8b9c0d1e2f3a' })).toBe(
			'conversation'
		);
	});

	it.each([{}, { clientId: null }, { clientId: undefined }, { clientId: '' }])(
		'is self for the person own web (%o)',
		(record) => {
			expect(summaryContext(record)).toBe('self');
		}
	);
});

describe('localDay', () => {
	it('is the calendar day on this device, not in UTC', () => {
		expect(localDay(new Date(2026, 2, 14, 23, 59).getTime())).toBe('2026-03-14');
		expect(localDay(new Date(2026, 0, 1, 0, 0).getTime())).toBe('2026-01-01');
	});
});

describe('newOutboxItem', () => {
	it('names the web with a summary uuid of its own and waits an hour for the focus', () => {
		const item = newOutboxItem(web().id, COMPLETED);
		expect(item.uuid).toMatch(
			/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
		);
		expect(item).toEqual({
			uuid: item.uuid,
			webId: web().id,
			completedAt: COMPLETED,
			readyAt: COMPLETED + FOCUS_WAIT_MS,
			setAside: null
		});
		expect(item.uuid).not.toBe(web().id);
		expect(FOCUS_WAIT_MS).toBe(3_600_000);
	});
});

describe('buildSummary', () => {
	it('holds the six scores as the app shows them, the day, the focus and the context', () => {
		const focus: Focus = { kind: 'aspect', dimensionId: 'meedoen', aspectKey: 'meedoen.steun' };
		expect(buildSummary(UUID, web(), { focus }, { area: '3581', ageBand: '65-79' })).toEqual({
			uuid: UUID,
			questionSetId: 'volwassenen-v1',
			day: '2026-03-14',
			scores: {
				lichaamsfuncties: null,
				mentaal: 5.5,
				zingeving: null,
				kwaliteit: null,
				meedoen: 9,
				// Scored as a whole: the person's own number counts.
				dagelijks: 8
			},
			focus: 'meedoen',
			context: 'self',
			area: '3581',
			ageBand: '65-79'
		});
	});

	it('leaves out the area and age band when the person did not fill them in', () => {
		const summary = buildSummary(UUID, web(), undefined, {});
		expect(summary).not.toHaveProperty('area');
		expect(summary).not.toHaveProperty('ageBand');
		expect(summary?.focus).toBeNull();
	});

	it('makes none for an unfinished web or a question set this version does not know', () => {
		expect(buildSummary(UUID, web({ completedAt: null }), undefined, {})).toBeNull();
		expect(buildSummary(UUID, web({ questionSetId: 'jongeren-v9' }), undefined, {})).toBeNull();
	});

	it('throws rather than send a day the protocol refuses (a clock set to 1999)', () => {
		expect(() =>
			buildSummary(UUID, web({ completedAt: new Date(1999, 0, 1).getTime() }), undefined, {})
		).toThrow();
	});
});

// ---- no other field can leave the device ----

/** Free text with a marker that no number, date or id can contain. */
const freeText = fc.string({ minLength: 1, maxLength: 40 }).map((s) => `§${s}§`);
const aspectKeys = allAspectKeys(ADULT_V1);

const arbitraryWeb = fc.record({
	answers: fc.dictionary(
		fc.constantFrom(...aspectKeys),
		fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(PREFER_NOT))
	),
	dimensionAnswers: fc.dictionary(
		fc.constantFrom(...DIMENSION_IDS),
		fc.integer({ min: 0, max: 10 })
	),
	talkAbout: fc.uniqueArray(fc.constantFrom(...aspectKeys)),
	locale: fc.constantFrom('nl', 'ar', 'uk', 'nl-x-simple'),
	completedAt: fc.integer({ min: Date.UTC(2016, 1, 1), max: Date.UTC(2040, 0, 1) }),
	clientId: fc.option(fc.uuid(), { nil: undefined }),
	// Whatever a later version or a damaged record might add beside the known fields.
	extra: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), freeText, { maxKeys: 3 })
});

const arbitraryFocus: fc.Arbitrary<Focus | null> = fc.oneof(
	fc.constant(null),
	fc
		.constantFrom(...DIMENSION_IDS)
		.map((dimensionId) => ({ kind: 'dimension' as const, dimensionId })),
	fc.constantFrom(...ADULT_V1.dimensions).chain((d) =>
		fc.constantFrom(...d.aspectIds).map((aspectId) => ({
			kind: 'aspect' as const,
			dimensionId: d.id,
			aspectKey: aspectKey(d.id, aspectId)
		}))
	)
);

const arbitraryReflection = fc.record({
	focus: arbitraryFocus,
	notes: fc.dictionary(fc.constantFrom(...NOTE_FIELDS), freeText),
	stepDate: fc.option(fc.constant('2026-04-01'), { nil: null })
});

const arbitraryConsent = fc.record(
	{
		area: fc.integer({ min: 1000, max: 9999 }).map(String),
		ageBand: fc.constantFrom(...AGE_BANDS)
	},
	{ requiredKeys: [] }
);

describe('what leaves the device', () => {
	// Generous time: a busy machine runs these a few times slower.
	it(
		'is exactly the protocol summary: no note, flag, answer, language or any other field',
		{ timeout: 60_000 },
		() => {
			fc.assert(
				fc.property(
					arbitraryWeb,
					fc.option(arbitraryReflection, { nil: undefined }),
					arbitraryConsent,
					fc.uuid({ version: 4 }),
					(shape, thoughts, consent, uuid) => {
						const { extra, clientId, ...fields } = shape;
						const stored = {
							...extra,
							...web(fields),
							...(clientId === undefined ? {} : { clientId })
						};
						const parsed = { ...WebSchema.parse(stored), clientId };
						const reflection: Reflection | undefined = thoughts && {
							webId: parsed.id,
							createdAt: 1,
							updatedAt: 2,
							reminderDismissedAt: null,
							...thoughts
						};
						const summary = buildSummary(uuid, parsed, reflection, consent);
						if (summary === null) throw new Error('a completed web has a summary');

						// The strict schema takes it as it is: no field beyond the protocol's.
						expect(SummarySchema.parse(summary)).toEqual(summary);
						expect(Object.keys(summary).sort()).toEqual(
							[
								'uuid',
								'questionSetId',
								'day',
								'scores',
								'focus',
								'context',
								...Object.keys(consent)
							].sort()
						);
						const wire = JSON.stringify(summary);
						// None of the free text, the language, the flags or the web's own id.
						expect(wire).not.toContain('§');
						expect(wire).not.toContain(parsed.id);
						expect(wire).not.toContain(`"${parsed.locale}"`);
						for (const key of [...parsed.talkAbout, ...Object.keys(parsed.answers)]) {
							expect(wire).not.toContain(key);
						}
						expect(summary.context).toBe(clientId ? 'conversation' : 'self');
						if (clientId) expect(wire).not.toContain(clientId);
						expect(summary.focus).toBe(reflection?.focus?.dimensionId ?? null);
					}
				),
				{ numRuns: 300 }
			);
		}
	);
});
