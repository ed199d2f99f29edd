import type * as z from 'zod/mini';

/**
 * A stored record that no longer matches its schema. Repositories skip it on read and refuse to
 * write over it, so whatever is left of the person's data stays for export or repair.
 */
export class CorruptRecordError extends Error {
	override readonly name = 'CorruptRecordError';

	constructor(
		readonly id: string,
		readonly issues: readonly string[]
	) {
		super(`Stored record ${id} is damaged and was left untouched (${issues.join('; ')})`);
	}
}

/** A write to a record that is not (or no longer) there, e.g. deleted in another tab. */
export class RecordNotFoundError extends Error {
	override readonly name = 'RecordNotFoundError';

	constructor(readonly id: string) {
		super(`Stored record ${id} was not found`);
	}
}

/**
 * Where and why a record failed, without the stored values: those can be health data, and the
 * result may end up in a console or a log. Written from the issue's code and the schema's limits
 * rather than zod's English messages, which the browser build leaves out (they are for developers,
 * and would cost every phone their bytes).
 */
export function describeIssues(error: z.core.$ZodError): string[] {
	return error.issues.map(
		(issue) => `${issue.path.map(String).join('.') || '(root)'}: ${describeIssue(issue)}`
	);
}

function describeIssue(issue: z.core.$ZodIssue): string {
	switch (issue.code) {
		case 'invalid_type':
			return `${issue.code} (expected ${issue.expected})`;
		case 'too_big':
			return `${issue.code} (${issue.inclusive === false ? '<' : '<='} ${String(issue.maximum)})`;
		case 'too_small':
			return `${issue.code} (${issue.inclusive === false ? '>' : '>='} ${String(issue.minimum)})`;
		case 'invalid_format':
			return `${issue.code} (${issue.format})`;
		case 'custom':
			// Our own refinements' texts: they describe the rule, never the value.
			return issue.message;
		default:
			return issue.code;
	}
}
