/**
 * The quiet zone QR readers need around a code, in modules. Apart from qr-image.ts so the screen
 * that draws the code can know it without loading the QR code library before it is needed.
 */
export const QUIET_ZONE = 4;
