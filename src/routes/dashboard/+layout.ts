// The dashboard is no part of the offline app: it is rendered on the server for every request
// (the figures live there, behind a session) and needs no script in the browser at all, so it
// sends none: forms and links do everything.
export const prerender = false;
export const ssr = true;
export const csr = false;
