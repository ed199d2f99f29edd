-- Teams: a professional team whose tablets enrol with a short code, and whose coordinator opens the
-- dashboard with a key. Codes, keys and session ids are random and only their SHA-256 is kept here
-- (src/lib/server/teams/README in src/lib/server/README.md, "Teams, keys and sessions").
CREATE TABLE teams (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
	created_at timestamptz NOT NULL DEFAULT now(),
	-- The one enrolment code in force; a renewed code replaces it, so an old one stops at once.
	enrolment_code_hash bytea UNIQUE CHECK (octet_length(enrolment_code_hash) = 32),
	enrolment_code_expires_at timestamptz
);

-- A coordinator's key for the dashboard. Rotating a team's key revokes the old one (revoked_at)
-- and its sessions end with it: a revoked key opens nothing from that moment on.
CREATE TABLE coordinator_keys (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	team_id bigint NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
	key_hash bytea NOT NULL UNIQUE CHECK (octet_length(key_hash) = 32),
	created_at timestamptz NOT NULL DEFAULT now(),
	revoked_at timestamptz
);

CREATE INDEX coordinator_keys_team_id ON coordinator_keys (team_id);

-- A signed-in dashboard: the cookie holds a random id, this table its hash. Signing out deletes
-- the row; so does revoking the key (the cascade) or the team.
CREATE TABLE coordinator_sessions (
	id_hash bytea PRIMARY KEY CHECK (octet_length(id_hash) = 32),
	key_id bigint NOT NULL REFERENCES coordinator_keys (id) ON DELETE CASCADE,
	created_at timestamptz NOT NULL DEFAULT now(),
	expires_at timestamptz NOT NULL
);

CREATE INDEX coordinator_sessions_key_id ON coordinator_sessions (key_id);
CREATE INDEX coordinator_sessions_expires_at ON coordinator_sessions (expires_at);

-- A tablet enrolled in a team. Deleting a team deletes its devices and with them what they sent.
ALTER TABLE devices ADD COLUMN team_id bigint REFERENCES teams (id) ON DELETE CASCADE;
CREATE INDEX devices_team_id ON devices (team_id) WHERE team_id IS NOT NULL;

-- The team a summary counts for, set by the server from the sending device, and only for a
-- conversation: a web someone filled in alone never carries a team. Kept on the summary so that
-- a tablet leaving its team later does not change what its earlier conversations were.
ALTER TABLE summaries ADD COLUMN team_id bigint REFERENCES teams (id) ON DELETE CASCADE;
ALTER TABLE summaries
	ADD CONSTRAINT summaries_team_only_in_conversation CHECK (team_id IS NULL OR context = 'conversation');
CREATE INDEX summaries_team_id ON summaries (team_id) WHERE team_id IS NOT NULL;
