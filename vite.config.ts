import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// jsPDF's optional plugins (HTML and SVG-as-image rendering), which the PDF never uses.
const jspdfUnused = fileURLToPath(new URL('./src/lib/pdf/jspdf-unused.ts', import.meta.url));

export default defineConfig({
	plugins: [
		// Under vitest the messages are already compiled (`npm run i18n`); the plugin's watcher
		// would keep the test process from exiting.
		!process.env.VITEST &&
			paraglideVitePlugin({
				project: './project.inlang',
				outdir: './src/lib/paraglide',
				// The app runs in the browser only: the choice lives on the device, then the browser's wish.
				strategy: ['localStorage', 'preferredLanguage', 'baseLocale']
			}),
		sveltekit()
	],
	resolve: {
		alias: { html2canvas: jspdfUnused, canvg: jspdfUnused, dompurify: jspdfUnused }
	},
	test: {
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.spec.ts'],
					exclude: [
						'src/**/*.svelte.spec.ts',
						'src/lib/components/**',
						'src/lib/chart/*.component.spec.ts'
					]
				}
			},
			{
				extends: './vite.config.ts',
				plugins: [svelteTesting()],
				test: {
					name: 'component',
					environment: 'jsdom',
					include: [
						'src/**/*.svelte.spec.ts',
						'src/lib/components/**/*.spec.ts',
						'src/lib/chart/*.component.spec.ts'
					],
					setupFiles: ['./vitest-setup-dom.ts']
				}
			},
			{
				// The real production server (build/) on PGlite, and on PostgreSQL when
				// TEST_DATABASE_URL is set. Needs `npm run build` first. One file at a time: each
				// starts servers and databases of its own, and the machine has two cores.
				extends: './vite.config.ts',
				test: {
					name: 'server',
					environment: 'node',
					include: ['tests/server/**/*.spec.ts'],
					globalSetup: ['./tests/server/support/global-setup.ts'],
					fileParallelism: false,
					testTimeout: 180_000,
					hookTimeout: 180_000
				}
			}
		]
	}
});
