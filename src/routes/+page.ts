// The start page is the first thing a new visitor's phone loads: prerendered with its content
// (in Dutch), so it shows before any code has run. Every other page stays a shell.
export const ssr = true;
