import { create } from 'qrcode';

/**
 * A QR code's modules for drawing in SVG (the phone's screen): loaded with that screen only.
 * Level M restores up to 15 % of a damaged code, which a screen held up to a camera needs; the
 * payload's 135 characters fit version 6 (41 × 41 modules) at that level.
 */
export interface QrMatrix {
	readonly size: number;
	readonly version: number;
	/** Row-major, true for a dark module. */
	readonly dark: readonly boolean[];
}

export function qrMatrix(text: string, level: 'L' | 'M' | 'Q' | 'H' = 'M'): QrMatrix {
	const qr = create(text, { errorCorrectionLevel: level });
	const { size, data } = qr.modules;
	return { size, version: qr.version, dark: Array.from(data, Boolean) };
}

/** One SVG path for all dark modules, a rectangle per run of them in a row. */
export function qrPath({ size, dark }: QrMatrix): string {
	let path = '';
	for (let y = 0; y < size; y++) {
		let x = 0;
		while (x < size) {
			if (!dark[y * size + x]) {
				x++;
				continue;
			}
			const start = x;
			while (x < size && dark[y * size + x]) x++;
			path += `M${start} ${y}h${x - start}v1h${start - x}z`;
		}
	}
	return path;
}
