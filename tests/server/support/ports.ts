// Ports the server tests listen on: each spec file has its own ten, so no two servers meet.
// SERVER_TEST_PORT moves the whole range (default 5400–5509).
const BASE = Number(process.env.SERVER_TEST_PORT ?? 5400);

export const PORTS = {
	api: BASE + 10,
	fuzz: BASE + 20,
	// Not 5432: PostgreSQL's own port.
	exactlyOnce: BASE + 34,
	guards: BASE + 40,
	logs: BASE + 50,
	headers: BASE + 60,
	migrations: BASE + 70,
	dashboard: BASE + 80,
	teamCli: BASE + 90,
	// The app's own outbox code through the same faults.
	exactlyOnceClient: BASE + 100
} as const;
