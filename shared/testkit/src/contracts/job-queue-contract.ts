import type { EnqueueRequest, JobQueue, LeasedJob, ScheduledTimer } from '@baton/runtime';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { uniqueId } from './fixtures.js';

/** Real servers under a loaded machine answer in seconds, not vi.waitFor's default 1 s; a broken contract still fails, later. */
const patiently = { timeout: 20_000, interval: 20 };

/** A queue under test and control over the time it runs on. */
export interface JobQueueHarness {
  readonly queue: JobQueue;
  /** Current time of the queue's clock (epoch ms). */
  now(): number;
  /** Moves the queue's clock on (a virtual clock advances; a real one is awaited). */
  advanceBy(ms: number): Promise<void>;
}

function job(capability: string, jobId = uniqueId('job'), notBefore?: number): EnqueueRequest {
  return {
    jobId,
    capability,
    payload: { jobKey: jobId, instanceId: 'i-1', elementId: 'task', elementInstanceId: 'ei-1', jobType: capability, retries: 3, customHeaders: {} },
    ...(notBefore === undefined ? {} : { notBefore }),
  };
}

const ids = (jobs: readonly LeasedJob[]) => jobs.map((j) => j.jobId);

/**
 * The JobQueue contract (see the port's TSDoc), written once and run on every
 * adapter. `make` returns a queue in a namespace of its own; it is closed after each test.
 */
export function jobQueueContract(make: () => JobQueueHarness | Promise<JobQueueHarness>): void {
  describe('JobQueue contract', () => {
    let h: JobQueueHarness;
    let cap: string;
    beforeEach(async () => {
      h = await make();
      cap = uniqueId('cap');
    });
    afterEach(async () => {
      await h.queue.close();
    });

    it('leases enqueued jobs oldest first, only to their capability, with the payload', async () => {
      const [a, b] = [job(cap), job(cap)];
      await h.queue.enqueue(a);
      await h.queue.enqueue(b);
      await h.queue.enqueue(job(`${cap}-other`));
      const leased = await h.queue.lease([cap], { max: 10, leaseMs: 10_000 });
      expect(ids(leased)).toEqual([a.jobId, b.jobId]);
      expect(leased[0]).toMatchObject({ capability: cap, payload: a.payload, attempt: 1 });
      expect(await h.queue.lease([cap], { max: 10, leaseMs: 10_000 })).toEqual([]);
    });

    it('ignores the enqueue of a known id', async () => {
      const first = job(cap);
      await h.queue.enqueue(first);
      await h.queue.enqueue({ ...first, payload: { ...first.payload, retries: 99 } });
      const leased = await h.queue.lease([cap], { max: 10, leaseMs: 10_000 });
      expect(leased).toHaveLength(1);
      expect(leased[0]?.payload.retries).toBe(3);
    });

    it('holds a job back until notBefore', async () => {
      const later = job(cap, uniqueId('job'), h.now() + 5_000);
      await h.queue.enqueue(later);
      expect(await h.queue.lease([cap], { max: 1, leaseMs: 10_000 })).toEqual([]);
      await h.advanceBy(5_000);
      expect(ids(await h.queue.lease([cap], { max: 1, leaseMs: 10_000 }))).toEqual([later.jobId]);
    });

    it('delivers a job again when its lease ends unacknowledged', async () => {
      const lost = job(cap);
      await h.queue.enqueue(lost);
      await h.queue.lease([cap], { max: 1, leaseMs: 1_000 });
      expect(await h.queue.lease([cap], { max: 1, leaseMs: 1_000 })).toEqual([]);
      await h.advanceBy(1_000);
      const again = await h.queue.lease([cap], { max: 1, leaseMs: 1_000 });
      expect(again).toMatchObject([{ jobId: lost.jobId, attempt: 2 }]);
    });

    it('forgets an acknowledged job, so its id can be enqueued anew', async () => {
      const done = job(cap);
      await h.queue.enqueue(done);
      await h.queue.lease([cap], { max: 1, leaseMs: 1_000 });
      await h.queue.ack(done.jobId);
      await h.advanceBy(1_000);
      expect(await h.queue.lease([cap], { max: 1, leaseMs: 1_000 })).toEqual([]);
      await h.queue.enqueue(done);
      expect(ids(await h.queue.lease([cap], { max: 1, leaseMs: 1_000 }))).toEqual([done.jobId]);
    });

    it('acks, releases and cancels jobs whose capability the caller names, and ignores a wrong one', async () => {
      // given three leased jobs of cap, and one more waiting
      const [acked, released, cancelled, other] = [job(cap), job(cap), job(cap), job(cap)];
      for (const j of [acked, released, cancelled]) await h.queue.enqueue(j);
      await h.queue.lease([cap], { max: 3, leaseMs: 60_000 });
      await h.queue.enqueue(other);
      // when each is settled naming its capability, and `other` is cancelled naming another one
      await h.queue.ack(acked.jobId, cap);
      await h.queue.release(released.jobId, { notBefore: h.now() + 1_000, capability: cap });
      await h.queue.cancel(cancelled.jobId, cap);
      await h.queue.cancel(other.jobId, `${cap}-elsewhere`);
      // then only `other` (at once) and `released` (after its notBefore) are delivered again
      expect(ids(await h.queue.lease([cap], { max: 10, leaseMs: 60_000 }))).toEqual([other.jobId]);
      await h.advanceBy(1_000);
      expect(ids(await h.queue.lease([cap], { max: 10, leaseMs: 60_000 }))).toEqual([released.jobId]);
      await h.advanceBy(60_000);
      expect(ids(await h.queue.lease([cap], { max: 10, leaseMs: 60_000 })).sort()).toEqual([other.jobId, released.jobId].sort());
    });

    it('releases a leased job until notBefore', async () => {
      const retried = job(cap);
      await h.queue.enqueue(retried);
      await h.queue.lease([cap], { max: 1, leaseMs: 60_000 });
      await h.queue.release(retried.jobId, { notBefore: h.now() + 2_000 });
      expect(await h.queue.lease([cap], { max: 1, leaseMs: 60_000 })).toEqual([]);
      await h.advanceBy(2_000);
      expect(ids(await h.queue.lease([cap], { max: 1, leaseMs: 60_000 }))).toEqual([retried.jobId]);
    });

    it('never delivers a cancelled job, waiting or leased', async () => {
      const [waiting, leased] = [job(cap), job(cap)];
      await h.queue.enqueue(leased);
      await h.queue.lease([cap], { max: 1, leaseMs: 1_000 });
      await h.queue.enqueue(waiting);
      await h.queue.cancel(waiting.jobId);
      await h.queue.cancel(leased.jobId);
      await h.queue.cancel('unknown-job');
      await h.advanceBy(1_000);
      expect(await h.queue.lease([cap], { max: 10, leaseMs: 1_000 })).toEqual([]);
    });

    it('pushes jobs to a consumer: done is acknowledged, a throw retries after back-off, retryAt retries then', async () => {
      // given a consumer that fails its first delivery of "flaky" and defers "later" once
      const [ok, flaky, later] = [job(cap), job(cap), job(cap)];
      const seen: string[] = [];
      const consumer = h.queue.consume(
        [cap],
        async (j) => {
          seen.push(`${j.jobId}#${j.attempt}`);
          if (j.jobId === flaky.jobId && j.attempt === 1) throw new Error('transient');
          if (j.jobId === later.jobId && j.attempt === 1) return { retryAt: h.now() + 3_000 };
          return undefined;
        },
        { backoffMs: 1_000 },
      );
      // when
      for (const j of [ok, flaky, later]) await h.queue.enqueue(j);
      await vi.waitFor(() => expect(seen).toHaveLength(3), patiently);
      await h.advanceBy(3_000);
      // then each retried once, and nothing is left
      await vi.waitFor(() => expect([...seen].sort()).toEqual([`${ok.jobId}#1`, `${flaky.jobId}#1`, `${flaky.jobId}#2`, `${later.jobId}#1`, `${later.jobId}#2`].sort()), patiently);
      await consumer.stop();
      await h.advanceBy(120_000);
      expect(await h.queue.lease([cap], { max: 10, leaseMs: 1_000 })).toEqual([]);
    });

    it('fires timers once each, in due order, unless cancelled', async () => {
      // given three timers, one cancelled, one scheduled twice
      const at = h.now();
      const timer = (key: string, dueAt: number): ScheduledTimer => ({ kind: 'instance', timerKey: key, dueAt, instanceId: 'i-1', elementId: 'wait' });
      const [late, early, gone] = [uniqueId('late'), uniqueId('early'), uniqueId('gone')];
      const fired: string[] = [];
      const consumer = h.queue.consumeTimers(async (t) => {
        fired.push(t.timerKey);
      });
      await h.queue.scheduleTimer(timer(late, at + 20_000));
      await h.queue.scheduleTimer(timer(early, at + 10_000));
      await h.queue.scheduleTimer(timer(early, at + 15_000));
      await h.queue.scheduleTimer(timer(gone, at + 5_000));
      await h.queue.cancelTimer(gone);
      // when
      // (gaps of seconds: a queue on the real clock, skewed by advanceBy, still lets real time pass while the test schedules)
      await h.advanceBy(9_000);
      expect(fired).toEqual([]);
      await h.advanceBy(11_000);
      // then
      await vi.waitFor(() => expect(fired).toEqual([early, late]), patiently);
      await consumer.stop();
    });

    it('keeps a timer that fell due with no handler until one registers', async () => {
      const key = uniqueId('timer');
      await h.queue.scheduleTimer({ kind: 'start', timerKey: key, dueAt: h.now() + 10, definitionKey: 'p:1', elementId: 'start' });
      await h.advanceBy(10);
      const fired: string[] = [];
      const consumer = h.queue.consumeTimers(async (t) => {
        fired.push(t.timerKey);
      });
      await vi.waitFor(() => expect(fired).toEqual([key]), patiently);
      await consumer.stop();
    });
  });
}
