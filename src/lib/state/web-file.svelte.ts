import { hasContent } from '$lib/domain/reflection';
import {
	encodeWebTransfer,
	webFileName,
	webForTransfer,
	WEB_FILE_FORMAT
} from '$lib/domain/web-transfer';
import { canShareFiles, deliverFile } from '$lib/pdf/deliver';
import type { ReflectionSession } from './reflection-session.svelte';
import type { WebSession } from './web-session.svelte';

export type WebFileStatus =
	{ kind: 'idle' } | { kind: 'done'; fileName: string; bytes: number } | { kind: 'failed' };

const MIME_TYPE = 'application/json';

/** Whether this browser can hand a web file to the share sheet (else it is saved as a download). */
export function canShareWebFile(): boolean {
	return canShareFiles(`${WEB_FILE_FORMAT}.json`, MIME_TYPE);
}

/**
 * "Stuur je web naar je hulpverlener": one web as a small file (domain/web-transfer.ts). Only the
 * web goes unless the person ticks their notes in; the choice starts off for every visit.
 */
export class WebFileExport {
	readonly #web: WebSession;
	readonly #reflection: ReflectionSession;
	includeNotes = $state(false);
	#status = $state<WebFileStatus>({ kind: 'idle' });

	constructor(web: WebSession, reflection: ReflectionSession) {
		this.#web = web;
		this.#reflection = reflection;
	}

	/** Only then is there a choice to make about notes. */
	get hasNotes(): boolean {
		return hasContent(this.#reflection.reflection);
	}

	get status(): WebFileStatus {
		return this.#status;
	}

	async make(how: 'share' | 'download', title: string): Promise<void> {
		const web = this.#web.web;
		if (!web) return;
		try {
			const reflection = this.includeNotes ? (this.#reflection.reflection ?? null) : null;
			const text = encodeWebTransfer(webForTransfer(web, reflection));
			const fileName = webFileName(web);
			const file = new File([text], fileName, { type: MIME_TYPE });
			const delivery = await deliverFile(file, how, title);
			this.#status =
				delivery === 'cancelled' ? { kind: 'idle' } : { kind: 'done', fileName, bytes: file.size };
		} catch (error) {
			console.error(error);
			this.#status = { kind: 'failed' };
		}
	}
}
