import jsQR from 'jsqr';

/**
 * The text of the QR code in an RGBA image, or null. jsQR (pure JS, no network): Chromium on
 * Linux and Firefox have no BarcodeDetector. Our codes are dark on light, so inverted images are
 * not tried (that would double the time per frame).
 */
export function readQrFromPixels(
	data: Uint8ClampedArray,
	width: number,
	height: number
): string | null {
	const result = jsQR(data, width, height, { inversionAttempts: 'dontInvert' });
	return result?.data || null;
}
