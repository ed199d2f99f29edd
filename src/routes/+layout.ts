// The app runs entirely in the browser: every route is a prerendered shell, so it can be cached
// and opened offline. Data comes from IndexedDB on the device. The start page alone is drawn by
// the server with its content, in the visitor's language (see its +page.ts).
export const prerender = true;
export const ssr = false;
