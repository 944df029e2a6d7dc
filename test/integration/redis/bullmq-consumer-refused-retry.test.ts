import { Queue } from 'bullmq';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { BullmqConsumer } from '../../../shared/redis/src/bullmq-consumer.js';
import { deletePrefix, uniquePrefix } from './redis-test-support.js';

// Regression of a job lost in a Redis restart (found by test/cluster/redis-restart.test.ts):
// a delivery whose retry Redis refused (the store's fail-fast connection threw "Stream
// isn't writeable") failed the BullMQ job, and a failed job is deleted (removeOnFail), so
// its instance waited forever. Such a delivery must be left to the stalled checker.

describe('BullmqConsumer when Redis refuses a retry', () => {
  const prefix = uniquePrefix();
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
    await deletePrefix(prefix);
  });

  it('leaves the job to the stalled checker, which delivers it again, instead of deleting it', async () => {
    // given: a job whose first delivery asks for a retry that Redis refuses
    const connection = { url: inject('redisUrl'), maxRetriesPerRequest: null };
    const queue = new Queue('job.refused', { connection, prefix });
    closers.push(() => queue.close());
    await queue.add('job', {}, { jobId: 'k-1', removeOnComplete: true, removeOnFail: true });
    let deliveries = 0;
    const errors: unknown[] = [];
    const consumer = new BullmqConsumer<Record<string, never>>({
      queueName: 'job.refused',
      prefix,
      connection,
      concurrency: 1,
      lockMs: 1_000,
      process: async () => {
        deliveries += 1;
        return deliveries === 1 ? { retryAt: Date.now() + 60_000 } : undefined;
      },
      isSettled: async () => {
        if (deliveries === 1) throw new Error("Stream isn't writeable and enableOfflineQueue options is false");
        return false;
      },
      onError: (error) => errors.push(error),
    });
    closers.push(() => consumer.stop());

    // when / then: once its lock lapsed, the job is delivered again and completes
    await vi.waitFor(() => expect(deliveries).toBe(2), { timeout: 10_000, interval: 50 });
    await vi.waitFor(async () => expect(await queue.getJob('k-1')).toBeUndefined(), { timeout: 5_000, interval: 50 });
    expect(errors.map((e) => (e as Error).message)).toContain("Stream isn't writeable and enableOfflineQueue options is false");
  });
});
