import { createRedisProcessStore, type RedisProcessStore } from '@baton/redis';
import { isBatonError } from '@baton/errors';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { deletePrefix, uniquePrefix } from './redis-test-support.js';

// Issue 13: keys are numeric; a namespace written with the old ids is refused, not mixed.
describe('RedisProcessStore key format', () => {
  const prefixes: string[] = [];
  const stores: RedisProcessStore[] = [];
  const open = async (prefix: string): Promise<RedisProcessStore> => {
    const store = await createRedisProcessStore({ url: inject('redisUrl'), prefix, onWarning: () => undefined });
    stores.push(store);
    return store;
  };
  const fresh = (): string => {
    const prefix = uniquePrefix();
    prefixes.push(prefix);
    return prefix;
  };
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    for (const prefix of prefixes) await deletePrefix(prefix);
  });

  it('marks a fresh namespace numeric and opens it again', async () => {
    const prefix = fresh();
    const first = await open(prefix);
    const second = await open(prefix);
    const [a, b] = await Promise.all([first.reserveKeys(1_000), second.reserveKeys(1_000)]);
    expect(Math.abs(a - b)).toBeGreaterThanOrEqual(1_000);
  });

  it('refuses a namespace holding data of the older id format with STORE_FORMAT_OLD, naming what to do', async () => {
    // given: a namespace as Baton before numeric keys left it (a deployment under "order:1", no key-format marker)
    const prefix = fresh();
    const redis = new Redis(inject('redisUrl'));
    try {
      await redis.hset(`${prefix}:deployments`, 'order:1', '{"processId":"order","version":1}');
      await redis.hset(`${prefix}:deployments:latest`, 'order', '1');
    } finally {
      redis.disconnect();
    }
    // when / then
    const refusal = await open(prefix).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isBatonError(refusal) && refusal.code).toBe('STORE_FORMAT_OLD');
    expect((refusal as Error).message).toMatch(/empty Redis database/);
  });
});
