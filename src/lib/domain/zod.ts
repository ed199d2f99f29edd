// Every domain schema is made through this module. It is zod's mini build: the same schemas and
// parser as the classic API, about a fifth of the bytes on a phone's first visit. And zod compiles
// a faster parser with `new Function` where it may: the app's Content-Security-Policy allows no
// eval, and zod's mere probe for it is reported as a violation in the browser. So the switch below
// must run before the first schema is built, which importing this module guarantees.
import * as z from 'zod/mini';

z.config({ jitless: true });

export { z };
