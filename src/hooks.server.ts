import { sequence } from '@sveltejs/kit/hooks';
import { handleCompression } from '$lib/server/compress-page';
import { handleLanguage } from '$lib/server/page-language';

// Outermost first: the page is drawn in the request's language, then compressed.
export const handle = sequence(handleCompression, handleLanguage);
