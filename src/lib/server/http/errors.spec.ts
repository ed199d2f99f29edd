import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, loggable } from './errors';

function pgError(code: string): Error {
	return Object.assign(new Error('from the driver'), { code });
}

describe('isDatabaseUnavailable', () => {
	it.each([
		['a refused connection', pgError('ECONNREFUSED')],
		['a dropped database', pgError('3D000')],
		['a server shutting down', pgError('57P01')],
		['a connection failure', pgError('08006')],
		['too many connections', pgError('53300')],
		['a deadlock', pgError('40P01')],
		['a closed pool', new Error('Cannot use a pool after calling end on the pool')],
		['a closed PGlite', new Error('PGlite is closed')]
	])('is true for %s: the client tries again later (503)', (_, error) => {
		expect(isDatabaseUnavailable(error)).toBe(true);
	});

	it.each([
		['a check violation', pgError('23514')],
		['a syntax error', pgError('42601')],
		['a plain bug', new TypeError('x is undefined')],
		['a thrown string', 'boom']
	])('is false for %s: that is our fault (500)', (_, error) => {
		expect(isDatabaseUnavailable(error)).toBe(false);
	});
});

describe('loggable', () => {
	it("keeps the stack and the driver's code, never the row the driver quotes", () => {
		const error = Object.assign(new Error('new row violates check constraint'), {
			code: '23514',
			detail: 'Failing row contains (7.3, 6, 1012, 65-79).'
		});
		const line = loggable(error);
		expect(line).toContain('[23514] Error: new row violates check constraint');
		expect(line).toContain('errors.spec.ts');
		expect(line).not.toContain('Failing row');
	});
});
