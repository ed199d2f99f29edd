// Ports the end-to-end tests listen on. E2E_PORT moves the test server off 4173 when something
// else listens there; the update test runs its own servers (version A, then B) on a port of its
// own, so the shared server and the other tests are never stopped under them.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4173);
export const UPDATE_TEST_PORT = Number(process.env.E2E_UPDATE_PORT ?? E2E_PORT + 9);
/** The sync test runs a server of its own, which it stops to read the server's database. */
export const SYNC_TEST_PORT = Number(process.env.E2E_SYNC_PORT ?? E2E_PORT + 8);
// The dashboard and team enrolment tests start servers of their own on ports the system chooses
// (startAppServer with port 0), so parallel runs of one test never share a server.
