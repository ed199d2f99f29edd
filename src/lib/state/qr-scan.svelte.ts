import type { QrFailure } from '$lib/transfer/qr-payload';
import { generateShortCode } from '$lib/transfer/short-code';
import type { TransferWeb } from '$lib/transfer/transfer-web';

export type ScanStatus =
	/** The code is shown; the camera is not on yet. */
	| { kind: 'ready' }
	| { kind: 'starting' }
	| { kind: 'looking' }
	| { kind: 'reading' }
	/** A code was seen and not read; the camera keeps looking. */
	| { kind: 'not-read'; reason: QrFailure }
	| { kind: 'no-camera' }
	| { kind: 'denied' }
	| { kind: 'photo-empty' }
	| { kind: 'done'; web: TransferWeb };

/** How often a camera frame is read: often enough to feel immediate, rare enough for an old tablet. */
const FRAME_MS = 250;

type Reader = (
	text: string,
	code: string
) => Promise<{ ok: true; web: TransferWeb } | { ok: false; reason: QrFailure }>;

const openWithPayloadCode: Reader = async (text, code) => {
	const { openWebFromQr } = await import('$lib/transfer/qr-payload');
	return openWebFromQr(text, code);
};

/**
 * The tablet's side of the QR transfer: a fresh short code to show, the camera, and reading each
 * frame until a web opens with that code. The decoder (jsQR where the browser has no
 * BarcodeDetector) loads when the camera starts or a photo is chosen.
 */
export class QrScan {
	readonly code: string;
	readonly #onResult: (web: TransferWeb) => void;
	readonly #read: Reader;
	#status = $state.raw<ScanStatus>({ kind: 'ready' });
	#stream: MediaStream | undefined;
	#timer: ReturnType<typeof setInterval> | undefined;
	#isBusy = false;
	/** The last text that did not open: not tried again until the phone shows another. */
	#lastFailed: string | undefined;

	constructor(
		onResult: (web: TransferWeb) => void,
		options: { code?: string; read?: Reader } = {}
	) {
		this.code = options.code ?? generateShortCode();
		this.#onResult = onResult;
		this.#read = options.read ?? openWithPayloadCode;
	}

	get status(): ScanStatus {
		return this.#status;
	}

	get isCameraOn(): boolean {
		return this.#stream !== undefined;
	}

	async start(video: HTMLVideoElement, facingMode: 'user' | 'environment' = 'user'): Promise<void> {
		if (this.#stream || this.#status.kind === 'done') return;
		this.#status = { kind: 'starting' };
		if (!navigator.mediaDevices?.getUserMedia) {
			this.#status = { kind: 'no-camera' };
			return;
		}
		try {
			this.#stream = await navigator.mediaDevices.getUserMedia({
				video: { facingMode, width: { ideal: 1280 }, height: { ideal: 720 } },
				audio: false
			});
		} catch (error) {
			const name = error instanceof DOMException ? error.name : '';
			this.#status = {
				kind: name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : 'no-camera'
			};
			return;
		}
		video.srcObject = this.#stream;
		await video.play().catch(() => undefined);
		this.#status = { kind: 'looking' };
		const { decodeFromVideoFrame } = await import('$lib/transfer/frame-decoder');
		const scratch = document.createElement('canvas');
		this.#timer = setInterval(() => {
			if (this.#isBusy) return;
			this.#isBusy = true;
			void decodeFromVideoFrame(video, scratch)
				.then((text) => (text ? this.#consider(text) : undefined))
				.catch((error: unknown) => console.error(error))
				.finally(() => (this.#isBusy = false));
		}, FRAME_MS);
	}

	stop(): void {
		clearInterval(this.#timer);
		this.#timer = undefined;
		for (const track of this.#stream?.getTracks() ?? []) track.stop();
		this.#stream = undefined;
		if (this.#status.kind !== 'done') this.#status = { kind: 'ready' };
	}

	/** Where there is no camera or it is not allowed: a photo of the phone's QR code. */
	async readPhoto(file: Blob): Promise<void> {
		if (this.#status.kind === 'done') return;
		try {
			const { decodeFromVideoFrame } = await import('$lib/transfer/frame-decoder');
			const bitmap = await createImageBitmap(file);
			const text = await decodeFromVideoFrame(bitmap);
			bitmap.close();
			if (!text) {
				this.#status = { kind: 'photo-empty' };
				return;
			}
			this.#lastFailed = undefined;
			await this.#consider(text);
		} catch {
			this.#status = { kind: 'photo-empty' };
		}
	}

	async #consider(text: string): Promise<void> {
		if (this.#status.kind === 'done' || text === this.#lastFailed) return;
		this.#status = { kind: 'reading' };
		const result = await this.#read(text, this.code);
		if (result.ok) {
			this.stop();
			this.#status = { kind: 'done', web: result.web };
			this.#onResult(result.web);
			return;
		}
		this.#lastFailed = text;
		this.#status = { kind: 'not-read', reason: result.reason };
	}
}
