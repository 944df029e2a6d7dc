import { readFileSync } from 'node:fs';
import { createInMemoryMessageBus } from '@baton/memory';
import { createBullmqJobQueue, createRedisProcessStore } from '@baton/redis';
import { createEngine, systemClock } from '@baton/runtime';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { watch } from '../../bench/redis-monitor.js';
import { deletePrefix, uniquePrefix } from './redis-test-support.js';

const oneTask = readFileSync(new URL('../../bench/models/one-task.bpmn', import.meta.url), 'utf8');
const prefixes: string[] = [];

afterAll(async () => {
  await Promise.all(prefixes.map((prefix) => deletePrefix(prefix)));
});

async function engineOnRedis() {
  const url = inject('redisUrl');
  const prefix = uniquePrefix();
  prefixes.push(prefix);
  const store = await createRedisProcessStore({ url, prefix, onWarning: () => undefined });
  const queue = await createBullmqJobQueue({ url, prefix, onWarning: () => undefined });
  const engine = createEngine({ store, queue, bus: createInMemoryMessageBus({ clock: systemClock() }), clock: systemClock(), nodeId: 'rt' });
  await engine.deploy([{ name: 'one-task.bpmn', xml: oneTask }]);
  return {
    url,
    prefix,
    engine,
    close: async () => {
      await engine.close();
      await queue.close();
      await store.close();
    },
  };
}

describe('Redis round trips (issue 18)', () => {
  it('completes an external job in 2 round trips (state read, commit); the BullMQ removal follows off the path', async () => {
    // given an instance waiting on an activated external job
    const { url, engine, close } = await engineOnRedis();
    try {
      const instanceId = (await engine.startInstance({ processId: 'bench-one-task' })).state.instanceId;
      const [job] = await engine.activateJobs({ type: 'work', maxJobs: 1, timeoutMs: 60_000, worker: 'rt' });
      expect(job?.instanceId).toBe(instanceId);
      // when it is completed
      const row = await watch(url, 'complete job', () => engine.completeJob({ jobKey: job?.jobKey ?? '', instanceId, variables: {} }));
      // then two commands ran before it resolved, and the removal ran after
      expect(row.onPath).toBe(2);
      expect(row.after).toBeGreaterThanOrEqual(1);
      expect((await engine.getInstance(instanceId)).state.status).toBe('completed');
    } finally {
      await close();
    }
  });

  it('trims the BullMQ event streams Baton never reads', async () => {
    // given 300 jobs run to completion by an in-process worker
    const { url, prefix, engine, close } = await engineOnRedis();
    const redis = new Redis(url);
    try {
      let done = 0;
      engine.startWorkers({ work: async () => void (done += 1) });
      for (let i = 0; i < 300; i += 1) await engine.startInstance({ processId: 'bench-one-task' });
      await expect.poll(() => done, { timeout: 60_000 }).toBe(300);
      // then the queue's event stream holds at most one stream node (~100 entries), not one entry per event
      const length = await redis.xlen(`${prefix}:job.work:events`);
      expect(length).toBeLessThanOrEqual(100);
      expect(await redis.hget(`${prefix}:job.work:meta`, 'opts.maxLenEvents')).toBe('0');
    } finally {
      redis.disconnect();
      await close();
    }
  });
});
