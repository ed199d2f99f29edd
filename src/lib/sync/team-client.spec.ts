import { describe, expect, it } from 'vitest';
import { normaliseEnrolmentCode, TeamClient } from './team-client';

describe('normaliseEnrolmentCode', () => {
	it('accepts lower case, spaces and dashes, and gives the form the coordinator saw', () => {
		expect(normaliseEnrolmentCode(' k7q2 m9xd-4hpt ')).toBe('K7Q2-M9XD-4HPT');
		expect(normaliseEnrolmentCode('K7Q2M9XD4HPT')).toBe('K7Q2-M9XD-4HPT');
	});

	it('reads O, I and L as the digits people mean, as the server does', () => {
		expect(normaliseEnrolmentCode('oooo-iiii-llll')).toBe('0000-1111-1111');
	});

	it('refuses what cannot be a code', () => {
		expect(normaliseEnrolmentCode('')).toBeUndefined();
		expect(normaliseEnrolmentCode('K7Q2-M9XD-4HP')).toBeUndefined();
		expect(normaliseEnrolmentCode('K7Q2-M9XD-4HPU')).toBeUndefined();
		expect(normaliseEnrolmentCode('K7Q2-M9XD-4HPT-X')).toBeUndefined();
	});
});

describe('TeamClient', () => {
	it('treats an answer that is not the protocol as unavailable, not as joined', async () => {
		const client = new TeamClient({
			fetch: () => Promise.resolve(Response.json({ team: { name: 'X', extra: 1 } }))
		});
		expect(await client.join('t'.repeat(20), 'K7Q2-M9XD-4HPT')).toEqual({ kind: 'unavailable' });
	});

	it('sends the code only in the body and the token only in the header', async () => {
		const seen: { url: string; init: RequestInit | undefined }[] = [];
		const client = new TeamClient({
			fetch: (input, init) => {
				seen.push({ url: input instanceof Request ? input.url : input.toString(), init });
				return Promise.resolve(Response.json({ team: { name: 'Wijkteam Oost' } }));
			}
		});
		const token = 'secret-token-0123456789';
		await client.join(token, 'K7Q2-M9XD-4HPT');
		expect(seen[0]?.url).toBe('/api/devices/self/team');
		expect(seen[0]?.init?.method).toBe('PUT');
		expect(seen[0]?.init?.body).toBe('{"enrolmentCode":"K7Q2-M9XD-4HPT"}');
		expect(seen[0]?.init?.headers).toEqual({
			'content-type': 'application/json',
			authorization: `Bearer ${token}`
		});
	});
});
