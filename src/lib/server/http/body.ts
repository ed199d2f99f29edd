// Reading a request body: the content type first (415), then at most MAX_BODY_BYTES from the
// stream (413; a Content-Length that says more is refused before a byte is read), then JSON (400),
// then the schema (400). Nothing is stored before all four have passed.
import type * as z from 'zod/mini';
import { MAX_BATCH_SIZE, MAX_BODY_BYTES, type ErrorIssue } from '$lib/sync/protocol';
import { ApiError } from './errors';

function isJsonContentType(value: string | null): boolean {
	if (!value) return false;
	const [type, ...parameters] = value.split(';').map((part) => part.trim().toLowerCase());
	if (type !== 'application/json') return false;
	// JSON is UTF-8 (RFC 8259); a body that says otherwise is not one we can read as it meant.
	return parameters.every((parameter) => parameter === '' || parameter === 'charset=utf-8');
}

function tooLarge(): ApiError {
	return new ApiError(
		413,
		'body_too_large',
		`The body is larger than ${MAX_BODY_BYTES} bytes; send at most ${MAX_BATCH_SIZE} summaries at a time.`
	);
}

async function readLimited(request: Request): Promise<Uint8Array> {
	const declared = request.headers.get('content-length');
	if (declared !== null && Number(declared) > MAX_BODY_BYTES) throw tooLarge();
	if (!request.body) return new Uint8Array();
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		let next: ReadableStreamReadResult<Uint8Array>;
		try {
			next = await reader.read();
		} catch (error) {
			// adapter-node's own limit (BODY_SIZE_LIMIT) ends the stream with a 413 of its own.
			if ((error as { status?: unknown }).status === 413) throw tooLarge();
			throw new ApiError(400, 'invalid_body', 'The body could not be read to its end.');
		}
		if (next.done) break;
		size += next.value.byteLength;
		if (size > MAX_BODY_BYTES) {
			await reader.cancel().catch(() => {});
			throw tooLarge();
		}
		chunks.push(next.value);
	}
	const body = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		body.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return body;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The body as JSON. `isOptional` lets an empty body through as undefined (DELETE needs none);
 * any body that is there must still be JSON with the JSON content type.
 */
export async function readJson(request: Request, isOptional = false): Promise<unknown> {
	const contentType = request.headers.get('content-type');
	if (isOptional && !contentType && !request.body) return undefined;
	if (!isJsonContentType(contentType)) {
		throw new ApiError(
			415,
			'unsupported_media_type',
			'Send the body as JSON, with Content-Type: application/json.'
		);
	}
	const bytes = await readLimited(request);
	if (bytes.byteLength === 0 && isOptional) return undefined;
	try {
		return JSON.parse(decoder.decode(bytes)) as unknown;
	} catch {
		throw new ApiError(400, 'invalid_json', 'The body is not valid JSON (UTF-8).');
	}
}

function issuesOf(error: z.core.$ZodError): ErrorIssue[] {
	return error.issues.slice(0, 20).map((issue) => ({
		path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
		message: issue.message
	}));
}

/** Parses a body with its schema; a failure names every place that is wrong (never its value). */
export function parseBody<Schema extends z.ZodMiniType>(
	schema: Schema,
	value: unknown
): z.infer<Schema> {
	const parsed = schema.safeParse(value);
	if (parsed.success) return parsed.data;
	const issues = issuesOf(parsed.error);
	const [first] = parsed.error.issues;
	const isBatchTooLarge = parsed.error.issues.some(
		(issue) => issue.code === 'too_big' && issue.path.length === 1 && issue.path[0] === 'summaries'
	);
	if (isBatchTooLarge) {
		throw new ApiError(
			400,
			'batch_too_large',
			`A batch holds at most ${MAX_BATCH_SIZE} summaries.`,
			issues
		);
	}
	const isDuplicate = parsed.error.issues.every(
		(issue) => issue.code === 'custom' && issue.params?.reason === 'duplicate_uuid'
	);
	if (isDuplicate) {
		throw new ApiError(
			400,
			'duplicate_uuid',
			'A uuid appears more than once in the batch.',
			issues
		);
	}
	const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
	throw new ApiError(400, 'invalid_body', `The body does not match the protocol${where}.`, issues);
}
