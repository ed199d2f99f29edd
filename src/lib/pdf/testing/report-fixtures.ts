import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ADULT_V1, allAspectKeys } from '$lib/domain/question-set';
import type { Reflection } from '$lib/domain/reflection';
import type { Web } from '$lib/domain/web';
import { fontFileName, type FontLoader } from '../fonts';

/** Local noon, so the day is the same in every time zone a test runs in. */
export const WEB_DAY = new Date(2026, 2, 3, 12, 0).getTime();

/** A finished web with varied scores, one "liever niet", and two aspects to talk about. */
export const WEB: Web = {
	id: '3b241101-e2bb-4255-8caf-4136c566a962',
	questionSetId: ADULT_V1.id,
	locale: 'nl',
	createdAt: WEB_DAY - 600_000,
	updatedAt: WEB_DAY,
	completedAt: WEB_DAY,
	answers: Object.fromEntries(
		allAspectKeys(ADULT_V1).map((key, i) => [
			key,
			key === 'zingeving.accepteren' ? 'liever-niet' : (i * 3) % 11
		])
	),
	talkAbout: ['meedoen.steun', 'lichaamsfuncties.slapen'],
	dimensionAnswers: {},
	position: { dimensionIndex: 5, aspectKey: null }
};

export const EARLIER: Web = {
	...WEB,
	id: '6f1d2e3c-4b5a-4978-a6b5-c4d3e2f1a0b9',
	createdAt: new Date(2025, 10, 12, 11).getTime(),
	completedAt: new Date(2025, 10, 12, 12).getTime(),
	answers: Object.fromEntries(allAspectKeys(ADULT_V1).map((key, i) => [key, (i * 7 + 2) % 11])),
	talkAbout: []
};

export const REFLECTION: Reflection = {
	webId: WEB.id,
	createdAt: WEB_DAY,
	updatedAt: WEB_DAY,
	focus: { kind: 'aspect', dimensionId: 'meedoen', aspectKey: 'meedoen.steun' },
	notes: {
		standsOut: 'Mijn web is aan de kant van meedoen kleiner dan ik dacht.',
		energy:
			'Koffie drinken met Eline en fietsen naar de bieb: daar word ik blij van. Ook de moestuin.',
		mattersNow: 'Rust in mijn hoofd.',
		wish: 'Vaker iets samen doen, niet alleen thuis zitten.',
		step: 'Volgende week één keer meegaan naar het koffie-uurtje in het buurthuis.',
		help: 'Mijn buurvrouw Iĳsbrand en de wijkverpleegkundige.'
	},
	stepDate: '2026-04-15',
	reminderDismissedAt: null
};

const FONT_DIR = fileURLToPath(new URL('../fonts/', import.meta.url));

/** Reads the committed subset fonts from disk, as the app would fetch them. */
export const loadFontsFromDisk: FontLoader = async (script) => {
	const [normal, bold] = await Promise.all([
		readFile(FONT_DIR + fontFileName(script, 'normal')),
		readFile(FONT_DIR + fontFileName(script, 'bold'))
	]);
	return { normal: new Uint8Array(normal), bold: new Uint8Array(bold) };
};
