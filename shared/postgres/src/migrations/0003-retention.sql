-- Retention of ended instances (issue 15), version 3: an instance that ended is purged,
-- with its history, once `purge_at` (epoch ms on the engine's clock) has passed. Later
-- commits that end instances purge a few each (amortized, as the Redis store does).
ALTER TABLE instances ADD COLUMN purge_at bigint;
CREATE INDEX instances_to_purge ON instances (purge_at) WHERE purge_at IS NOT NULL;
