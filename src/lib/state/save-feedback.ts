import { isQuotaError } from '$lib/storage/db';

export type SaveProblem = 'storage-full' | 'failed';

/** Turns a failed write into what the person is told; the details stay in the console. */
export function toSaveProblem(error: unknown): SaveProblem {
	console.error(error);
	return isQuotaError(error) ? 'storage-full' : 'failed';
}
