// The app runs entirely in the browser: every route is a prerendered shell, so it can be cached
// and opened offline. Data comes from IndexedDB on the device. The start page also carries its
// content in the HTML (see its +page.ts).
export const prerender = true;
export const ssr = false;
