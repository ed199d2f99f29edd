// `npm test`: every check in order, then one closing line `N passed, N failed[, N skipped]`
// counted from both test runners' JSON reports (CI reads that line, not the runners' own summaries).
// A failed stage never hides in that line: lint, check or build failing counts as one failure,
// and so does a test runner that exits non-zero without reporting a failed test.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium } from './find-chromium.js';

const VITEST_REPORT = 'reports/vitest.json';
const PLAYWRIGHT_REPORT = 'reports/playwright.json';

/** @type {string[]} */
const failedStages = [];

/**
 * Runs one stage with its output streamed.
 * @param {string} name
 * @param {string[]} command
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {boolean} whether it succeeded
 */
function stage(name, [program, ...args], env = {}) {
	console.log(`\n=== ${name}: ${program} ${args.join(' ')}\n`);
	const { status } = spawnSync(program, args, {
		stdio: 'inherit',
		env: { ...process.env, ...env }
	});
	if (status !== 0) failedStages.push(name);
	return status === 0;
}

/**
 * @param {string} path
 * @returns {any} the parsed report, or undefined when its runner crashed before writing it
 */
function readReport(path) {
	try {
		return JSON.parse(readFileSync(path, 'utf8'));
	} catch {
		return undefined;
	}
}

// Old reports must not stand in for a run that crashed this time.
rmSync(VITEST_REPORT, { force: true });
rmSync(PLAYWRIGHT_REPORT, { force: true });
mkdirSync('reports', { recursive: true });

const isLintOk = stage('lint', ['npm', 'run', 'lint']);
const isCheckOk = stage('check', ['npm', 'run', 'check']);
const isVitestOk = stage('unit and component tests', [
	'npx',
	'vitest',
	'run',
	'--reporter=default',
	'--reporter=json',
	`--outputFile.json=${VITEST_REPORT}`
]);
const isBuildOk =
	stage('build', ['npm', 'run', 'build'], { NODE_ENV: 'production' }) &&
	// A second build under another version name, for the update test (tests/e2e/update.spec.ts).
	stage('build version B for the update test', ['npm', 'run', 'build:update-b']);

let isE2eOk = false;
if (!isBuildOk) {
	console.error('\nSkipping the end-to-end tests: there is no fresh build to test.');
} else {
	try {
		findChromium();
		isE2eOk = stage('end-to-end tests', ['npx', 'playwright', 'test'], {
			PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1'
		});
	} catch (error) {
		console.error(`\n${error instanceof Error ? error.message : String(error)}`);
		failedStages.push('end-to-end tests');
	}
}

let passed = 0;
let failed = [isLintOk, isCheckOk, isBuildOk].filter((ok) => !ok).length;
let skipped = 0;

const vitest = readReport(VITEST_REPORT);
const vitestFailed = vitest?.numFailedTests ?? 0;
passed += vitest?.numPassedTests ?? 0;
failed += isVitestOk && vitest ? vitestFailed : Math.max(vitestFailed, 1);
skipped += (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0);

const e2e = readReport(PLAYWRIGHT_REPORT)?.stats;
const e2eFailed = e2e?.unexpected ?? 0;
passed += (e2e?.expected ?? 0) + (e2e?.flaky ?? 0);
failed += isE2eOk && e2e ? e2eFailed : Math.max(e2eFailed, 1);
skipped += e2e?.skipped ?? 0;

if (failedStages.length > 0) console.log(`\nFailed: ${failedStages.join(', ')}`);
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exitCode = failedStages.length > 0 || failed > 0 ? 1 : 0;
