/**
 * Reads a QR code's text from a camera frame (a playing <video>), a photo or a canvas. Prefers
 * the browser's own BarcodeDetector where it reads QR codes (Android, macOS, iOS 17+ in some
 * browsers); elsewhere draws the frame on a canvas and hands the pixels to jsQR, loaded on first
 * use. Returns null when no code is found in this frame.
 */

interface DetectedBarcode {
	rawValue: string;
}
interface BarcodeDetectorLike {
	detect(source: ImageBitmapSource): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorClass {
	new (options: { formats: string[] }): BarcodeDetectorLike;
	getSupportedFormats(): Promise<string[]>;
}

export type FrameSource = HTMLVideoElement | HTMLImageElement | HTMLCanvasElement | ImageBitmap;

/** Frames are scaled down to this on their long side: enough for a code that fills a third of it. */
const MAX_SIDE = 800;

let detector: Promise<BarcodeDetectorLike | null> | undefined;

function nativeDetector(): Promise<BarcodeDetectorLike | null> {
	detector ??= (async () => {
		const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
		if (!Detector) return null;
		try {
			const formats = await Detector.getSupportedFormats();
			return formats.includes('qr_code') ? new Detector({ formats: ['qr_code'] }) : null;
		} catch {
			return null;
		}
	})();
	return detector;
}

function sizeOf(source: FrameSource): { width: number; height: number } {
	if (source instanceof HTMLVideoElement)
		return { width: source.videoWidth, height: source.videoHeight };
	if (source instanceof HTMLImageElement)
		return { width: source.naturalWidth, height: source.naturalHeight };
	return { width: source.width, height: source.height };
}

export async function decodeFromVideoFrame(
	source: FrameSource,
	scratch: HTMLCanvasElement = document.createElement('canvas')
): Promise<string | null> {
	const { width, height } = sizeOf(source);
	if (width === 0 || height === 0) return null; // the video has no frame yet

	const native = await nativeDetector();
	if (native) {
		try {
			const [first] = await native.detect(source);
			return first?.rawValue || null;
		} catch {
			// Some implementations refuse some sources; the JS reader takes any.
		}
	}

	const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
	scratch.width = Math.round(width * scale);
	scratch.height = Math.round(height * scale);
	const context = scratch.getContext('2d', { willReadFrequently: true });
	if (!context) return null;
	context.drawImage(source, 0, 0, scratch.width, scratch.height);
	const { data } = context.getImageData(0, 0, scratch.width, scratch.height);
	const { readQrFromPixels } = await import('./jsqr-reader');
	return readQrFromPixels(data, scratch.width, scratch.height);
}
