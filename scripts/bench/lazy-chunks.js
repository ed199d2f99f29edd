// The code the QR screens load only when used (dynamic imports), from the build's manifest:
// drawing the code (qrcode), reading camera frames (jsQR) and the payload (sealing, base32).
// Each figure is the dynamic entry's chunk plus the chunks it imports that the route has not
// loaded already; bytes are gzip.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstLoadFiles, gzipBytes } from '../lib/first-load.js';

const MANIFEST = '.svelte-kit/output/client/.vite/manifest.json';

/** zod's chunk: every screen that reads stored data has it already, the QR screens may not. */
const isZod = (file) => /ZodError/.test(readFileSync(join('build/client', file), 'utf8'));

export function lazyBytes(route, sources, { withoutZod = false } = {}) {
	const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
	const loaded = new Set(firstLoadFiles(route));
	const files = new Set();
	const visit = (key) => {
		const chunk = manifest[key];
		if (!chunk) throw new Error(`${key} is not in the build's manifest`);
		if (loaded.has(chunk.file) || files.has(chunk.file)) return;
		if (withoutZod && isZod(chunk.file)) return;
		files.add(chunk.file);
		for (const imported of chunk.imports ?? []) visit(imported);
	};
	sources.forEach(visit);
	return [...files].reduce((sum, file) => sum + gzipBytes(file), 0);
}

const TABLET = [
	'src/lib/transfer/frame-decoder.ts',
	'src/lib/transfer/jsqr-reader.ts',
	'src/lib/transfer/qr-payload.ts'
];

export function measureQrChunks() {
	return {
		// The phone: typing the code and showing the QR code.
		phone: lazyBytes('/delen/qr', [
			'src/lib/transfer/qr-payload.ts',
			'src/lib/transfer/qr-image.ts'
		]),
		// The tablet: reading frames (jsQR where there is no BarcodeDetector) and opening the payload.
		tablet: lazyBytes('/qr-lezen', TABLET),
		tabletWithoutZod: lazyBytes('/qr-lezen', TABLET, { withoutZod: true }),
		drawOnly: lazyBytes('/delen/qr', ['src/lib/transfer/qr-image.ts']),
		readOnly: lazyBytes('/qr-lezen', ['src/lib/transfer/jsqr-reader.ts'])
	};
}
