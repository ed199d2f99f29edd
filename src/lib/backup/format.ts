import * as z from 'zod/mini';

/**
 * The backup file, version 1. Documented in README.md; a change to the envelope is a new
 * version. Tables are named sections, each with its own record version, so a table added later
 * is a new section rather than a new file format, and a file with a section this app does not
 * know was made by a newer app ("newer version").
 */
export const BACKUP_FORMAT = 'spinnenweb-backup';
export const BACKUP_VERSION = 1;

/** Larger files are refused before they are read (a phone would struggle to parse them). */
export const MAX_BACKUP_BYTES = 20 * 1024 * 1024;

export const SectionPayloadSchema = z.object({
	/** The version of this section's record shape. */
	version: z.number().check(z.int(), z.positive()),
	records: z.array(z.unknown())
});
export type SectionPayload = z.infer<typeof SectionPayloadSchema>;

export const BackupEnvelopeSchema = z.object({
	format: z.literal(BACKUP_FORMAT),
	version: z.number().check(z.int(), z.positive()),
	/** When the backup was made, ISO 8601 in UTC. */
	createdAt: z.iso.datetime(),
	/** `personal` (a phone) or `professional` (a team's tablet): what the exporting side holds. */
	scope: z.enum(['personal', 'professional']),
	/** The app version that made it, for a person helping with a problem; never read otherwise. */
	app: z.optional(z.string()),
	checksum: z.object({
		algorithm: z.literal('SHA-256'),
		/** Lowercase hex of SHA-256 over the RFC 8785 canonical JSON of `content`. */
		value: z.string().check(z.regex(/^[0-9a-f]{64}$/))
	}),
	content: z.record(z.string(), SectionPayloadSchema)
});
export type BackupEnvelope = z.infer<typeof BackupEnvelopeSchema>;

/** Why a whole file was refused; each is a message in every language (backup_error_*). */
export type BackupRejection =
	/** Not JSON at all (a photo, a PDF, a cut-off file). */
	| 'not-json'
	/** Over MAX_BACKUP_BYTES. */
	| 'too-large'
	/** JSON, but not a Spinnenweb backup. */
	| 'not-a-backup'
	/** Made by a newer Spinnenweb: a higher version, or a section or record version unknown here. */
	| 'newer-version'
	/** The content does not match its checksum: changed by hand or damaged. */
	| 'bad-checksum'
	/** A Spinnenweb backup whose envelope is broken (no content, a bad date). */
	| 'damaged';

/** One record of the file that could not be used, and where it is. */
export interface BadRecord {
	section: string;
	/** Its place in the section's list, counted from 1 as a person would. */
	position: number;
	/** Its id, when that much could be read. */
	id?: string;
	/** `invalid`: fails its schema; `duplicate`: its id came earlier; `orphan`: its parent is nowhere. */
	kind: 'invalid' | 'duplicate' | 'orphan';
	/** Field paths and what was wrong, never the values (they can be health data). */
	issues: readonly string[];
}
