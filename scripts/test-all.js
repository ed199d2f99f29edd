// `npm test`: every check in order, then one closing line `N passed, N failed[, N skipped]`
// counted from both test runners' JSON reports (CI reads that line, not the runners' own summaries).
// A failed stage never hides in that line: lint, check or build failing counts as one failure,
// and so does a test runner that exits non-zero without reporting a failed test.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium } from './find-chromium.js';

const VITEST_REPORT = 'reports/vitest.json';
const SERVER_REPORT = 'reports/vitest-server.json';
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
rmSync(SERVER_REPORT, { force: true });
rmSync(PLAYWRIGHT_REPORT, { force: true });
mkdirSync('reports', { recursive: true });

const isLintOk = stage('lint', ['npm', 'run', 'lint']);
const isCheckOk = stage('check', ['npm', 'run', 'check']);
const isVitestOk = stage('unit and component tests', [
	'npx',
	'vitest',
	'run',
	'--project=unit',
	'--project=component',
	'--reporter=default',
	'--reporter=json',
	`--outputFile.json=${VITEST_REPORT}`
]);
const isBuildOk =
	stage('build', ['npm', 'run', 'build'], { NODE_ENV: 'production' }) &&
	// A second build under another version name, for the update test (tests/e2e/update.spec.ts).
	stage('build version B for the update test', ['npm', 'run', 'build:update-b']);

// The API on the real build: PGlite always, PostgreSQL when TEST_DATABASE_URL is set (its suites
// count as skipped otherwise, and say why).
let isServerOk = false;
if (!isBuildOk) {
	console.error('\nSkipping the server tests: there is no fresh build to test.');
	failedStages.push('server tests');
} else {
	if (!process.env.TEST_DATABASE_URL) {
		console.log('\nTEST_DATABASE_URL is not set: the PostgreSQL server suites will be skipped.');
	}
	isServerOk = stage('server tests (API on PGlite and PostgreSQL)', [
		'npx',
		'vitest',
		'run',
		'--project=server',
		'--reporter=default',
		'--reporter=json',
		`--outputFile.json=${SERVER_REPORT}`
	]);
}

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

/**
 * @param {string} path
 * @param {boolean} isOk
 * @param {boolean} didRun
 */
function countVitest(path, isOk, didRun) {
	const report = readReport(path);
	const reportFailed = report?.numFailedTests ?? 0;
	passed += report?.numPassedTests ?? 0;
	// A runner that never ran (no build) is already counted as its stage's failure above.
	if (didRun) failed += isOk && report ? reportFailed : Math.max(reportFailed, 1);
	skipped += (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0);
}
countVitest(VITEST_REPORT, isVitestOk, true);
countVitest(SERVER_REPORT, isServerOk, isBuildOk);

const e2e = readReport(PLAYWRIGHT_REPORT)?.stats;
const e2eFailed = e2e?.unexpected ?? 0;
passed += (e2e?.expected ?? 0) + (e2e?.flaky ?? 0);
failed += isE2eOk && e2e ? e2eFailed : Math.max(e2eFailed, 1);
skipped += e2e?.skipped ?? 0;

if (failedStages.length > 0) console.log(`\nFailed: ${failedStages.join(', ')}`);
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exitCode = failedStages.length > 0 || failed > 0 ? 1 : 0;
