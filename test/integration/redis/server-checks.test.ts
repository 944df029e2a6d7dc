import { createBullmqJobQueue, createRedisProcessStore } from '@baton/redis';
import { startRedis } from '@baton/testkit';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { uniquePrefix } from './redis-test-support.js';

describe('Redis server checks at start', () => {
  it('refuses an evicting Redis with the reason and the fix, and warns when AOF is off', async () => {
    // given a Redis of this test's own (the shared one must never evict), set to evict keys
    const server = await startRedis({ env: {} });
    const admin = new Redis(server.url);
    try {
      await admin.config('SET', 'maxmemory-policy', 'allkeys-lru');
      // when a store or a queue starts on it, then both refuse
      const refusal = { code: 'STORE_UNAVAILABLE', message: expect.stringContaining('CONFIG SET maxmemory-policy noeviction') };
      await expect(createRedisProcessStore({ url: server.url, prefix: uniquePrefix() })).rejects.toMatchObject(refusal);
      await expect(createBullmqJobQueue({ url: server.url, prefix: uniquePrefix() })).rejects.toMatchObject(refusal);
      // and with noeviction but no AOF the store starts with a warning
      await admin.config('SET', 'maxmemory-policy', 'noeviction');
      await admin.config('SET', 'appendonly', 'no');
      const warnings: string[] = [];
      const store = await createRedisProcessStore({ url: server.url, prefix: uniquePrefix(), onWarning: (w) => void warnings.push(w) });
      await store.close();
      expect(warnings).toEqual([expect.stringContaining('appendonly yes')]);
    } finally {
      await admin.quit();
      await server.stop();
    }
  });
});
