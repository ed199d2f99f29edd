import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'.svelte-kit-*/',
			'build-b/',
			'src/lib/paraglide/',
			'test-results/',
			'playwright-report/',
			'reports/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommendedTypeChecked,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node },
			parserOptions: {
				projectService: {
					// SvelteKit's tsconfig leaves the service worker out; it has its own, with worker types.
					allowDefaultProject: ['src/service-worker.ts'],
					defaultProject: 'tsconfig.sw.json'
				},
				tsconfigRootDir: import.meta.dirname,
				extraFileExtensions: ['.svelte']
			}
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/consistent-type-imports': 'error',
			'no-undef': 'off',
			// Every in-app address is built in src/lib/state/urls.ts, through resolve() there.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: { parser: ts.parser, svelteConfig }
		}
	},
	{
		// Domain logic stays plain TypeScript: no framework, storage or drawing code leaks in.
		files: ['src/lib/domain/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						'svelte',
						'svelte/*',
						'dexie',
						'd3-*',
						'$app/*',
						'$lib/storage/*',
						'$lib/state/*'
					],
					paths: [
						{
							name: 'zod',
							message: "import { z } from './zod': schemas must be made without eval (the CSP)."
						}
					]
				}
			]
		}
	},
	{
		files: ['src/lib/domain/zod.ts'],
		rules: { 'no-restricted-imports': 'off' }
	},
	{
		// The protocol is shared with the browser: zod/mini and the domain's constants, nothing else.
		files: ['src/lib/sync/protocol.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex: '^(?!zod/mini$|\\.\\./domain/|\\$lib/domain/)',
							message: 'protocol.ts imports only zod/mini and src/lib/domain.'
						}
					]
				}
			]
		}
	},
	{
		// Server code never reaches into the browser's storage, state, UI or PDF code, and the
		// suppression rule never leans on its own test support (the attacker must stay independent).
		files: ['src/lib/server/**/*.ts', 'src/routes/api/**/*.ts', 'src/hooks.server.ts'],
		ignores: ['**/*.spec.ts', '**/testing/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						'dexie',
						'svelte',
						'svelte/*',
						'$lib/storage',
						'$lib/storage/*',
						'$lib/state',
						'$lib/state/*',
						'$lib/components',
						'$lib/components/*',
						'$lib/pdf/*',
						'$lib/pwa/*',
						'**/testing/*'
					]
				}
			]
		}
	},
	{
		// Root config and setup files sit outside the app's tsconfig, so the project service has no
		// types for them.
		files: [
			'**/*.js',
			'**/*.mjs',
			'scripts/**',
			'tests/**',
			'playwright.config.ts',
			'vitest-setup-*.ts'
		],
		...ts.configs.disableTypeChecked
	}
);
