/**
 * Stands in for html2canvas, canvg and DOMPurify, which jsPDF imports on demand for its html()
 * and addSvgAsImage() methods. We draw with jsPDF's own vector operations and call neither, so
 * the build leaves them out instead of shipping ~105 KB (gzip) of chunks that no one loads but a
 * precaching service worker would still download. Calling those methods would fail loudly here.
 */
const unavailable = new Proxy(
	{},
	{
		get() {
			throw new Error('This jsPDF plugin is not part of Spinnenweb (see jspdf-unused.ts).');
		}
	}
);

export default unavailable;
