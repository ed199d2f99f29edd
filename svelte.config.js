import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// Absolute asset URLs: a prerendered shell served at a deep path must still find /_app/.
		paths: { relative: false },
		serviceWorker: { register: false }
	}
};

export default config;
