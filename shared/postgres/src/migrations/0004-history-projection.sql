-- Secondary storage of history and instance search (issue 15, "Databases combined"),
-- version 4: with `--history postgres://…` a projector copies each instance's history
-- here from the primary store (Redis, say) after its commits, so these tables are
-- eventually consistent with it. They are apart from `instances` and `history`, so one
-- schema can be both a node's store and its history store.

-- One row per instance seen: where its copy stands (`next_position`, the position of the
-- next event expected) and its summary as last read, which only moves forward (`version`).
-- The summary columns stay null while only events of an instance are known (it had
-- expired from the primary before its copy).
CREATE TABLE projected_instances (
  instance_id        text PRIMARY KEY,
  seq                bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  next_position      integer NOT NULL DEFAULT 0,
  version            integer NOT NULL DEFAULT 0,
  process_id         text,
  definition_key     text,
  root_instance_id   text,
  parent_instance_id text,
  status             text,
  started_at         bigint,
  ended_at           bigint
);
CREATE INDEX projected_instances_by_process ON projected_instances (process_id, status, seq);
CREATE INDEX projected_instances_by_status ON projected_instances (status, seq);
CREATE INDEX projected_instances_by_root ON projected_instances (root_instance_id, seq);

-- One row per event; position is 0-based per instance, as in the primary.
CREATE TABLE projected_history (
  instance_id text NOT NULL,
  position    integer NOT NULL,
  at          bigint NOT NULL,
  command_id  text NOT NULL,
  event       json NOT NULL,
  PRIMARY KEY (instance_id, position)
);
