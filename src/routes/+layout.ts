// The app runs entirely in the browser: every route is a prerendered shell, so it can be cached
// and opened offline. Data comes from IndexedDB on the device.
export const prerender = true;
export const ssr = false;
