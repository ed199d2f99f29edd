// The start page is the first thing a new visitor's phone loads: drawn by the server with its
// content, in the visitor's language (src/lib/server/page-language.ts), so it shows before any
// code has run. Not prerendered, as it differs by language; the service worker keeps a copy per
// language for offline use (src/service-worker.ts). Every other page stays a prerendered shell.
export const prerender = false;
export const ssr = true;
