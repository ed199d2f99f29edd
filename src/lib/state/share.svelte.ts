import { findQuestionSet } from '$lib/domain/question-set';
import type { Web } from '$lib/domain/web';
import { getLocale } from '$lib/content/locale';
import { deliverPdf } from '$lib/pdf/deliver';
import {
	availableParts,
	buildReportModel,
	DEFAULT_CHOICES,
	type ReportChoices,
	type ReportInput,
	type ReportPart
} from '$lib/pdf/report-model';
import type { WebRepo } from '$lib/storage/web-repo';
import { live } from './live.svelte';
import { ReflectionSession } from './reflection-session.svelte';
import { webRepo } from './repositories';
import { WebSession } from './web-session.svelte';

export type ShareStatus =
	| { kind: 'idle' }
	| { kind: 'making' }
	| { kind: 'done'; fileName: string; bytes: number; ms: number }
	| { kind: 'failed' };

/**
 * The share screen: which parts go into the PDF (the person ticks them), and making it. The PDF
 * code (jsPDF, fonts) is imported only when asked for, so no other screen ever loads it.
 */
export class ShareState {
	readonly web: WebSession;
	readonly reflection: ReflectionSession;
	readonly #earlier: { readonly current: Web | null | undefined };
	choices = $state<ReportChoices>({ ...DEFAULT_CHOICES });
	#status = $state<ShareStatus>({ kind: 'idle' });

	constructor(webId: string, repo: WebRepo = webRepo()) {
		this.web = new WebSession(webId, repo);
		this.reflection = new ReflectionSession(webId);
		this.#earlier = live(async () => {
			const web = await repo.get(webId);
			return web ? ((await repo.latestCompletedBefore(web.createdAt)) ?? null) : null;
		});
	}

	get isLoading(): boolean {
		return (
			this.web.lookup === undefined ||
			this.reflection.lookup === undefined ||
			this.#earlier.current === undefined
		);
	}

	get earlier(): Web | null {
		return this.#earlier.current ?? null;
	}

	/**
	 * What the document is made from. A derived value, so the click handler reads the one the
	 * screen shows: a live query read outside the screen's effects would start over empty.
	 */
	readonly #input = $derived.by((): ReportInput | undefined => {
		const web = this.web.web;
		const set = this.web.questionSet;
		if (!web || !set) return undefined;
		const earlier = this.earlier;
		const earlierSet = earlier ? findQuestionSet(earlier.questionSetId) : undefined;
		return {
			web,
			set,
			reflection: this.reflection.reflection,
			earlier: earlier && earlierSet ? { web: earlier, set: earlierSet } : undefined,
			locale: getLocale()
		};
	});

	get input(): ReportInput | undefined {
		return this.#input;
	}

	/** The parts there is something to show for; only these get a checkbox. */
	get available(): Record<ReportPart, boolean> {
		const input = this.input;
		return input
			? availableParts(input)
			: { focus: false, step: false, talkAbout: false, notes: false, earlier: false };
	}

	get status(): ShareStatus {
		return this.#status;
	}

	async make(how: 'share' | 'download'): Promise<void> {
		const input = this.input;
		if (!input || this.#status.kind === 'making') return;
		this.#status = { kind: 'making' };
		try {
			const started = performance.now();
			const model = buildReportModel(input, this.choices);
			const { makeReportPdf } = await import('$lib/pdf/render-pdf');
			const bytes = await makeReportPdf(model);
			const ms = Math.round(performance.now() - started);
			// For the team's benchmark and anyone curious: size and time, never the content.
			console.info(`PDF ${model.fileName}: ${bytes.length} bytes in ${ms} ms`);
			const delivery = await deliverPdf(bytes, model.fileName, how, model.title);
			this.#status =
				delivery === 'cancelled'
					? { kind: 'idle' }
					: { kind: 'done', fileName: model.fileName, bytes: bytes.length, ms };
		} catch (error) {
			console.error(error);
			this.#status = { kind: 'failed' };
		}
	}
}
