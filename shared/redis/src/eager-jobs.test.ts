import type { LeasedJob } from '@baton/runtime';
import type { Job } from 'bullmq';
import { describe, expect, it } from 'vitest';
import type { JobData } from './bullmq-names.js';
import { EagerJobs, type EagerHost } from './eager-jobs.js';

/** The slot accounting of eager dispatch; its Redis side is in test/integration/redis/eager-dispatch.test.ts. */
describe('EagerJobs slots', () => {
  const data = (jobKey: string): JobData => ({
    capability: 'work',
    payload: { jobKey, instanceId: 'i1', elementId: 't', elementInstanceId: 'i1.1', jobType: 'work', retries: 3, customHeaders: {} },
  });

  /** A host whose BullMQ jobs record what happened to them. */
  function host(): EagerHost & { readonly removed: string[]; readonly settled: Set<string> } {
    const removed: string[] = [];
    const settled = new Set<string>();
    return {
      removed,
      settled,
      addLeased: async (_capability, jobId) =>
        ({ remove: async () => void removed.push(jobId), changeDelay: async () => undefined }) as unknown as Job<JobData>,
      hold: () => undefined,
      take: (id) => settled.delete(id),
      reportError: (error) => {
        throw error;
      },
    };
  }

  it('runs at most `concurrency` jobs at once; the rest go to the queue', async () => {
    // given one slot and a handler that waits
    const h = host();
    const eager = new EagerJobs(h);
    let finish: () => void = () => undefined;
    eager.register('work', { handler: () => new Promise<void>((done) => (finish = done)), leaseMs: 60_000, backoffMs: 1_000, concurrency: 1 });
    // when two jobs come while the first runs
    expect(await eager.tryRun('work', 'j1', 'k-j1', data('j1'))).toBe(true);
    expect(await eager.tryRun('work', 'j2', 'k-j2', data('j2'))).toBe(false);
    // then the slot is free again once the first ended
    finish();
    await expect.poll(() => h.removed).toEqual(['j1']);
    expect(await eager.tryRun('work', 'j3', 'k-j3', data('j3'))).toBe(true);
  });

  it("hands a run's slot over to the job its own completion creates, once", async () => {
    // given one slot; the first job's handler enqueues the instance's next job, then a third
    const h = host();
    const eager = new EagerJobs(h);
    const taken: boolean[] = [];
    eager.register('work', {
      handler: async (job: LeasedJob) => {
        if (job.jobId !== 'j1') return;
        taken.push(await eager.tryRun('work', 'j2', 'k-j2', data('j2')));
        taken.push(await eager.tryRun('work', 'j3', 'k-j3', data('j3')));
      },
      leaseMs: 60_000,
      backoffMs: 1_000,
      concurrency: 1,
    });
    // when the first job runs
    expect(await eager.tryRun('work', 'j1', 'k-j1', data('j1'))).toBe(true);
    // then its next job took its slot, the third had to queue
    await expect.poll(() => taken).toEqual([true, false]);
    await expect.poll(() => [...h.removed].sort()).toEqual(['j1', 'j2']);
  });

  it('frees the slot as soon as the engine acks the job, before the run has removed it', async () => {
    // given one slot and a run whose job the engine acks while its handler still runs
    const h = host();
    const eager = new EagerJobs(h);
    const finish = new Map<string, () => void>();
    eager.register('work', { handler: (job) => new Promise<void>((done) => void finish.set(job.jobId, done)), leaseMs: 60_000, backoffMs: 1_000, concurrency: 1 });
    expect(await eager.tryRun('work', 'j1', 'k-j1', data('j1'))).toBe(true);
    // when the engine acks it
    h.settled.add('k-j1');
    eager.settled('k-j1');
    // then a new job gets the slot, and the acked one is still removed when its run ends
    expect(await eager.tryRun('work', 'j2', 'k-j2', data('j2'))).toBe(true);
    finish.get('j1')?.();
    await expect.poll(() => h.removed).toEqual(['j1']);
  });
});
