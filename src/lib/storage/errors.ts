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
 * result may end up in a console or a log.
 */
export function describeIssues(error: {
	readonly issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[];
}): string[] {
	return error.issues.map(
		(issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`
	);
}
