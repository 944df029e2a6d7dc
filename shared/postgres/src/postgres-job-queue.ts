import type { Clock, ConsumeOptions, ConsumerHandle, EnqueueRequest, JobHandler, JobQueue, LeasedJob, ScheduledTimer, TimerHandler } from '@baton/runtime';
import type pg from 'pg';
import { defaultSchema, guarded, type PostgresConnectionOptions } from './connection.js';
import { JobConsumer, leaseJobs, TimerConsumer } from './job-consumers.js';
import { JobNotices, jobsChannel } from './job-notices.js';
import { connectMigrated } from './migrate.js';

export interface PostgresJobQueueOptions extends PostgresConnectionOptions {
  /** Time of delays, leases and back-off; the engine's clock. */
  readonly clock: Clock;
  /** Handler and poll failures (the job or timer comes back). */
  readonly onError?: (error: unknown) => void;
  /** How often consumers look for work other nodes added, in case a notice was lost; default 5 000 ms. */
  readonly pollMs?: number;
  /** Lease of a push consumer's delivery when its `consume` names none (`--job-lease-ms`): a dead node's job comes back after it. Default 60 000 ms. */
  readonly defaultLeaseMs?: number;
}

/**
 * JobQueue on Postgres (tables `jobs` and `timers`, see 0001-initial.sql): a job row
 * is deliverable while `due_at <= now`; a lease moves `due_at` to the lease's end and
 * counts the attempt, so a job whose worker died is delivered again when its lease
 * ends. Leases take rows with `FOR UPDATE SKIP LOCKED`, so nodes sharing the schema
 * never get one job twice at once. An enqueue or release notifies every node's
 * consumers of that capability (NOTIFY on `baton_jobs`, in the same statement); a
 * notice lost while a listener reconnects is made up by polling every `pollMs`.
 */
export class PostgresJobQueue implements JobQueue {
  private readonly consumers = new Set<JobConsumer>();
  private readonly timerConsumers = new Set<TimerConsumer>();
  private readonly onError: (error: unknown) => void;
  private readonly pollMs: number;
  private readonly defaultLeaseMs: number;
  private closing: Promise<void> | undefined;
  private notices: JobNotices | undefined;

  constructor(
    private readonly pool: pg.Pool,
    private readonly clock: Clock,
    private readonly schema: string,
    options: { readonly onError?: (error: unknown) => void; readonly pollMs?: number; readonly defaultLeaseMs?: number } = {},
  ) {
    this.onError = options.onError ?? (() => undefined);
    this.pollMs = options.pollMs ?? 5_000;
    this.defaultLeaseMs = options.defaultLeaseMs ?? 60_000;
  }

  /** Listens for peers' notices (see {@link JobNotices}); resolves once listening or once the first attempt failed. */
  listen(url: string): Promise<void> {
    this.notices ??= new JobNotices(url, this.schema, (capability) => this.wake(capability));
    return this.notices.start();
  }

  enqueue(request: EnqueueRequest): Promise<void> {
    return this.guard(async () => {
      const { rowCount } = await this.pool.query(
        `WITH added AS (INSERT INTO jobs (job_id, capability, payload, due_at) VALUES ($1, $2, $3, $4) ON CONFLICT (job_id) DO NOTHING RETURNING capability)
         SELECT pg_notify('${jobsChannel}', $5 || chr(10) || capability) FROM added`,
        [request.jobId, request.capability, JSON.stringify(request.payload), request.notBefore ?? this.clock.now(), this.schema],
      );
      if (rowCount === 1) this.wake(request.capability);
    });
  }

  cancel(jobId: string, capability?: string): Promise<void> {
    return this.forget(jobId, capability);
  }

  lease(capabilities: readonly string[], options: { readonly max: number; readonly leaseMs: number }): Promise<readonly LeasedJob[]> {
    return this.guard(() => leaseJobs(this.pool, capabilities, options.max, options.leaseMs, this.clock.now()));
  }

  ack(jobId: string, capability?: string): Promise<void> {
    return this.forget(jobId, capability);
  }

  release(jobId: string, options: { readonly notBefore?: number; readonly capability?: string } = {}): Promise<void> {
    return this.guard(async () => {
      const { rows } = await this.pool.query<{ capability: string }>(
        `WITH released AS (UPDATE jobs SET due_at = $2 WHERE job_id = $1 AND ($3::text IS NULL OR capability = $3) RETURNING capability)
         SELECT capability, pg_notify('${jobsChannel}', $4 || chr(10) || capability) FROM released`,
        [jobId, options.notBefore ?? this.clock.now(), options.capability ?? null, this.schema],
      );
      if (rows[0] !== undefined) this.wake(rows[0].capability);
    });
  }

  consume(capabilities: readonly string[], handler: JobHandler, options: ConsumeOptions = {}): ConsumerHandle {
    const consumer = new JobConsumer(this.pool, this.clock, capabilities, handler, { leaseMs: this.defaultLeaseMs, ...options }, this.pollMs, this.onError);
    this.consumers.add(consumer);
    void consumer.kick();
    return {
      stop: async () => {
        this.consumers.delete(consumer);
        await consumer.stop();
      },
    };
  }

  scheduleTimer(timer: ScheduledTimer): Promise<void> {
    return this.guard(async () => {
      const { rowCount } = await this.pool.query('INSERT INTO timers (timer_key, due_at, timer) VALUES ($1, $2, $3) ON CONFLICT (timer_key) DO NOTHING', [
        timer.timerKey,
        timer.dueAt,
        JSON.stringify(timer),
      ]);
      if (rowCount === 1) for (const consumer of this.timerConsumers) void consumer.kick();
    });
  }

  cancelTimer(timerKey: string): Promise<void> {
    return this.guard(async () => {
      await this.pool.query('DELETE FROM timers WHERE timer_key = $1', [timerKey]);
    });
  }

  consumeTimers(handler: TimerHandler): ConsumerHandle {
    const consumer = new TimerConsumer(this.pool, this.clock, handler, this.pollMs, this.onError);
    this.timerConsumers.add(consumer);
    void consumer.kick();
    return {
      stop: async () => {
        this.timerConsumers.delete(consumer);
        await consumer.stop();
      },
    };
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      const consumers = [...this.consumers, ...this.timerConsumers];
      this.consumers.clear();
      this.timerConsumers.clear();
      await Promise.all(consumers.map((consumer) => consumer.stop()));
      await this.notices?.close();
      await this.pool.end().catch(() => undefined);
    })();
    return this.closing;
  }

  private forget(jobId: string, capability: string | undefined): Promise<void> {
    return this.guard(async () => {
      await this.pool.query('DELETE FROM jobs WHERE job_id = $1 AND ($2::text IS NULL OR capability = $2)', [jobId, capability ?? null]);
    });
  }

  /** Local consumers of `capability` look at once (other nodes' see it at their next poll). */
  private wake(capability: string): void {
    for (const consumer of this.consumers) if (consumer.handles(capability)) void consumer.kick();
  }

  private guard<T>(work: () => Promise<T>): Promise<T> {
    return guarded(this.closing !== undefined, 'Postgres job queue', work);
  }
}

/** Connects, migrates the schema (under the migration lock) and returns the queue. Throws STORE_UNAVAILABLE when Postgres does not answer. */
export async function createPostgresJobQueue(options: PostgresJobQueueOptions): Promise<PostgresJobQueue> {
  const pool = await connectMigrated(options);
  const queue = new PostgresJobQueue(pool, options.clock, options.schema ?? defaultSchema, {
    ...(options.onError === undefined ? {} : { onError: options.onError }),
    ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
    ...(options.defaultLeaseMs === undefined ? {} : { defaultLeaseMs: options.defaultLeaseMs }),
  });
  await queue.listen(options.url);
  return queue;
}
