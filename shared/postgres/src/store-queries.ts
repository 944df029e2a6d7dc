import type {
  HistoryEntry,
  IncidentQuery,
  IndexedIncident,
  IndexedJob,
  IndexedMessageSubscription,
  IndexedSignalSubscription,
  IndexedUserTask,
  IndexedWait,
  InstanceQuery,
  InstanceSummary,
  JobQuery,
  Page,
  PageRequest,
  UserTaskQuery,
} from '@baton/runtime';
import type pg from 'pg';

/** Conditions of one query and their parameters, built filter by filter. */
class Where {
  readonly params: unknown[] = [];
  private readonly conditions: string[];

  constructor(...fixed: string[]) {
    this.conditions = fixed;
  }

  /** Adds `sql` with `$?` standing for `value`'s parameter, when `value` is given. */
  add(sql: string, value: unknown): this {
    if (value === undefined) return this;
    this.params.push(value);
    this.conditions.push(sql.replace('$?', `$${this.params.length}`));
    return this;
  }

  /** Adds a condition without parameters. */
  also(sql: string): this {
    this.conditions.push(sql);
    return this;
  }

  toString(): string {
    return this.conditions.length === 0 ? 'true' : this.conditions.join(' AND ');
  }
}

/**
 * One page of `column` (JSON) from `table` rows matching `where`, by `seq` (creation
 * order), and the total: one statement, so both come from one snapshot.
 */
async function pageOf<T>(pool: pg.Pool, table: string, column: string, where: Where, page: PageRequest): Promise<Page<T>> {
  const offset = Math.max(0, page.offset ?? 0);
  const limit = Math.max(0, page.limit ?? 100);
  const n = where.params.length;
  const { rows } = await pool.query<{ total: string; items: T[] }>(
    `SELECT (SELECT count(*) FROM ${table} WHERE ${where}) AS total,
            (SELECT coalesce(json_agg(p.v ORDER BY p.seq), '[]') FROM
               (SELECT seq, ${column} AS v FROM ${table} WHERE ${where} ORDER BY seq OFFSET $${n + 1} LIMIT $${n + 2}) p) AS items`,
    [...where.params, offset, limit],
  );
  const total = Number(rows[0]?.total ?? 0);
  const items = rows[0]?.items ?? [];
  const next = offset + items.length;
  return next < total ? { items, total, nextOffset: next } : { items, total };
}

const summaryJson = `json_strip_nulls(json_build_object('instanceId', instance_id, 'processId', process_id, 'definitionKey', definition_key,
  'rootInstanceId', root_instance_id, 'status', status, 'parentInstanceId', parent_instance_id, 'startedAt', started_at, 'endedAt', ended_at, 'version', version))`;

/** The store's reads: each filter is a column the migration indexes (see 0001-initial.sql). */
export class StoreQueries {
  constructor(private readonly pool: pg.Pool) {}

  findUserTasks(q: UserTaskQuery): Promise<Page<IndexedUserTask>> {
    const where = new Where("kind = 'userTask'")
      .add('instance_id = $?', q.instanceId)
      .add('root_instance_id = $?', q.rootInstanceId)
      .add('process_id = $?', q.processId)
      .add('element_id = $?', q.elementId)
      .add('assignee = $?', q.assignee)
      .add('candidate_groups @> ARRAY[$?::text]', q.candidateGroup)
      .add('candidate_users @> ARRAY[$?::text]', q.candidateUser);
    if (q.state !== undefined) where.also(q.state === 'assigned' ? 'assignee IS NOT NULL' : 'assignee IS NULL');
    return pageOf(this.pool, 'waits', 'wait', where, q);
  }

  findJobs(q: JobQuery): Promise<Page<IndexedJob>> {
    const where = new Where("kind = 'job'")
      .add('instance_id = $?', q.instanceId)
      .add('root_instance_id = $?', q.rootInstanceId)
      .add('element_id = $?', q.elementId)
      .add('job_type = $?', q.jobType)
      .add('job_state = $?', q.state);
    return pageOf(this.pool, 'waits', 'wait', where, q);
  }

  findIncidents(q: IncidentQuery): Promise<Page<IndexedIncident>> {
    const where = new Where()
      .add('incident_key = $?', q.incidentKey)
      .add('instance_id = $?', q.instanceId)
      .add('root_instance_id = $?', q.rootInstanceId)
      .add('process_id = $?', q.processId);
    return pageOf(this.pool, 'incidents', 'incident', where, q);
  }

  async findWait(key: string): Promise<IndexedWait | undefined> {
    const { rows } = await this.pool.query<{ wait: IndexedWait }>('SELECT wait FROM waits WHERE wait_key = $1', [key]);
    return rows[0]?.wait;
  }

  findMessageSubscriptions(messageName: string, correlationKey: string | undefined): Promise<readonly IndexedMessageSubscription[]> {
    return this.waitsWhere("kind = 'message' AND message_name = $1 AND (correlation_key IS NULL OR correlation_key = $2)", [messageName, correlationKey ?? null]);
  }

  findSignalSubscriptions(signalName: string): Promise<readonly IndexedSignalSubscription[]> {
    return this.waitsWhere("kind = 'signal' AND signal_name = $1", [signalName]);
  }

  /** Every open wait matching `where`, oldest first (the subscription lists are short: no paging). */
  private async waitsWhere<T extends IndexedWait>(where: string, params: readonly unknown[]): Promise<readonly T[]> {
    const { rows } = await this.pool.query<{ wait: T }>(`SELECT wait FROM waits WHERE ${where} ORDER BY seq`, [...params]);
    return rows.map((row) => row.wait);
  }

  findInstances(q: InstanceQuery): Promise<Page<InstanceSummary>> {
    const where = new Where().add('root_instance_id = $?', q.rootInstanceId).add('process_id = $?', q.processId).add('status = $?', q.status);
    return pageOf<InstanceSummary>(this.pool, 'instances', summaryJson, where, q);
  }

  /** Rows by (instance_id, position): O(log n + page) however long the history is. */
  readHistory(instanceId: string, page: PageRequest): Promise<Page<HistoryEntry>> {
    return readHistoryPage(this.pool, { total: 'SELECT history_count FROM instances WHERE instance_id = $1', table: 'history' }, instanceId, page);
  }
}

/**
 * One page of an instance's history rows by (instance_id, position), with its total from
 * `source.total` (a scalar query on $1, the instance id): the store's own history and the
 * projected copy (postgres-history-store.ts) read alike.
 */
export async function readHistoryPage(
  pool: pg.Pool,
  source: { readonly total: string; readonly table: 'history' | 'projected_history' },
  instanceId: string,
  page: PageRequest,
): Promise<Page<HistoryEntry>> {
  const offset = Math.max(0, page.offset ?? 0);
  const limit = Math.max(0, page.limit ?? 100);
  const { rows } = await pool.query<{ total: number | null; items: HistoryEntry[] }>(
    `SELECT (${source.total}) AS total,
            (SELECT coalesce(json_agg(json_build_object('position', position, 'at', at, 'commandId', command_id, 'event', event) ORDER BY position), '[]')
               FROM ${source.table} WHERE instance_id = $1 AND position >= $2 AND position < $2 + $3) AS items`,
    [instanceId, offset, limit],
  );
  const total = rows[0]?.total ?? 0;
  const items = rows[0]?.items ?? [];
  const next = offset + items.length;
  return next < total ? { items, total, nextOffset: next } : { items, total };
}
