-- Users and groups that admins change (the engine's IdentityStore, issue 7), version 2.
-- A record is the engine's JSON, or {"deleted":true} for a deletion (a tombstone).
CREATE TABLE identity_users (
  username text PRIMARY KEY,
  record   json NOT NULL
);
CREATE TABLE identity_groups (
  group_id text PRIMARY KEY,
  record   json NOT NULL
);
-- One row: each write adds one, in the same statement as its record.
CREATE TABLE identity_revision (
  revision bigint NOT NULL
);
INSERT INTO identity_revision (revision) VALUES (0);
-- Sessions (issue 12): a user's generation goes up when their sessions end; a logout revokes one session until it expires (database clock).
CREATE TABLE identity_session_generations (
  username   text PRIMARY KEY,
  generation integer NOT NULL
);
CREATE TABLE identity_revoked_sessions (
  session_id text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
CREATE INDEX identity_revoked_by_expiry ON identity_revoked_sessions (expires_at);
-- Failed logins (issue 12): per (ip, username) pair a count reset after a quiet spell, per ip the times.
CREATE TABLE identity_login_pairs (
  ip       text NOT NULL,
  username text NOT NULL,
  count    integer NOT NULL,
  last_at  bigint NOT NULL,
  PRIMARY KEY (ip, username)
);
CREATE TABLE identity_login_failures (
  ip text NOT NULL,
  at bigint NOT NULL
);
CREATE INDEX identity_login_failures_by_ip ON identity_login_failures (ip, at);
