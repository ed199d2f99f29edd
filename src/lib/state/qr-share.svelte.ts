import { normalizeShortCode } from '$lib/transfer/short-code';
import { toTransferWeb } from '$lib/transfer/transfer-web';
import type { WebRepo } from '$lib/storage/web-repo';
import { webRepo } from './repositories';
import { WebSession } from './web-session.svelte';

export type QrShareStatus =
	| { kind: 'entering' }
	| { kind: 'invalid-code' }
	| { kind: 'making' }
	/** `path`: the dark modules as one SVG path, `size` modules a side. */
	| { kind: 'showing'; path: string; size: number }
	| { kind: 'failed' };

/**
 * The phone's "Laat je web zien als QR-code": the person types the tablet's short code, the web
 * is sealed with it and drawn as a QR code. The QR code (qrcode) and payload code load with this
 * screen's first use, never before.
 */
export class QrShare {
	readonly web: WebSession;
	#status = $state.raw<QrShareStatus>({ kind: 'entering' });

	constructor(webId: string, repo: WebRepo = webRepo()) {
		this.web = new WebSession(webId, repo);
	}

	get status(): QrShareStatus {
		return this.#status;
	}

	async show(typed: string): Promise<void> {
		const web = this.web.web;
		if (!web || this.#status.kind === 'making') return;
		const code = normalizeShortCode(typed);
		if (!code) {
			this.#status = { kind: 'invalid-code' };
			return;
		}
		this.#status = { kind: 'making' };
		try {
			const [{ sealWebForQr }, { qrMatrix, qrPath }] = await Promise.all([
				import('$lib/transfer/qr-payload'),
				import('$lib/transfer/qr-image')
			]);
			const matrix = qrMatrix(await sealWebForQr(toTransferWeb(web), code));
			this.#status = { kind: 'showing', path: qrPath(matrix), size: matrix.size };
		} catch (error) {
			console.error(error);
			this.#status = { kind: 'failed' };
		}
	}

	/** Back to typing a code; the QR code is gone from the screen. */
	hide(): void {
		this.#status = { kind: 'entering' };
	}
}
