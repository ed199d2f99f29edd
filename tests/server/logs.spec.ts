// One log line per request, and never a token, a query string or a body in it.
import { expect, it } from 'vitest';
import { makeSummary, postSummaries, register } from './support/api';
import { startServer } from './support/app-server';
import { freshDataDir, removeDataDir } from './support/pglite-template';
import { PORTS } from './support/ports';

it('logs method, path and status of each request, without tokens, queries or bodies', async () => {
	const dir = freshDataDir('logs');
	const server = await startServer({ dataDir: dir, port: PORTS.logs });
	try {
		const token = await register(server.url);
		const summary = makeSummary({ area: '9999' });
		expect((await postSummaries(server.url, token, { summaries: [summary] })).status).toBe(200);
		// A token where it does not belong: in the query string, and a wrong one in the header.
		await fetch(`${server.url}/api/summaries?token=${token}`, { method: 'DELETE' });
		await postSummaries(server.url, `${token}x`, { summaries: [summary] });
		await postSummaries(server.url, token, '{"summaries": [{"secret-note": "ik ben moe"}]}');
		await fetch(`${server.url}/?token=${token}`);
		const sent = 6;

		const exitCode = await server.stop();
		expect(exitCode).toBe(0);
		const output = server.output();
		expect(output).not.toContain(token);
		expect(output).not.toContain(token.slice(0, 16));
		expect(output).not.toContain('token=');
		expect(output).not.toContain(summary.uuid);
		expect(output).not.toContain('ik ben moe');
		const requestLines = output.split('\n').filter((line) => /^(GET|POST|DELETE) \//.test(line));
		// The health checks startServer made, then ours.
		expect(requestLines.slice(-sent)).toEqual([
			expect.stringMatching(/^POST \/api\/devices 201 [\d.]+ms$/),
			expect.stringMatching(/^POST \/api\/summaries 200 [\d.]+ms$/),
			expect.stringMatching(/^DELETE \/api\/summaries 401 [\d.]+ms$/),
			expect.stringMatching(/^POST \/api\/summaries 401 [\d.]+ms$/),
			expect.stringMatching(/^POST \/api\/summaries 400 [\d.]+ms$/),
			expect.stringMatching(/^GET \/ 200 [\d.]+ms$/)
		]);
	} finally {
		await server.stop();
		removeDataDir(dir);
	}
});
