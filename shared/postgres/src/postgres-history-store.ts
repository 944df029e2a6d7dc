import type { HistoryEntry, HistoryStore, InstanceQuery, InstanceSummary, Page, PageRequest, ProjectedInstance } from '@baton/runtime';
import { entriesToAppend } from '@baton/runtime';
import type pg from 'pg';
import { guarded, inTransaction, type PostgresConnectionOptions } from './connection.js';
import { connectMigrated } from './migrate.js';
import { readHistoryPage } from './store-queries.js';

const summaryJson = `json_strip_nulls(json_build_object('instanceId', instance_id, 'processId', process_id, 'definitionKey', definition_key,
  'rootInstanceId', root_instance_id, 'status', status, 'parentInstanceId', parent_instance_id, 'startedAt', started_at, 'endedAt', ended_at, 'version', version))`;

/** One row of the positions and summaries update: where an instance's copy now stands. */
interface Advance {
  readonly instance_id: string;
  readonly next: number;
  readonly version: number | null;
  readonly process_id?: string;
  readonly definition_key?: string;
  readonly root_instance_id?: string;
  readonly parent_instance_id?: string;
  readonly status?: string;
  readonly started_at?: number;
  readonly ended_at?: number;
}

function advanceOf(instance: ProjectedInstance, next: number): Advance {
  const s = instance.summary;
  if (s === undefined) return { instance_id: instance.instanceId, next, version: null };
  return {
    instance_id: instance.instanceId,
    next,
    version: s.version,
    process_id: s.processId,
    definition_key: s.definitionKey,
    root_instance_id: s.rootInstanceId,
    status: s.status,
    started_at: s.startedAt,
    ...(s.parentInstanceId === undefined ? {} : { parent_instance_id: s.parentInstanceId }),
    ...(s.endedAt === undefined ? {} : { ended_at: s.endedAt }),
  };
}

/**
 * HistoryStore on Postgres (tables in 0004-history-projection.sql): the secondary
 * storage of history and instance search when the primary store is another database
 * (issue 15, "Databases combined"). An append is one transaction that locks the
 * instances' position rows (in instance order, so two projectors cannot deadlock),
 * writes only the events at or past each position and moves it on.
 */
export class PostgresHistoryStore implements HistoryStore {
  private closing: Promise<void> | undefined;

  constructor(private readonly pool: pg.Pool) {}

  positions(instanceIds: readonly string[]): Promise<ReadonlyMap<string, number>> {
    return this.guard(async () => {
      const found = new Map(instanceIds.map((id) => [id, 0]));
      if (instanceIds.length === 0) return found;
      const { rows } = await this.pool.query<{ instance_id: string; next_position: number }>(
        'SELECT instance_id, next_position FROM projected_instances WHERE instance_id = ANY($1::text[])',
        [instanceIds],
      );
      for (const row of rows) found.set(row.instance_id, row.next_position);
      return found;
    });
  }

  append(batch: readonly ProjectedInstance[]): Promise<void> {
    return this.guard(async () => {
      if (batch.length === 0) return;
      const ordered = [...batch].sort((a, b) => (a.instanceId < b.instanceId ? -1 : a.instanceId > b.instanceId ? 1 : 0));
      const ids = ordered.map((instance) => instance.instanceId);
      await inTransaction(this.pool, async (client) => {
        await client.query('INSERT INTO projected_instances (instance_id) SELECT unnest($1::text[]) ORDER BY 1 ON CONFLICT (instance_id) DO NOTHING', [ids]);
        const { rows } = await client.query<{ instance_id: string; next_position: number }>(
          'SELECT instance_id, next_position FROM projected_instances WHERE instance_id = ANY($1::text[]) ORDER BY instance_id FOR UPDATE',
          [ids],
        );
        const stored = new Map(rows.map((row) => [row.instance_id, row.next_position]));
        const events: (HistoryEntry & { readonly instanceId: string })[] = [];
        const advances: Advance[] = [];
        for (const instance of ordered) {
          const expected = stored.get(instance.instanceId) ?? 0;
          const fresh = entriesToAppend(instance, expected);
          for (const entry of fresh) events.push({ instanceId: instance.instanceId, ...entry });
          advances.push(advanceOf(instance, expected + fresh.length));
        }
        if (events.length > 0) {
          await client.query(
            `INSERT INTO projected_history (instance_id, position, at, command_id, event)
             SELECT x->>'instanceId', (x->>'position')::integer, (x->>'at')::bigint, x->>'commandId', x->'event' FROM json_array_elements($1::json) AS x
             ON CONFLICT (instance_id, position) DO NOTHING`,
            [JSON.stringify(events)],
          );
        }
        await client.query(
          `UPDATE projected_instances p SET next_position = GREATEST(p.next_position, u.next),
             version = CASE WHEN u.version >= p.version THEN u.version ELSE p.version END,
             process_id = CASE WHEN u.version >= p.version THEN u.process_id ELSE p.process_id END,
             definition_key = CASE WHEN u.version >= p.version THEN u.definition_key ELSE p.definition_key END,
             root_instance_id = CASE WHEN u.version >= p.version THEN u.root_instance_id ELSE p.root_instance_id END,
             parent_instance_id = CASE WHEN u.version >= p.version THEN u.parent_instance_id ELSE p.parent_instance_id END,
             status = CASE WHEN u.version >= p.version THEN u.status ELSE p.status END,
             started_at = CASE WHEN u.version >= p.version THEN u.started_at ELSE p.started_at END,
             ended_at = CASE WHEN u.version >= p.version THEN u.ended_at ELSE p.ended_at END
           FROM json_to_recordset($1::json) AS u(instance_id text, next integer, version integer, process_id text, definition_key text,
             root_instance_id text, parent_instance_id text, status text, started_at bigint, ended_at bigint)
           WHERE p.instance_id = u.instance_id`,
          [JSON.stringify(advances)],
        );
      });
    });
  }

  /** Instances whose summary arrived, in the order they were first copied. */
  findInstances(q: InstanceQuery): Promise<Page<InstanceSummary>> {
    return this.guard(async () => {
      const conditions = ['status IS NOT NULL'];
      const params: unknown[] = [];
      for (const [column, value] of [['root_instance_id', q.rootInstanceId], ['process_id', q.processId], ['status', q.status]] as const) {
        if (value === undefined) continue;
        params.push(value);
        conditions.push(`${column} = $${params.length}`);
      }
      const where = conditions.join(' AND ');
      const offset = Math.max(0, q.offset ?? 0);
      const limit = Math.max(0, q.limit ?? 100);
      const { rows } = await this.pool.query<{ total: string; items: InstanceSummary[] }>(
        `SELECT (SELECT count(*) FROM projected_instances WHERE ${where}) AS total,
                (SELECT coalesce(json_agg(p.v ORDER BY p.seq), '[]') FROM
                   (SELECT seq, ${summaryJson} AS v FROM projected_instances WHERE ${where} ORDER BY seq OFFSET $${params.length + 1} LIMIT $${params.length + 2}) p) AS items`,
        [...params, offset, limit],
      );
      const total = Number(rows[0]?.total ?? 0);
      const items = rows[0]?.items ?? [];
      const next = offset + items.length;
      return next < total ? { items, total, nextOffset: next } : { items, total };
    });
  }

  /** Rows by (instance_id, position); the total is the copy's position, so a page never shows a gap. */
  readHistory(instanceId: string, page: PageRequest): Promise<Page<HistoryEntry>> {
    return this.guard(() => readHistoryPage(this.pool, { total: 'SELECT next_position FROM projected_instances WHERE instance_id = $1', table: 'projected_history' }, instanceId, page));
  }


  close(): Promise<void> {
    this.closing ??= this.pool.end().catch(() => undefined);
    return this.closing;
  }

  private guard<T>(work: () => Promise<T>): Promise<T> {
    return guarded(this.closing !== undefined, 'Postgres history store', work);
  }
}

/**
 * Connects, migrates the schema to this build's version (under the migration lock) and
 * returns the history store. Throws STORE_UNAVAILABLE when Postgres does not answer.
 */
export async function createPostgresHistoryStore(options: PostgresConnectionOptions): Promise<PostgresHistoryStore> {
  return new PostgresHistoryStore(await connectMigrated(options));
}
