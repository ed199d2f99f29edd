/**
 * Hands a finished file (the PDF, the web file) to the person: the phone's share sheet where the
 * browser can share that kind of file (Web Share API level 2), otherwise a download with a clear
 * file name. Browsers differ per type: Chrome on Android shares a PDF but not a .json file, so each
 * file is checked itself.
 */

export type Delivery = 'shared' | 'downloaded' | 'cancelled';

/**
 * True where `navigator.share` takes a file of this name and type (for a PDF: most phones, few
 * desktop browsers).
 */
export function canShareFiles(name = 'spinnenweb.pdf', type = 'application/pdf'): boolean {
	if (typeof navigator === 'undefined' || typeof navigator.canShare !== 'function') return false;
	try {
		return navigator.canShare({ files: [new File([new Uint8Array(1)], name, { type })] });
	} catch {
		return false;
	}
}

export function downloadFile(file: File): void {
	const url = URL.createObjectURL(file);
	const link = document.createElement('a');
	link.href = url;
	link.download = file.name;
	link.rel = 'noopener';
	document.body.append(link);
	link.click();
	link.remove();
	// Some browsers read the blob after click() returns; give them a moment before letting go.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function deliverPdf(
	bytes: Uint8Array,
	fileName: string,
	how: 'share' | 'download',
	title: string
): Promise<Delivery> {
	const file = new File([bytes as Uint8Array<ArrayBuffer>], fileName, { type: 'application/pdf' });
	return deliverFile(file, how, title);
}

export async function deliverFile(
	file: File,
	how: 'share' | 'download',
	title: string
): Promise<Delivery> {
	if (
		how === 'share' &&
		canShareFiles(file.name, file.type) &&
		navigator.canShare({ files: [file] })
	) {
		try {
			await navigator.share({ files: [file], title });
			return 'shared';
		} catch (error) {
			// Closing the share sheet is a choice, not a failure.
			if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
			throw error;
		}
	}
	downloadFile(file);
	return 'downloaded';
}
