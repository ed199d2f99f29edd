import { describe, expect, it } from 'vitest';
import { readQrFromPixels } from './jsqr-reader';
import { qrMatrix } from './qr-image';
import { QUIET_ZONE } from './quiet-zone';
import { sealWebForQr } from './qr-payload';
import { SAMPLE_WEB } from './testing';

/** The code drawn as a camera would see it: black on white, `scale` pixels a module. */
function render(text: string, scale: number) {
	const { size, dark } = qrMatrix(text);
	const side = (size + 2 * QUIET_ZONE) * scale;
	const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			if (!dark[y * size + x]) continue;
			for (let dy = 0; dy < scale; dy++) {
				for (let dx = 0; dx < scale; dx++) {
					const at = (((y + QUIET_ZONE) * scale + dy) * side + (x + QUIET_ZONE) * scale + dx) * 4;
					pixels[at] = pixels[at + 1] = pixels[at + 2] = 0;
				}
			}
		}
	}
	return { pixels, side };
}

describe('the QR reader', () => {
	it('reads back the text of a code the phone draws', async () => {
		const text = await sealWebForQr(SAMPLE_WEB, '482915307661', { iterations: 1_000 });
		const { pixels, side } = render(text, 6);
		expect(readQrFromPixels(pixels, side, side)).toBe(text);
	});

	it('finds nothing in a blank frame', () => {
		expect(readQrFromPixels(new Uint8ClampedArray(200 * 200 * 4).fill(255), 200, 200)).toBeNull();
	});
});
