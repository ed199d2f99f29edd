/**
 * Reading a question aloud with the browser's own speech (Web Speech API): nothing is sent
 * anywhere by us, and it works offline where the device has local voices. Only a voice that
 * speaks the page's language is used; without one there is no button, because a Dutch voice
 * reading Arabic helps nobody.
 */

/** The part of SpeechSynthesisVoice we use. */
export interface VoiceLike {
	readonly lang: string;
	readonly name: string;
	readonly default?: boolean;
	readonly localService?: boolean;
}

/** The part of SpeechSynthesisUtterance we use. */
export interface UtteranceLike {
	lang: string;
	voice: VoiceLike | null;
	onend: ((event: Event) => void) | null;
	onerror: ((event: Event) => void) | null;
}

/** The part of SpeechSynthesis we use; tests pass a fake. */
export interface SynthLike {
	speak(utterance: UtteranceLike): void;
	cancel(): void;
	getVoices(): readonly VoiceLike[];
	addEventListener(type: 'voiceschanged', listener: () => void): void;
	removeEventListener(type: 'voiceschanged', listener: () => void): void;
}

export type MakeUtterance = (text: string) => UtteranceLike;

/** "nl-NL", "nl_BE", "NL" all speak "nl"; "nl-x-simple" is Dutch too. */
function languageOf(tag: string): string {
	return (tag.split(/[-_]/)[0] ?? '').toLowerCase();
}

/**
 * The best voice for a locale: same language; among those the device's default, then one that
 * works offline (local), then the first. Undefined when no voice speaks the language.
 */
export function findVoice(voices: readonly VoiceLike[], locale: string): VoiceLike | undefined {
	const language = languageOf(locale);
	const matching = voices.filter((voice) => languageOf(voice.lang) === language);
	return (
		matching.find((voice) => voice.default) ??
		matching.find((voice) => voice.localService) ??
		matching[0]
	);
}

export class ReadAloud {
	readonly #synth: SynthLike | undefined;
	readonly #makeUtterance: MakeUtterance | undefined;
	#current: UtteranceLike | null = null;

	constructor(synth: SynthLike | undefined, makeUtterance: MakeUtterance | undefined) {
		this.#synth = synth;
		this.#makeUtterance = makeUtterance;
	}

	/** Whether this device can read the locale aloud right now (voices may arrive later). */
	canSpeak(locale: string): boolean {
		return this.#voiceFor(locale) !== undefined;
	}

	/**
	 * Calls back when the list of voices changes (browsers load them after the page); returns an
	 * unsubscribe.
	 */
	onVoicesChanged(listener: () => void): () => void {
		const synth = this.#synth;
		if (!synth) return () => undefined;
		synth.addEventListener('voiceschanged', listener);
		return () => synth.removeEventListener('voiceschanged', listener);
	}

	/**
	 * Reads the text in the locale's language, stopping whatever was being read. `onDone` is called
	 * once, when it ends, fails or is stopped. Returns false (and reads nothing) without a voice.
	 */
	speak(text: string, locale: string, onDone: () => void = () => undefined): boolean {
		const voice = this.#voiceFor(locale);
		if (!this.#synth || !this.#makeUtterance || !voice) return false;
		this.cancel();
		const utterance = this.#makeUtterance(text);
		utterance.voice = voice;
		utterance.lang = voice.lang;
		let isDone = false;
		const done = () => {
			if (isDone) return;
			isDone = true;
			if (this.#current === utterance) this.#current = null;
			onDone();
		};
		utterance.onend = done;
		utterance.onerror = done;
		this.#current = utterance;
		this.#synth.speak(utterance);
		return true;
	}

	/** Stops reading; harmless when nothing is being read. */
	cancel(): void {
		const current = this.#current;
		this.#current = null;
		this.#synth?.cancel();
		// Not every browser fires `end` or `error` on cancel: finish the stopped one ourselves.
		current?.onend?.(new Event('end'));
	}

	#voiceFor(locale: string): VoiceLike | undefined {
		if (!this.#synth) return undefined;
		try {
			return findVoice(this.#synth.getVoices(), locale);
		} catch {
			return undefined;
		}
	}
}

/** The browser's speech, or a ReadAloud that can never speak where there is none. */
export function browserReadAloud(): ReadAloud {
	const synth = typeof speechSynthesis === 'undefined' ? undefined : speechSynthesis;
	const makeUtterance =
		typeof SpeechSynthesisUtterance === 'undefined'
			? undefined
			: (text: string): UtteranceLike =>
					new SpeechSynthesisUtterance(text) as unknown as UtteranceLike;
	return new ReadAloud(synth as SynthLike | undefined, makeUtterance);
}

let shared: ReadAloud | undefined;

/** One reader for the whole page, so starting one question stops the other. */
export function readAloud(): ReadAloud {
	shared ??= browserReadAloud();
	return shared;
}
