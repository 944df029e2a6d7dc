-- Baton's store on Postgres (issue 15), version 1. Every table lives in the store's
-- schema (default "baton"); the nodes of one cluster share it. Times are epoch ms
-- (bigint) from the engine's clock; records are JSON in the shapes the Redis store keeps.

-- One row per instance: the optimistic lock is `version` (UPDATE … WHERE version = $expected).
CREATE TABLE instances (
  instance_id        text PRIMARY KEY,
  seq                bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  process_id         text NOT NULL,
  definition_key     text NOT NULL,
  root_instance_id   text NOT NULL,
  parent_instance_id text,
  status             text NOT NULL,
  started_at         bigint NOT NULL,
  ended_at           bigint,
  version            integer NOT NULL,
  history_count      integer NOT NULL,
  state              json NOT NULL
);
-- Instance search by process and state, and call trees, each in creation order.
CREATE INDEX instances_by_process ON instances (process_id, status, seq);
CREATE INDEX instances_by_status ON instances (status, seq);
CREATE INDEX instances_by_root ON instances (root_instance_id, seq);

-- One row per event; position is 0-based per instance.
CREATE TABLE history (
  instance_id text NOT NULL,
  position    integer NOT NULL,
  at          bigint NOT NULL,
  command_id  text NOT NULL,
  event       json NOT NULL,
  PRIMARY KEY (instance_id, position)
);

-- Open waits (jobs, user tasks, timers, subscriptions) with the columns queries filter on.
-- An upsert keeps `seq`, so a claimed task keeps its place in every list.
CREATE TABLE waits (
  wait_key         text PRIMARY KEY,
  seq              bigint GENERATED ALWAYS AS IDENTITY,
  kind             text NOT NULL,
  instance_id      text NOT NULL,
  process_id       text NOT NULL,
  root_instance_id text NOT NULL,
  element_id       text NOT NULL,
  job_type         text,
  job_state        text,
  assignee         text,
  candidate_groups text[] NOT NULL DEFAULT '{}',
  candidate_users  text[] NOT NULL DEFAULT '{}',
  message_name     text,
  correlation_key  text,
  signal_name      text,
  wait             json NOT NULL
);
CREATE INDEX waits_by_instance ON waits (instance_id, seq);
CREATE INDEX waits_by_root ON waits (root_instance_id, seq);
-- The task list: every open user task, by assignee, by candidate group or user.
CREATE INDEX user_tasks ON waits (seq) WHERE kind = 'userTask';
CREATE INDEX user_tasks_by_assignee ON waits (assignee, seq) WHERE kind = 'userTask';
CREATE INDEX user_tasks_by_group ON waits USING gin (candidate_groups) WHERE kind = 'userTask';
CREATE INDEX user_tasks_by_user ON waits USING gin (candidate_users) WHERE kind = 'userTask';
CREATE INDEX jobs_by_type ON waits (job_type, seq) WHERE kind = 'job';
CREATE INDEX message_subscriptions ON waits (message_name, seq) WHERE kind = 'message';
CREATE INDEX signal_subscriptions ON waits (signal_name, seq) WHERE kind = 'signal';

CREATE TABLE incidents (
  incident_key     text PRIMARY KEY,
  seq              bigint GENERATED ALWAYS AS IDENTITY,
  instance_id      text NOT NULL,
  process_id       text NOT NULL,
  root_instance_id text NOT NULL,
  incident         json NOT NULL
);
CREATE INDEX incidents_by_seq ON incidents (seq);
CREATE INDEX incidents_by_instance ON incidents (instance_id, seq);
CREATE INDEX incidents_by_root ON incidents (root_instance_id, seq);
CREATE INDEX incidents_by_process ON incidents (process_id, seq);

CREATE TABLE outbox (
  outbox_id    text PRIMARY KEY,
  seq          bigint GENERATED ALWAYS AS IDENTITY,
  committed_at bigint NOT NULL,
  entry        json NOT NULL
);
CREATE INDEX outbox_by_age ON outbox (committed_at, seq);

-- Deployments: a row per version (deleted ones stay readable by key), a row per process.
CREATE TABLE deployments (
  definition_key text PRIMARY KEY,
  process_id     text NOT NULL,
  version        integer NOT NULL,
  deleted_at     bigint,
  record         json NOT NULL,
  UNIQUE (process_id, version)
);
CREATE TABLE processes (
  process_id      text PRIMARY KEY,
  latest_key      text,
  highest_version integer NOT NULL
);
-- Message and signal start events of each process's latest version.
CREATE TABLE start_events (
  kind           text NOT NULL,
  name           text NOT NULL,
  process_id     text NOT NULL,
  element_id     text NOT NULL,
  definition_key text NOT NULL,
  PRIMARY KEY (kind, name, process_id, element_id)
);
CREATE INDEX start_events_by_process ON start_events (process_id);
CREATE TABLE forms (
  form_id text PRIMARY KEY,
  record  json NOT NULL
);

-- Idempotent publication: claim_key is JSON [messageName, correlationKey|null, messageId].
CREATE TABLE message_claims (
  claim_key  text PRIMARY KEY,
  expires_at bigint NOT NULL
);
CREATE TABLE buffered_messages (
  message_id      text PRIMARY KEY,
  seq             bigint GENERATED ALWAYS AS IDENTITY,
  message_name    text NOT NULL,
  correlation_key text,
  expires_at      bigint NOT NULL,
  message         json NOT NULL
);
CREATE INDEX buffered_by_name ON buffered_messages (message_name, seq);

-- Counters (`keys`: instance numbers handed out) and the store's epoch (see probe()).
CREATE TABLE counters (
  name  text PRIMARY KEY,
  value bigint NOT NULL
);
INSERT INTO counters (name, value) VALUES ('keys', 0);
CREATE TABLE store_meta (
  epoch text NOT NULL
);
INSERT INTO store_meta (epoch) VALUES (gen_random_uuid()::text);

-- The job queue (PostgresJobQueue): deliverable when due_at <= now; a lease moves due_at on.
CREATE TABLE jobs (
  job_id     text PRIMARY KEY,
  seq        bigint GENERATED ALWAYS AS IDENTITY,
  capability text NOT NULL,
  payload    json NOT NULL,
  due_at     bigint NOT NULL,
  attempt    integer NOT NULL DEFAULT 0
);
CREATE INDEX jobs_by_capability ON jobs (capability, seq);
CREATE TABLE timers (
  timer_key text PRIMARY KEY,
  due_at    bigint NOT NULL,
  timer     json NOT NULL
);
CREATE INDEX timers_due ON timers (due_at);
