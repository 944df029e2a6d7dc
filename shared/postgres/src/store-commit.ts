import { waitKeyOf, type Wait } from '@baton/core';
import { BatonError } from '@baton/errors';
import type { CommitRequest, InstanceRef } from '@baton/runtime';
import type pg from 'pg';
import { inTransaction, isRaceLost } from './connection.js';

/** Where an instance's indexed things live: itself, its process and its call tree's root. */
export function refOf(request: CommitRequest): InstanceRef {
  const { processId, definitionKey, parent } = request.state;
  return { instanceId: request.instanceId, processId, definitionKey, rootInstanceId: parent?.rootInstanceId ?? request.instanceId };
}

/** A `waits` row as json_to_recordset reads it (see 0001-initial.sql). */
function waitRow(wait: Wait, ref: InstanceRef): Record<string, unknown> {
  const base = { wait_key: waitKeyOf(wait), kind: wait.kind, instance_id: ref.instanceId, process_id: ref.processId, root_instance_id: ref.rootInstanceId, element_id: wait.elementId };
  const indexed = { ...wait, ...ref };
  switch (wait.kind) {
    case 'job':
      return { ...base, job_type: wait.jobType, job_state: wait.state, wait: indexed };
    case 'userTask':
      return { ...base, assignee: wait.assignee ?? null, candidate_groups: wait.candidateGroups, candidate_users: wait.candidateUsers, wait: indexed };
    case 'message':
      return { ...base, message_name: wait.messageName, correlation_key: wait.correlationKey ?? null, wait: indexed };
    case 'signal':
      return { ...base, signal_name: wait.signalName, wait: indexed };
    case 'timer':
      return { ...base, wait: indexed };
  }
}

const upsertWaits = `
  INSERT INTO waits (wait_key, kind, instance_id, process_id, root_instance_id, element_id, job_type, job_state, assignee,
                     candidate_groups, candidate_users, message_name, correlation_key, signal_name, wait)
  SELECT wait_key, kind, instance_id, process_id, root_instance_id, element_id, job_type, job_state, assignee,
         coalesce(candidate_groups, '{}'), coalesce(candidate_users, '{}'), message_name, correlation_key, signal_name, wait
  FROM json_to_recordset($1::json) AS x(wait_key text, kind text, instance_id text, process_id text, root_instance_id text, element_id text,
       job_type text, job_state text, assignee text, candidate_groups text[], candidate_users text[], message_name text,
       correlation_key text, signal_name text, wait json)
  ON CONFLICT (wait_key) DO UPDATE SET job_state = EXCLUDED.job_state, assignee = EXCLUDED.assignee, candidate_groups = EXCLUDED.candidate_groups,
       candidate_users = EXCLUDED.candidate_users, correlation_key = EXCLUDED.correlation_key, wait = EXCLUDED.wait`;

const upsertIncidents = `
  INSERT INTO incidents (incident_key, instance_id, process_id, root_instance_id, incident)
  SELECT incident_key, instance_id, process_id, root_instance_id, incident
  FROM json_to_recordset($1::json) AS x(incident_key text, instance_id text, process_id text, root_instance_id text, incident json)
  ON CONFLICT (incident_key) DO UPDATE SET incident = EXCLUDED.incident`;

const insertOutbox = `
  INSERT INTO outbox (outbox_id, committed_at, entry)
  SELECT e->>'outboxId', (e->>'committedAt')::bigint, e FROM json_array_elements($1::json) WITH ORDINALITY AS x(e, n) ORDER BY n
  ON CONFLICT (outbox_id) DO NOTHING`;

const insertHistory = `
  INSERT INTO history (instance_id, position, at, command_id, event)
  SELECT $1, $2 + n - 1, $3, $4, e FROM json_array_elements($5::json) WITH ORDINALITY AS x(e, n)`;

const createInstance = `
  INSERT INTO instances (instance_id, process_id, definition_key, root_instance_id, parent_instance_id, status, started_at, ended_at, version, history_count, state, purge_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $10, $11)
  ON CONFLICT (instance_id) DO NOTHING
  RETURNING 0 AS first`;

const updateInstance = `
  UPDATE instances SET status = $2, ended_at = $3, version = version + 1, history_count = history_count + $4, state = $5, purge_at = $7
  WHERE instance_id = $1 AND version = $6
  RETURNING history_count - $4 AS first`;

/** At most this many ended instances are purged by one commit that ends another (amortized O(1) per end). */
const purgeBatch = 16;

const purgeEnded = `
  WITH gone AS (
    DELETE FROM instances WHERE instance_id IN (
      SELECT instance_id FROM instances WHERE purge_at <= $1 ORDER BY purge_at LIMIT ${purgeBatch} FOR UPDATE SKIP LOCKED)
    RETURNING instance_id),
  history_gone AS (DELETE FROM history WHERE instance_id IN (SELECT instance_id FROM gone))
  DELETE FROM incidents WHERE instance_id IN (SELECT instance_id FROM gone)`;

/** Thrown inside the transaction to roll it back; turned into VERSION_CONFLICT outside. */
class Conflict extends Error {
  constructor(readonly reason: 'version' | 'latest') {
    super(reason);
  }
}

/** Writes the state row: returns the history position this commit's events start at, or throws {@link Conflict}. */
async function writeState(client: pg.PoolClient, request: CommitRequest, ref: InstanceRef, endedRetentionMs: number): Promise<number> {
  const { state, events } = request;
  const stateJson = JSON.stringify(state);
  const purgeAt = state.status === 'active' ? null : request.at + endedRetentionMs;
  const result =
    request.expectedVersion === 0
      ? await client.query<{ first: number }>(createInstance, [
          request.instanceId,
          ref.processId,
          ref.definitionKey,
          ref.rootInstanceId,
          state.parent?.instanceId ?? null,
          state.status,
          state.startedAt,
          state.endedAt ?? null,
          events.length,
          stateJson,
          purgeAt,
        ])
      : await client.query<{ first: number }>(updateInstance, [request.instanceId, state.status, state.endedAt ?? null, events.length, stateJson, request.expectedVersion, purgeAt]);
  const first = result.rows[0]?.first;
  if (first === undefined) throw new Conflict('version');
  return first;
}

async function writeIndexes(client: pg.PoolClient, request: CommitRequest, ref: InstanceRef): Promise<void> {
  const { removeWaitKeys, upsertWaits: waits, removeIncidentKeys, upsertIncidents: incidents } = request.indexChanges;
  if (removeWaitKeys.length > 0) await client.query('DELETE FROM waits WHERE wait_key = ANY($1::text[])', [removeWaitKeys]);
  if (waits.length > 0) await client.query(upsertWaits, [JSON.stringify(waits.map((wait) => waitRow(wait, ref)))]);
  if (removeIncidentKeys.length > 0) await client.query('DELETE FROM incidents WHERE incident_key = ANY($1::text[])', [removeIncidentKeys]);
  if (incidents.length > 0) {
    const rows = incidents.map((incident) => ({
      incident_key: incident.incidentKey,
      instance_id: ref.instanceId,
      process_id: ref.processId,
      root_instance_id: ref.rootInstanceId,
      incident: { ...incident, ...ref },
    }));
    await client.query(upsertIncidents, [JSON.stringify(rows)]);
  }
}

/**
 * One command's outcome in one transaction (see ProcessStore.commit): the latest
 * check (FOR SHARE on the process row, so a deploy cannot slip in), the state row
 * (INSERT for version 0, else UPDATE … WHERE version = expected, which waits for a
 * racing writer's row lock and then finds the version moved), history, outbox and
 * index rows. A commit that ends its instance marks it for purging `endedRetentionMs`
 * later and purges a few whose time has come. Nothing but queries runs while the
 * transaction is open.
 */
export async function commitInstance(pool: pg.Pool, request: CommitRequest, endedRetentionMs: number): Promise<number> {
  const ref = refOf(request);
  try {
    await inTransaction(pool, async (client) => {
      const { latestOf } = request;
      if (latestOf !== undefined) {
        const latest = await client.query('SELECT 1 FROM processes WHERE process_id = $1 AND latest_key = $2 FOR SHARE', [latestOf.processId, latestOf.definitionKey]);
        if (latest.rowCount === 0) throw new Conflict('latest');
      }
      const first = await writeState(client, request, ref, endedRetentionMs);
      if (request.events.length > 0) {
        await client.query(insertHistory, [request.instanceId, first, request.at, request.commandId, JSON.stringify(request.events)]);
      }
      if (request.outbox.length > 0) await client.query(insertOutbox, [JSON.stringify(request.outbox)]);
      await writeIndexes(client, request, ref);
      if (request.state.status !== 'active') await client.query(purgeEnded, [request.at]);
    });
  } catch (error) {
    if (error instanceof Conflict || isRaceLost(error)) throw await conflictError(pool, request, error);
    throw error;
  }
  return request.expectedVersion + 1;
}

async function conflictError(pool: pg.Pool, request: CommitRequest, error: unknown): Promise<BatonError> {
  const { instanceId, expectedVersion, latestOf } = request;
  if (error instanceof Conflict && error.reason === 'latest' && latestOf !== undefined) {
    return new BatonError(
      'VERSION_CONFLICT',
      `"${latestOf.definitionKey}" is no longer the latest version of process "${latestOf.processId}"; decide again on the latest.`,
      { instanceId, processId: latestOf.processId, definitionKey: latestOf.definitionKey },
    );
  }
  const { rows } = await pool.query<{ version: number }>('SELECT version FROM instances WHERE instance_id = $1', [instanceId]);
  const actualVersion = rows[0]?.version ?? 0;
  return new BatonError(
    'VERSION_CONFLICT',
    `Instance "${instanceId}" is at version ${actualVersion}, not ${expectedVersion}; reload and decide again.`,
    { instanceId, expectedVersion, actualVersion },
    { cause: error },
  );
}
