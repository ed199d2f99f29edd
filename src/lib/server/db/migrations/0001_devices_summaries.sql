-- Devices that may send summaries. Only the SHA-256 hash of a device's token is kept: a copy of
-- this table lets nobody send as a device.
CREATE TABLE devices (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	token_hash bytea NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
	created_on date NOT NULL DEFAULT current_date
);

-- One row per completed web that its owner chose to share; exactly what the protocol allows and
-- nothing more (src/lib/sync/protocol.ts). The checks repeat the protocol's ranges, so no path
-- into this table can store what the API would refuse. Days only, never times: a time of day
-- helps no aggregate and could help point at a person.
CREATE TABLE summaries (
	uuid uuid PRIMARY KEY,
	device_id bigint NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
	question_set_id text NOT NULL CHECK (question_set_id ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
	day date NOT NULL,
	score_lichaamsfuncties numeric(3, 1) CHECK (score_lichaamsfuncties BETWEEN 0 AND 10),
	score_mentaal numeric(3, 1) CHECK (score_mentaal BETWEEN 0 AND 10),
	score_zingeving numeric(3, 1) CHECK (score_zingeving BETWEEN 0 AND 10),
	score_kwaliteit numeric(3, 1) CHECK (score_kwaliteit BETWEEN 0 AND 10),
	score_meedoen numeric(3, 1) CHECK (score_meedoen BETWEEN 0 AND 10),
	score_dagelijks numeric(3, 1) CHECK (score_dagelijks BETWEEN 0 AND 10),
	focus text CHECK (
		focus IN ('lichaamsfuncties', 'mentaal', 'zingeving', 'kwaliteit', 'meedoen', 'dagelijks')
	),
	context text NOT NULL CHECK (context IN ('self', 'conversation')),
	area text CHECK (area ~ '^[1-9][0-9]{3}$'),
	age_band text CHECK (age_band IN ('0-17', '18-29', '30-44', '45-64', '65-79', '80+')),
	received_on date NOT NULL DEFAULT current_date
);

CREATE INDEX summaries_device_id ON summaries (device_id);

-- Rate limits count requests in fixed windows here, in the database, so every app server in front
-- of one PostgreSQL counts against the same numbers. Old windows are deleted as they pass.
-- UNLOGGED: no write-ahead log, so a count commits without waiting for the disk. Every request
-- from one address updates one row, and waiting for a flush while holding its lock would make
-- that row a queue. After a crash the counts start again from zero, which is harmless.
CREATE UNLOGGED TABLE rate_limit_windows (
	key text NOT NULL,
	window_start timestamptz NOT NULL,
	hits integer NOT NULL,
	PRIMARY KEY (key, window_start)
);

-- Secrets the app servers share, made once by whichever starts first (the key that turns an
-- address into a rate-limit key, so no address is ever stored).
CREATE TABLE server_secrets (
	name text PRIMARY KEY,
	value bytea NOT NULL
);
