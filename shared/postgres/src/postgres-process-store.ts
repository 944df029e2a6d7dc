import type {
  BufferedMessage,
  CommitRequest,
  DeploymentRecord,
  DeploymentSummary,
  FormRecord,
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
  MessageIdClaim,
  NewDeployment,
  OutboxEntry,
  Page,
  PageRequest,
  ProcessStore,
  StartEventTarget,
  UserTaskQuery,
  VersionedState,
} from '@baton/runtime';
import type { InstanceState } from '@baton/core';
import type pg from 'pg';
import { BatonError } from '@baton/errors';
import { guarded, withinMs, type PostgresConnectionOptions } from './connection.js';
import { connectMigrated } from './migrate.js';
import { commitInstance } from './store-commit.js';
import { StoreDeployments } from './store-deployments.js';
import { StoreQueries } from './store-queries.js';

export interface PostgresProcessStoreOptions extends PostgresConnectionOptions {
  /**
   * How long an instance that ended (completed or terminated) stays readable, with its
   * history, before a later commit purges it. Default 24 h, as on Redis. Active
   * instances are always kept.
   */
  readonly endedRetentionMs?: number;
}

/** Default of {@link PostgresProcessStoreOptions.endedRetentionMs}: a day. */
export const defaultEndedRetentionMs = 86_400_000;

/** What one probe found (the engine's readiness check; the shape of the Redis store's). */
export interface PostgresStoreProbe {
  readonly epoch: string;
  /** Set when the schema's epoch changed since this adapter last saw it: the data it stood for is gone. */
  readonly lostEpoch?: { readonly was: string; readonly found: string };
}

/**
 * ProcessStore on Postgres (tables in 0001-initial.sql). A commit is one
 * transaction guarded by the state row's version (see store-commit.ts); reads are
 * single statements. Driver errors surface as STORE_UNAVAILABLE.
 */
export class PostgresProcessStore implements ProcessStore {
  private readonly queries: StoreQueries;
  private readonly deployments: StoreDeployments;
  private closing: Promise<void> | undefined;
  private seenEpoch: string | undefined;

  constructor(
    private readonly pool: pg.Pool,
    private readonly endedRetentionMs = defaultEndedRetentionMs,
  ) {
    this.queries = new StoreQueries(pool);
    this.deployments = new StoreDeployments(pool);
  }

  /**
   * A bounded health probe (not part of the port): reads the schema's epoch; throws
   * STORE_UNAVAILABLE past `timeoutMs`, and when the session cannot write (a database
   * turned read-only, a standby), since every command commits.
   */
  probe(timeoutMs: number): Promise<PostgresStoreProbe> {
    return this.guard(async () => {
      const { rows } = await withinMs(
        timeoutMs,
        'the readiness probe',
        this.pool.query<{ epoch: string; is_read_only: boolean }>("SELECT epoch, current_setting('transaction_read_only') = 'on' AS is_read_only FROM store_meta"),
      );
      if (rows[0]?.is_read_only === true) {
        throw new BatonError('STORE_UNAVAILABLE', 'Postgres is read-only (default_transaction_read_only, or a standby): every commit would be refused; make it writable or point the node at the primary.');
      }
      const found = rows[0]?.epoch ?? 'missing';
      const was = this.seenEpoch;
      this.seenEpoch = found;
      return was === undefined || was === found ? { epoch: found } : { epoch: found, lostEpoch: { was, found } };
    });
  }

  load(instanceId: string): Promise<VersionedState | undefined> {
    return this.guard(async () => {
      const { rows } = await this.pool.query<{ version: number; state: InstanceState }>('SELECT version, state FROM instances WHERE instance_id = $1', [instanceId]);
      const row = rows[0];
      return row === undefined ? undefined : { version: row.version, state: row.state };
    });
  }

  commit(request: CommitRequest): Promise<number> {
    return this.guard(() => commitInstance(this.pool, request, this.endedRetentionMs));
  }

  findUserTasks(query: UserTaskQuery): Promise<Page<IndexedUserTask>> {
    return this.guard(() => this.queries.findUserTasks(query));
  }

  findJobs(query: JobQuery): Promise<Page<IndexedJob>> {
    return this.guard(() => this.queries.findJobs(query));
  }

  findIncidents(query: IncidentQuery): Promise<Page<IndexedIncident>> {
    return this.guard(() => this.queries.findIncidents(query));
  }

  findWait(key: string): Promise<IndexedWait | undefined> {
    return this.guard(() => this.queries.findWait(key));
  }

  findMessageSubscriptions(messageName: string, correlationKey: string | undefined): Promise<readonly IndexedMessageSubscription[]> {
    return this.guard(() => this.queries.findMessageSubscriptions(messageName, correlationKey));
  }

  findSignalSubscriptions(signalName: string): Promise<readonly IndexedSignalSubscription[]> {
    return this.guard(() => this.queries.findSignalSubscriptions(signalName));
  }

  findInstances(query: InstanceQuery): Promise<Page<InstanceSummary>> {
    return this.guard(() => this.queries.findInstances(query));
  }

  readHistory(instanceId: string, page: PageRequest): Promise<Page<HistoryEntry>> {
    return this.guard(() => this.queries.readHistory(instanceId, page));
  }

  saveDeployment(deployment: NewDeployment): Promise<{ readonly record: DeploymentRecord; readonly isNew: boolean }> {
    return this.guard(() => this.deployments.save(deployment));
  }

  getDeployment(definitionKey: string): Promise<DeploymentRecord | undefined> {
    return this.guard(() => this.deployments.get(definitionKey));
  }

  latestDeployment(processId: string): Promise<DeploymentRecord | undefined> {
    return this.guard(() => this.deployments.latest(processId));
  }

  deleteDeployment(definitionKey: string, deletedAt: number): Promise<{ readonly newLatest?: DeploymentRecord } | undefined> {
    return this.guard(() => this.deployments.delete(definitionKey, deletedAt));
  }

  listDeployments(query: { readonly processId?: string }): Promise<readonly DeploymentSummary[]> {
    return this.guard(() => this.deployments.list(query.processId));
  }

  saveForm(form: FormRecord): Promise<void> {
    return this.guard(() => this.deployments.saveForm(form));
  }

  getForm(formId: string): Promise<FormRecord | undefined> {
    return this.guard(() => this.deployments.form(formId));
  }

  findMessageStartEvents(messageName: string): Promise<readonly StartEventTarget[]> {
    return this.guard(() => this.deployments.startTargets('message', messageName));
  }

  findSignalStartEvents(signalName: string): Promise<readonly StartEventTarget[]> {
    return this.guard(() => this.deployments.startTargets('signal', signalName));
  }

  /** One upsert: a new claim inserts, an expired one is taken over, a live one is left (no row returned). */
  claimMessageId(claim: MessageIdClaim): Promise<boolean> {
    return this.guard(async () => {
      const key = JSON.stringify([claim.messageName, claim.correlationKey ?? null, claim.messageId]);
      const { rowCount } = await this.pool.query(
        `INSERT INTO message_claims (claim_key, expires_at) VALUES ($1, $2)
         ON CONFLICT (claim_key) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE message_claims.expires_at < $3
         RETURNING 1`,
        [key, claim.expiresAt, claim.now],
      );
      return rowCount === 1;
    });
  }

  bufferMessage(message: BufferedMessage): Promise<void> {
    return this.guard(async () => {
      await this.pool.query(
        `INSERT INTO buffered_messages (message_id, message_name, correlation_key, expires_at, message) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (message_id) DO NOTHING`,
        [message.messageId, message.messageName, message.correlationKey ?? null, message.expiresAt, JSON.stringify(message)],
      );
    });
  }

  /** One DELETE of the oldest alive match, row-locked with SKIP LOCKED: two takers never get one message. */
  takeBufferedMessage(messageName: string, correlationKey: string | undefined, now: number): Promise<BufferedMessage | undefined> {
    return this.guard(async () => {
      const { rows } = await this.pool.query<{ message: BufferedMessage }>(
        `DELETE FROM buffered_messages WHERE message_id = (
           SELECT message_id FROM buffered_messages
           WHERE message_name = $1 AND ($2::text IS NULL OR correlation_key = $2) AND expires_at >= $3
           ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED)
         RETURNING message`,
        [messageName, correlationKey ?? null, now],
      );
      return rows[0]?.message;
    });
  }

  /** One UPDATE of the `keys` counter: its row lock serializes reservations, so blocks never overlap. */
  reserveKeys(count: number): Promise<number> {
    return this.guard(async () => {
      const { rows } = await this.pool.query<{ first: string }>("UPDATE counters SET value = value + $1 WHERE name = 'keys' RETURNING value - $1 + 1 AS first", [count]);
      const first = rows[0]?.first;
      if (first === undefined) throw new BatonError('STORE_UNAVAILABLE', 'The Postgres store has no key counter; run `baton db migrate`.');
      return Number(first);
    });
  }

  readOutbox(query: { readonly committedBefore: number; readonly limit: number }): Promise<readonly OutboxEntry[]> {
    return this.guard(async () => {
      if (query.limit <= 0) return [];
      const { rows } = await this.pool.query<{ entry: OutboxEntry }>('SELECT entry FROM outbox WHERE committed_at <= $1 ORDER BY committed_at, seq LIMIT $2', [
        query.committedBefore,
        query.limit,
      ]);
      return rows.map((row) => row.entry);
    });
  }

  ackOutbox(outboxIds: readonly string[]): Promise<void> {
    return this.guard(async () => {
      if (outboxIds.length > 0) await this.pool.query('DELETE FROM outbox WHERE outbox_id = ANY($1::text[])', [outboxIds]);
    });
  }

  close(): Promise<void> {
    this.closing ??= this.pool.end().catch(() => undefined);
    return this.closing;
  }

  private guard<T>(work: () => Promise<T>): Promise<T> {
    return guarded(this.closing !== undefined, 'Postgres store', work);
  }
}

/**
 * Connects, migrates the schema to this build's version (under the migration lock)
 * and returns the store. Throws STORE_UNAVAILABLE when Postgres does not answer.
 */
export async function createPostgresProcessStore(options: PostgresProcessStoreOptions): Promise<PostgresProcessStore> {
  return new PostgresProcessStore(await connectMigrated(options), options.endedRetentionMs ?? defaultEndedRetentionMs);
}
