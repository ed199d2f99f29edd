import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Handle } from '@sveltejs/kit';

/**
 * Compresses the pages the server draws per request (the start page; every other page is a
 * prerendered file, which the adapter serves compressed already). Without it the start page would
 * cross the network at about four times its size, and a phone would wait for that before anything
 * shows. Brotli where the browser takes it, else gzip; quick settings, as this runs per request.
 */
export const handleCompression: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const type = response.headers.get('content-type') ?? '';
	if (!type.startsWith('text/html') || response.headers.has('content-encoding')) return response;
	const accepted = event.request.headers.get('accept-encoding') ?? '';
	const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
	if (encoding === null || !response.body) return response;

	const body = Buffer.from(await response.arrayBuffer());
	const compressed =
		encoding === 'br'
			? brotliCompressSync(body, {
					params: {
						[constants.BROTLI_PARAM_QUALITY]: 6,
						[constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
						[constants.BROTLI_PARAM_SIZE_HINT]: body.length
					}
				})
			: gzipSync(body, { level: 6 });
	const headers = new Headers(response.headers);
	headers.set('content-encoding', encoding);
	headers.set('content-length', String(compressed.length));
	headers.append('vary', 'Accept-Encoding');
	return new Response(compressed, { status: response.status, headers });
};
