import { waitKeyOf, type Wait } from '@baton/core';
import { BatonError } from '@baton/errors';
import type { CommitRequest, InstanceRef } from '@baton/runtime';
import type pg from 'pg';
import { isRaceLost } from './connection.js';

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

/** Parameters of one statement, numbered as they are added. */
class Params {
  readonly values: unknown[] = [];

  /** `$n` standing for `value`. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

const waitColumns = `wait_key, kind, instance_id, process_id, root_instance_id, element_id, job_type, job_state, assignee,
  candidate_groups, candidate_users, message_name, correlation_key, signal_name, wait`;

/** The state row's CTE `st`, returning the history position this commit's events start at; gated by `latest` when the commit names one. */
function stateCte(request: CommitRequest, ref: InstanceRef, p: Params, purgeAt: number | null): string {
  const { state } = request;
  const gate = request.latestOf === undefined ? '' : 'EXISTS (SELECT 1 FROM latest)';
  const n = p.add(request.events.length);
  if (request.expectedVersion === 0) {
    const texts = [request.instanceId, ref.processId, ref.definitionKey, ref.rootInstanceId, state.parent?.instanceId ?? null, state.status].map((value) => `${p.add(value)}::text`);
    const values = [...texts, `${p.add(state.startedAt)}::bigint`, `${p.add(state.endedAt ?? null)}::bigint`].join(', ');
    return `st AS (
      INSERT INTO instances (instance_id, process_id, definition_key, root_instance_id, parent_instance_id, status, started_at, ended_at, version, history_count, state, purge_at)
      SELECT ${values}, 1, ${n}::integer, ${p.add(JSON.stringify(state))}::json, ${p.add(purgeAt)}::bigint ${gate === '' ? '' : `WHERE ${gate}`}
      ON CONFLICT (instance_id) DO NOTHING RETURNING 0 AS first)`;
  }
  return `st AS (
    UPDATE instances SET status = ${p.add(state.status)}, ended_at = ${p.add(state.endedAt ?? null)}::bigint, version = version + 1,
      history_count = history_count + ${n}::integer, state = ${p.add(JSON.stringify(state))}::json, purge_at = ${p.add(purgeAt)}::bigint
    WHERE instance_id = ${p.add(request.instanceId)} AND version = ${p.add(request.expectedVersion)}${gate === '' ? '' : ` AND ${gate}`}
    RETURNING history_count - ${n}::integer AS first)`;
}

/** The CTEs writing history, outbox and index rows, each only when `st` wrote the state (one row). */
function rowCtes(request: CommitRequest, ref: InstanceRef, p: Params): string[] {
  const ctes: string[] = [];
  const { events, outbox, indexChanges } = request;
  if (events.length > 0) {
    ctes.push(`h AS (INSERT INTO history (instance_id, position, at, command_id, event)
      SELECT ${p.add(request.instanceId)}, st.first + x.n - 1, ${p.add(request.at)}, ${p.add(request.commandId)}, x.e
      FROM st, json_array_elements(${p.add(JSON.stringify(events))}::json) WITH ORDINALITY AS x(e, n))`);
  }
  if (outbox.length > 0) {
    ctes.push(`o AS (INSERT INTO outbox (outbox_id, committed_at, entry)
      SELECT x.e->>'outboxId', (x.e->>'committedAt')::bigint, x.e FROM st, json_array_elements(${p.add(JSON.stringify(outbox))}::json) WITH ORDINALITY AS x(e, n)
      ORDER BY x.n ON CONFLICT (outbox_id) DO NOTHING)`);
  }
  // A key both removed and upserted is upserted (one statement must not touch a row twice).
  const upserted = new Set(indexChanges.upsertWaits.map(waitKeyOf));
  const removed = indexChanges.removeWaitKeys.filter((key) => !upserted.has(key));
  if (removed.length > 0) ctes.push(`wd AS (DELETE FROM waits WHERE wait_key = ANY(${p.add(removed)}::text[]) AND EXISTS (SELECT 1 FROM st))`);
  if (indexChanges.upsertWaits.length > 0) {
    const rows = JSON.stringify(indexChanges.upsertWaits.map((wait) => waitRow(wait, ref)));
    ctes.push(`wu AS (INSERT INTO waits (${waitColumns})
      SELECT x.wait_key, x.kind, x.instance_id, x.process_id, x.root_instance_id, x.element_id, x.job_type, x.job_state, x.assignee,
             coalesce(x.candidate_groups, '{}'), coalesce(x.candidate_users, '{}'), x.message_name, x.correlation_key, x.signal_name, x.wait
      FROM st, json_to_recordset(${p.add(rows)}::json) AS x(wait_key text, kind text, instance_id text, process_id text, root_instance_id text, element_id text,
           job_type text, job_state text, assignee text, candidate_groups text[], candidate_users text[], message_name text, correlation_key text, signal_name text, wait json)
      ON CONFLICT (wait_key) DO UPDATE SET job_state = EXCLUDED.job_state, assignee = EXCLUDED.assignee, candidate_groups = EXCLUDED.candidate_groups,
           candidate_users = EXCLUDED.candidate_users, correlation_key = EXCLUDED.correlation_key, wait = EXCLUDED.wait)`);
  }
  const upsertedIncidents = new Set(indexChanges.upsertIncidents.map((incident) => incident.incidentKey));
  const resolved = indexChanges.removeIncidentKeys.filter((key) => !upsertedIncidents.has(key));
  if (resolved.length > 0) ctes.push(`id AS (DELETE FROM incidents WHERE incident_key = ANY(${p.add(resolved)}::text[]) AND EXISTS (SELECT 1 FROM st))`);
  if (indexChanges.upsertIncidents.length > 0) {
    const rows = JSON.stringify(
      indexChanges.upsertIncidents.map((incident) => ({ incident_key: incident.incidentKey, instance_id: ref.instanceId, process_id: ref.processId, root_instance_id: ref.rootInstanceId, incident: { ...incident, ...ref } })),
    );
    ctes.push(`iu AS (INSERT INTO incidents (incident_key, instance_id, process_id, root_instance_id, incident)
      SELECT x.incident_key, x.instance_id, x.process_id, x.root_instance_id, x.incident
      FROM st, json_to_recordset(${p.add(rows)}::json) AS x(incident_key text, instance_id text, process_id text, root_instance_id text, incident json)
      ON CONFLICT (incident_key) DO UPDATE SET incident = EXCLUDED.incident)`);
  }
  return ctes;
}

/** At most this many ended instances are purged by one commit that ends another (amortized O(1) per end). */
const purgeBatch = 16;

const purgeEnded = `
  WITH gone AS (
    DELETE FROM instances WHERE instance_id IN (
      SELECT instance_id FROM instances WHERE purge_at <= $1 ORDER BY purge_at LIMIT ${purgeBatch} FOR UPDATE SKIP LOCKED)
    RETURNING instance_id),
  history_gone AS (DELETE FROM history WHERE instance_id IN (SELECT instance_id FROM gone))
  DELETE FROM incidents WHERE instance_id IN (SELECT instance_id FROM gone)`;

/**
 * One command's outcome in one statement, so one round trip and one implicit
 * transaction (see ProcessStore.commit): the state row's CTE `st` (INSERT for version
 * 0, else UPDATE … WHERE version = expected, which waits for a racing writer's row
 * lock and then finds the version moved), gated by the process row read FOR SHARE
 * when the commit is on "the latest version"; history, outbox and index rows are
 * written only from `st`'s row, so a refused commit writes nothing. A commit that ends
 * its instance marks it for purging `endedRetentionMs` later, then purges a few whose
 * time has come (a statement of its own: its failure does not undo the commit).
 */
export async function commitInstance(pool: pg.Pool, request: CommitRequest, endedRetentionMs: number): Promise<number> {
  const ref = refOf(request);
  const p = new Params();
  const ctes: string[] = [];
  const { latestOf } = request;
  if (latestOf !== undefined) ctes.push(`latest AS (SELECT 1 FROM processes WHERE process_id = ${p.add(latestOf.processId)} AND latest_key = ${p.add(latestOf.definitionKey)} FOR SHARE)`);
  const isEnding = request.state.status !== 'active';
  ctes.push(stateCte(request, ref, p, isEnding ? request.at + endedRetentionMs : null), ...rowCtes(request, ref, p));
  let written: number;
  try {
    written = (await pool.query(`WITH ${ctes.join(',\n')}\nSELECT first FROM st`, p.values)).rowCount ?? 0;
  } catch (error) {
    if (isRaceLost(error)) throw await conflictError(pool, request, error);
    throw error;
  }
  if (written !== 1) throw await conflictError(pool, request, undefined);
  if (isEnding) await pool.query(purgeEnded, [request.at]).catch(() => undefined);
  return request.expectedVersion + 1;
}

async function conflictError(pool: pg.Pool, request: CommitRequest, cause: unknown): Promise<BatonError> {
  const { instanceId, expectedVersion, latestOf } = request;
  const { rows } = await pool.query<{ version: number | null; is_latest: boolean }>(
    'SELECT (SELECT version FROM instances WHERE instance_id = $1) AS version, EXISTS (SELECT 1 FROM processes WHERE process_id = $2 AND latest_key = $3) AS is_latest',
    [instanceId, latestOf?.processId ?? '', latestOf?.definitionKey ?? ''],
  );
  const actualVersion = rows[0]?.version ?? 0;
  if (latestOf !== undefined && rows[0]?.is_latest !== true) {
    return new BatonError(
      'VERSION_CONFLICT',
      `"${latestOf.definitionKey}" is no longer the latest version of process "${latestOf.processId}"; decide again on the latest.`,
      { instanceId, processId: latestOf.processId, definitionKey: latestOf.definitionKey },
    );
  }
  return new BatonError(
    'VERSION_CONFLICT',
    `Instance "${instanceId}" is at version ${actualVersion}, not ${expectedVersion}; reload and decide again.`,
    { instanceId, expectedVersion, actualVersion },
    ...(cause === undefined ? [] : [{ cause }]),
  );
}
