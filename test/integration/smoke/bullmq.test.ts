import { randomUUID } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';

interface Sum {
  readonly a: number;
  readonly b: number;
}

/** Deletes every key under the prefix this test owned; never FLUSHALL (STYLE.md §6). */
async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 100 }) as AsyncIterable<string[]>) {
    if (keys.length > 0) await redis.del(...keys);
  }
}

describe('BullMQ on the provided Redis', () => {
  let redis: Redis;
  let prefix: string;

  beforeEach(() => {
    redis = new Redis(inject('redisUrl'));
    prefix = `baton-test-${randomUUID()}`;
  });

  afterEach(async () => {
    await deleteKeys(redis, prefix);
    expect(await redis.keys(`${prefix}:*`)).toEqual([]);
    await redis.quit();
  });

  it('carries a job from a Queue to a Worker and its result back', async () => {
    // given
    const connection = { url: inject('redisUrl') };
    const queueName = `smoke-${randomUUID()}`;
    const queue = new Queue<Sum, number>(queueName, { connection, prefix });
    const worker = new Worker<Sum, number>(queueName, async (job) => job.data.a + job.data.b, { connection, prefix });
    const completed = new Promise<{ jobId: string | undefined; result: number }>((resolve, reject) => {
      worker.on('completed', (job, result) => resolve({ jobId: job.id, result }));
      worker.on('failed', (_job, error) => reject(error));
    });
    try {
      // when
      const job = await queue.add('sum', { a: 2, b: 3 });

      // then
      expect(await completed).toEqual({ jobId: job.id, result: 5 });
      expect(await queue.getJobCounts('completed', 'failed')).toEqual({ completed: 1, failed: 0 });
      expect(await redis.exists(`${prefix}:${queueName}:${job.id}`)).toBe(1);
    } finally {
      await worker.close();
      await queue.close();
    }
  });
});
