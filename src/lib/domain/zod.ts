// Zod compiles a faster parser with `new Function` where it may. The app's Content-Security-Policy
// allows no eval, and Zod's mere probe for it is reported as a violation in the browser. So every
// domain schema is made through this module, after this switch: it must run before the first
// z.object() is built, which an import guarantees.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
