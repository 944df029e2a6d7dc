import { createPostgresJobQueue, type PostgresJobQueue } from '@baton/postgres';
import { VirtualClock, type EnqueueRequest } from '@baton/runtime';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { usePostgres } from './postgres-test-support.js';

const postgres = usePostgres();
// Generous for a loaded 2-core machine: a condition, not a timing assertion.
const loaded = { timeout: 15_000, interval: 20 };

function job(jobId: string): EnqueueRequest {
  return { jobId, capability: 'mail', payload: { jobKey: jobId, instanceId: 'i-1', elementId: 'send', elementInstanceId: 'ei-1', jobType: 'mail', retries: 3, customHeaders: {} } };
}

describe('PostgresJobQueue across nodes sharing one schema', () => {
  const queues: PostgresJobQueue[] = [];
  const clock = new VirtualClock(Date.UTC(2026, 0, 1));
  const node = async (schema: string, pollMs?: number): Promise<PostgresJobQueue> => {
    const queue = await createPostgresJobQueue({ url: postgres.url(), schema, clock, poolSize: 4, ...(pollMs === undefined ? {} : { pollMs }) });
    queues.push(queue);
    return queue;
  };
  afterEach(async () => {
    await Promise.all(queues.splice(0).map((queue) => queue.close()));
  });

  it('never leases one job to two nodes at once', async () => {
    // given 40 jobs and two nodes
    const schema = postgres.uniqueSchema();
    const [a, b] = [await node(schema), await node(schema)];
    for (let i = 0; i < 40; i++) await a.enqueue(job(`job-${i}`));
    // when both lease at the same moment, several times
    const leased = (await Promise.all([a, b, a, b].map((queue) => queue.lease(['mail'], { max: 15, leaseMs: 60_000 })))).flat().map((j) => j.jobId);
    // then every job went out once
    expect(leased).toHaveLength(40);
    expect(new Set(leased).size).toBe(40);
  });

  it('hands a dead node’s job to a peer when its lease ends', async () => {
    // given node A leased a job and died before acknowledging it
    const schema = postgres.uniqueSchema();
    const [a, b] = [await node(schema), await node(schema)];
    await a.enqueue(job('orphan'));
    expect(await a.lease(['mail'], { max: 1, leaseMs: 30_000 })).toMatchObject([{ jobId: 'orphan', attempt: 1 }]);
    await a.close();
    const seen: string[] = [];
    const consumer = b.consume(['mail'], async (j) => {
      seen.push(`${j.jobId}#${j.attempt}`);
    });
    // when the lease runs out
    await clock.advanceBy(30_000);
    // then node B gets it, as a second attempt, and acknowledges it
    await vi.waitFor(() => expect(seen).toEqual(['orphan#2']), loaded);
    await consumer.stop();
    await clock.advanceBy(60_000);
    expect(await b.lease(['mail'], { max: 1, leaseMs: 1_000 })).toEqual([]);
  });

  it('wakes a peer’s consumer at once through NOTIFY, without waiting for its poll', async () => {
    // given node B consumes mail and polls only hourly; node A has no consumer
    const schema = postgres.uniqueSchema();
    const [a, b] = [await node(schema, 3_600_000), await node(schema, 3_600_000)];
    const seen: string[] = [];
    const consumer = b.consume(['mail'], async (j) => void seen.push(j.jobId));
    // when A enqueues a job
    await a.enqueue(job('notified'));
    // then B runs it, told by A's notice
    await vi.waitFor(() => expect(seen).toEqual(['notified']), loaded);
    await consumer.stop();
  });

  it('fires a timer on one node only', async () => {
    // given a timer due now and two nodes consuming timers
    const schema = postgres.uniqueSchema();
    const [a, b] = [await node(schema), await node(schema)];
    const fired: string[] = [];
    const handles = [a, b].map((queue, i) => queue.consumeTimers(async (t) => void fired.push(`${t.timerKey}@${i}`)));
    // when it falls due
    await a.scheduleTimer({ kind: 'instance', timerKey: 'once', dueAt: clock.now() + 1_000, instanceId: 'i-1', elementId: 'wait' });
    await clock.advanceBy(1_000);
    // then exactly one node fired it, and it is gone
    await vi.waitFor(() => expect(fired).toHaveLength(1), loaded);
    await clock.advanceBy(120_000);
    expect(fired).toHaveLength(1);
    await Promise.all(handles.map((handle) => handle.stop()));
  });
});
