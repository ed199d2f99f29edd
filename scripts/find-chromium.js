// Finds the system Chromium that Playwright drives. We never let a tool download its own browser:
// the machines that run our tests reach only the npm registry and Debian's packages.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * The path of a Chromium binary: `CHROMIUM_PATH` if set, else the first one installed.
 * Throws rather than returning nothing, so a missing browser fails the run instead of skipping it.
 * @returns {string}
 */
export function findChromium() {
	const fromEnv = process.env.CHROMIUM_PATH;
	if (fromEnv) {
		if (existsSync(fromEnv)) return fromEnv;
		throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file exists there.`);
	}
	const found = CANDIDATES.find((path) => existsSync(path));
	if (found) return found;
	throw new Error(
		"No Chromium found. Install Debian's `chromium` package (apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary."
	);
}

// `node scripts/find-chromium.js` prints the path, or the error and exit code 1.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	try {
		console.log(findChromium());
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	}
}
