import { randomUUID } from 'node:crypto';
import { clusterNodesOf, createBullmqJobQueue, createRedisProcessStore } from '@baton/redis';
import { Cluster } from 'ioredis';
import { jobQueueContract, processStoreContract, startRedisCluster, type RunningRedisCluster } from '@baton/testkit';
import { afterAll, afterEach, beforeAll, describe, vi } from 'vitest';
import { SkewedWallClock } from '../redis/redis-test-support.js';

// Issue 18: the store and queue contracts on a real Redis Cluster of three masters
// (local redis-server processes joined by `redis-cli --cluster create`). Each
// namespace's keys share its prefix's hash tag, so every commit touches one slot.
let cluster: RunningRedisCluster;
const clock = new SkewedWallClock();

beforeAll(async () => {
  cluster = await startRedisCluster({ masters: 3 });
  clock.install((impl) => vi.spyOn(Date, 'now').mockImplementation(impl));
}, 60_000);

afterEach(() => {
  clock.reset();
});

afterAll(async () => {
  vi.restoreAllMocks();
  await cluster.stop();
});

const prefix = (): string => `baton-test-${randomUUID()}`;

/**
 * Moves the process's wall clock (see SkewedWallClock) and wakes the queue's blocked
 * BullMQ workers: a score-0 member on each queue's marker ZSET, found on the master
 * that holds the namespace's slot (its keys share the `{prefix}` tag).
 */
async function advanceBy(ms: number, p: string): Promise<void> {
  await clock.advanceBy(ms, `${p}-nothing-on-the-single-redis`);
  const client = new Cluster(clusterNodesOf(cluster.url) ?? []);
  try {
    for (const node of client.nodes('master')) {
      for await (const keys of node.scanStream({ match: `{${p}}:*:meta`, count: 500 }) as AsyncIterable<string[]>) {
        for (const key of keys) await client.zadd(`${key.slice(0, -'meta'.length)}marker`, 0, '0');
      }
    }
  } finally {
    client.disconnect();
  }
}

describe('on a Redis Cluster (3 masters)', () => {
  processStoreContract(() => createRedisProcessStore({ url: cluster.url, prefix: prefix(), onWarning: () => undefined }));

  jobQueueContract(async () => {
    const p = prefix();
    const queue = await createBullmqJobQueue({ url: cluster.url, prefix: p, onWarning: () => undefined });
    return { queue, now: () => Date.now(), advanceBy: (ms) => advanceBy(ms, p) };
  });
});
