import { describe, expect, it, vi } from 'vitest';
import {
	findVoice,
	ReadAloud,
	type SynthLike,
	type UtteranceLike,
	type VoiceLike
} from './read-aloud';

const DUTCH: VoiceLike = { lang: 'nl-NL', name: 'Xander', localService: true };
const FLEMISH: VoiceLike = { lang: 'nl_BE', name: 'Ellen' };
const ENGLISH: VoiceLike = { lang: 'en-GB', name: 'Daniel', default: true };
const ARABIC: VoiceLike = { lang: 'ar-SA', name: 'Maged' };

class FakeUtterance implements UtteranceLike {
	lang = '';
	voice: VoiceLike | null = null;
	onend: ((event: Event) => void) | null = null;
	onerror: ((event: Event) => void) | null = null;
	constructor(readonly text: string) {}
}

/** A speech engine that records what it was asked and finishes when told. */
class FakeSynth implements SynthLike {
	voices: VoiceLike[];
	spoken: FakeUtterance[] = [];
	cancelCount = 0;
	readonly #listeners = new Set<() => void>();

	constructor(voices: VoiceLike[]) {
		this.voices = voices;
	}

	speak(utterance: UtteranceLike): void {
		this.spoken.push(utterance as FakeUtterance);
	}

	cancel(): void {
		this.cancelCount++;
	}

	getVoices(): readonly VoiceLike[] {
		return this.voices;
	}

	addEventListener(_type: 'voiceschanged', listener: () => void): void {
		this.#listeners.add(listener);
	}

	removeEventListener(_type: 'voiceschanged', listener: () => void): void {
		this.#listeners.delete(listener);
	}

	loadVoices(voices: VoiceLike[]): void {
		this.voices = voices;
		for (const listener of this.#listeners) listener();
	}

	finish(): void {
		this.spoken.at(-1)?.onend?.(new Event('end'));
	}
}

function reader(voices: VoiceLike[]) {
	const synth = new FakeSynth(voices);
	return { synth, readAloud: new ReadAloud(synth, (text) => new FakeUtterance(text)) };
}

describe('findVoice', () => {
	it.each([
		{ locale: 'nl', voices: [ENGLISH, FLEMISH, DUTCH], expected: DUTCH },
		{ locale: 'nl-x-simple', voices: [ENGLISH, DUTCH], expected: DUTCH },
		{ locale: 'nl', voices: [ENGLISH, FLEMISH], expected: FLEMISH },
		{ locale: 'en', voices: [DUTCH, ENGLISH], expected: ENGLISH },
		{ locale: 'ar', voices: [DUTCH, ARABIC], expected: ARABIC },
		{ locale: 'ar', voices: [DUTCH, ENGLISH], expected: undefined },
		{ locale: 'uk', voices: [], expected: undefined }
	])('for $locale picks $expected.name', ({ locale, voices, expected }) => {
		expect(findVoice(voices, locale)).toBe(expected);
	});

	it("prefers the device's default voice, then a local one", () => {
		const defaultDutch = { lang: 'nl-NL', name: 'Claire', default: true };
		expect(findVoice([FLEMISH, DUTCH, defaultDutch], 'nl')).toBe(defaultDutch);
		expect(findVoice([FLEMISH, DUTCH], 'nl')).toBe(DUTCH);
	});
});

describe('ReadAloud', () => {
	it('reads the text with a voice of the language', () => {
		const { synth, readAloud } = reader([ENGLISH, DUTCH]);
		expect(readAloud.speak('Hoe voel je je?', 'nl-x-simple')).toBe(true);
		expect(synth.spoken).toHaveLength(1);
		expect(synth.spoken[0]).toMatchObject({ text: 'Hoe voel je je?', voice: DUTCH, lang: 'nl-NL' });
	});

	it('reads nothing and says so without a voice for the language', () => {
		const { synth, readAloud } = reader([DUTCH]);
		expect(readAloud.canSpeak('ar')).toBe(false);
		expect(readAloud.speak('كيف حالك؟', 'ar')).toBe(false);
		expect(synth.spoken).toEqual([]);
	});

	it('cannot speak where the browser has no speech at all', () => {
		const readAloud = new ReadAloud(undefined, undefined);
		expect(readAloud.canSpeak('nl')).toBe(false);
		expect(readAloud.speak('Hallo', 'nl')).toBe(false);
		expect(() => readAloud.cancel()).not.toThrow();
		expect(readAloud.onVoicesChanged(() => undefined)).toBeTypeOf('function');
	});

	it('learns of voices that arrive after the page loaded', () => {
		const { synth, readAloud } = reader([]);
		const listener = vi.fn();
		const stop = readAloud.onVoicesChanged(listener);
		expect(readAloud.canSpeak('nl')).toBe(false);

		synth.loadVoices([DUTCH]);
		expect(listener).toHaveBeenCalledOnce();
		expect(readAloud.canSpeak('nl')).toBe(true);

		stop();
		synth.loadVoices([DUTCH, ENGLISH]);
		expect(listener).toHaveBeenCalledOnce();
	});

	it('calls back once when reading ends', () => {
		const { synth, readAloud } = reader([DUTCH]);
		const done = vi.fn();
		readAloud.speak('Een', 'nl', done);
		synth.finish();
		synth.spoken[0]?.onerror?.(new Event('error'));
		expect(done).toHaveBeenCalledOnce();
	});

	it('stops the previous text when a new one starts, and on cancel', () => {
		const { synth, readAloud } = reader([DUTCH]);
		const first = vi.fn();
		const second = vi.fn();
		readAloud.speak('Een', 'nl', first);
		readAloud.speak('Twee', 'nl', second);
		expect(first).toHaveBeenCalledOnce();
		expect(second).not.toHaveBeenCalled();
		const cancelsWhileSpeaking = synth.cancelCount;
		expect(cancelsWhileSpeaking).toBeGreaterThanOrEqual(1);

		readAloud.cancel();
		expect(second).toHaveBeenCalledOnce();
		expect(synth.cancelCount).toBe(cancelsWhileSpeaking + 1);
	});
});
