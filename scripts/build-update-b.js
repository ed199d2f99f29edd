// Builds "version B" of the app into build-b/, for the update test (tests/e2e/update.spec.ts): the
// same code under another version name, so its service worker differs from build/'s and the app
// sees a new version. `npm test` runs this after the normal build; run it yourself before
// `npx playwright test tests/e2e/update.spec.ts` (`npm run build:update-b`).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

// tests/e2e/update.spec.ts serves it from there: keep the two names in step.
const UPDATE_B_DIR = 'build-b';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const { status } = spawnSync('npx', ['vite', 'build'], {
	stdio: 'inherit',
	env: {
		...process.env,
		NODE_ENV: 'production',
		SPINNENWEB_BUILD_DIR: UPDATE_B_DIR,
		SPINNENWEB_KIT_OUT_DIR: '.svelte-kit-b',
		SPINNENWEB_VERSION: `${version}-update-test-b-${Date.now()}`
	}
});
process.exitCode = status ?? 1;
