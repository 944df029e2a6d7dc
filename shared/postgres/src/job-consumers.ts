import type { Clock, ConsumeOptions, JobHandler, LeasedJob, ScheduledCallback, ScheduledTimer, TimerHandler } from '@baton/runtime';
import type pg from 'pg';
import { Poller, type PassOutcome } from './poller.js';

/** How long a timer being fired stays hidden from other nodes; a node that dies meanwhile leaves it to them after this. */
export const timerLeaseMs = 60_000;
/** Back-off of a timer whose handler threw. */
const timerBackoffMs = 1_000;
const timerBatch = 32;

/** Leases up to `max` deliverable jobs of `capabilities` (oldest first): one UPDATE over rows locked with SKIP LOCKED. */
export async function leaseJobs(pool: pg.Pool, capabilities: readonly string[], max: number, leaseMs: number, now: number): Promise<LeasedJob[]> {
  if (max <= 0 || capabilities.length === 0) return [];
  const { rows } = await pool.query<{ job_id: string; capability: string; payload: LeasedJob['payload']; attempt: number; due_at: string; seq: string }>(
    `UPDATE jobs SET due_at = $3 + $4, attempt = attempt + 1
     WHERE job_id IN (SELECT job_id FROM jobs WHERE capability = ANY($1::text[]) AND due_at <= $3 ORDER BY seq LIMIT $2 FOR UPDATE SKIP LOCKED)
     RETURNING job_id, capability, payload, attempt, due_at, seq`,
    [capabilities, max, now, leaseMs],
  );
  return rows
    .sort((a, b) => Number(a.seq) - Number(b.seq))
    .map((row) => ({ jobId: row.job_id, capability: row.capability, payload: row.payload, attempt: row.attempt, leaseUntil: Number(row.due_at) }));
}

/** The earliest `due_at` after `now` of the rows `where` picks ($1 is now), if any. */
async function nextDue(pool: pg.Pool, from: string, params: readonly unknown[]): Promise<number | undefined> {
  const { rows } = await pool.query<{ next: string | null }>(`SELECT min(due_at) AS next FROM ${from} AND due_at > $1`, [...params]);
  const next = rows[0]?.next;
  return next === null || next === undefined ? undefined : Number(next);
}

/**
 * A push consumer: leases what it has room for, runs the handler, then acks (deletes)
 * or releases the job, both only while the delivery is still the one it leased
 * (`attempt` unchanged). Leases of running handlers are renewed at two thirds of
 * their length, so a slow handler keeps its job and a dead node's jobs come back.
 */
export class JobConsumer {
  private inFlight = 0;
  private readonly settled = new Set<Promise<void>>();
  private readonly poller: Poller;
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly backoffMs: number;

  constructor(
    private readonly pool: pg.Pool,
    private readonly clock: Clock,
    private readonly capabilities: readonly string[],
    private readonly handler: JobHandler,
    options: ConsumeOptions,
    pollMs: number,
    private readonly onError: (error: unknown) => void,
  ) {
    this.concurrency = options.concurrency ?? 32;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.backoffMs = options.backoffMs ?? 1_000;
    this.poller = new Poller(clock, pollMs, () => this.pass(), onError);
  }

  handles(capability: string): boolean {
    return this.capabilities.includes(capability);
  }

  kick(): Promise<void> {
    return this.poller.kick();
  }

  async stop(): Promise<void> {
    await this.poller.stop();
    await Promise.all([...this.settled]);
  }

  private async pass(): Promise<PassOutcome> {
    const room = this.concurrency - this.inFlight;
    const now = this.clock.now();
    const jobs = await leaseJobs(this.pool, this.capabilities, room, this.leaseMs, now);
    for (const job of jobs) this.run(job);
    if (room > 0 && jobs.length === room) return { more: true };
    const nextAt = await nextDue(this.pool, 'jobs WHERE capability = ANY($2::text[])', [now, this.capabilities]);
    return nextAt === undefined ? { more: false } : { more: false, nextAt };
  }

  private run(job: LeasedJob): void {
    this.inFlight += 1;
    let renewal: ScheduledCallback | undefined;
    const renew = (leaseUntil: number): void => {
      renewal = this.clock.schedule(leaseUntil - Math.floor(this.leaseMs / 3), async () => {
        const until = this.clock.now() + this.leaseMs;
        const { rowCount } = await this.pool
          .query('UPDATE jobs SET due_at = $3 WHERE job_id = $1 AND attempt = $2', [job.jobId, job.attempt, until])
          .catch((error: unknown) => (this.onError(error), { rowCount: 0 }));
        if (rowCount === 1) renew(until);
      });
    };
    renew(job.leaseUntil);
    const done = this.settle(job).finally(() => {
      renewal?.cancel();
      this.inFlight -= 1;
      this.settled.delete(done);
      void this.poller.kick();
    });
    this.settled.add(done);
  }

  private async settle(job: LeasedJob): Promise<void> {
    let retryAt: number | undefined;
    try {
      retryAt = (await this.handler(job))?.retryAt;
    } catch (error) {
      this.onError(error);
      retryAt = this.clock.now() + this.backoffMs * 2 ** (job.attempt - 1);
    }
    try {
      if (retryAt === undefined) await this.pool.query('DELETE FROM jobs WHERE job_id = $1 AND attempt = $2', [job.jobId, job.attempt]);
      else await this.pool.query('UPDATE jobs SET due_at = $3 WHERE job_id = $1 AND attempt = $2', [job.jobId, job.attempt, retryAt]);
    } catch (error) {
      // The lease ends by itself and the job comes back: at least once.
      this.onError(error);
    }
  }
}

/**
 * The node's timer consumer: takes due timers (earliest first) with SKIP LOCKED and
 * hides them from other nodes for {@link timerLeaseMs}; each is deleted after its
 * handler resolves, or due again after a back-off when it throws.
 */
export class TimerConsumer {
  private readonly poller: Poller;

  constructor(
    private readonly pool: pg.Pool,
    private readonly clock: Clock,
    private readonly handler: TimerHandler,
    pollMs: number,
    private readonly onError: (error: unknown) => void,
  ) {
    this.poller = new Poller(clock, pollMs, () => this.pass(), onError);
  }

  kick(): Promise<void> {
    return this.poller.kick();
  }

  stop(): Promise<void> {
    return this.poller.stop();
  }

  private async pass(): Promise<PassOutcome> {
    const now = this.clock.now();
    const { rows } = await this.pool.query<{ timer: ScheduledTimer; due_at: string }>(
      `UPDATE timers SET due_at = $1 + $2
       WHERE timer_key IN (SELECT timer_key FROM timers WHERE due_at <= $1 ORDER BY due_at, timer_key LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING timer, due_at`,
      [now, timerLeaseMs, timerBatch],
    );
    rows.sort((a, b) => a.timer.dueAt - b.timer.dueAt);
    for (const { timer, due_at: leasedUntil } of rows) {
      try {
        await this.handler(timer);
        await this.pool.query('DELETE FROM timers WHERE timer_key = $1 AND due_at = $2', [timer.timerKey, leasedUntil]);
      } catch (error) {
        this.onError(error);
        await this.pool.query('UPDATE timers SET due_at = $3 WHERE timer_key = $1 AND due_at = $2', [timer.timerKey, leasedUntil, this.clock.now() + timerBackoffMs]);
      }
    }
    if (rows.length === timerBatch) return { more: true };
    const nextAt = await nextDue(this.pool, 'timers WHERE true', [now]);
    return nextAt === undefined ? { more: false } : { more: false, nextAt };
  }
}
