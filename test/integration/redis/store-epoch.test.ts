import { createRedisProcessStore, type RedisProcessStore } from '@baton/redis';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { deletePrefix, uniquePrefix } from './redis-test-support.js';

// Issue 12, finding 10: the epoch marker of a store namespace, on a real Redis.
describe('RedisProcessStore epoch marker', () => {
  const prefix = uniquePrefix();
  const stores: RedisProcessStore[] = [];
  const open = async (): Promise<RedisProcessStore> => {
    const store = await createRedisProcessStore({ url: inject('redisUrl'), prefix, onWarning: () => undefined });
    stores.push(store);
    return store;
  };
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await deletePrefix(prefix);
  });

  it('is written at the first start, shared by every store on the namespace, and its loss is reported once', async () => {
    // given: two stores on one fresh namespace
    const first = await open();
    const second = await open();
    const { epoch } = await first.probe(1_000);
    expect(await second.probe(1_000)).toEqual({ epoch });

    // when: the data goes (Redis restarted empty: here only this namespace's marker)
    const redis = new Redis(inject('redisUrl'));
    try {
      await redis.del(`${prefix}:epoch`);
    } finally {
      redis.disconnect();
    }

    // then: the first probe after it reports the loss and writes a new epoch...
    const afterLoss = await first.probe(1_000);
    expect(afterLoss).toEqual({ epoch: expect.any(String), lostEpoch: { was: epoch, found: 'missing' } });
    expect(afterLoss.epoch).not.toBe(epoch);
    // ...the other store sees the loss too (the marker is another now), and each reports it once
    expect(await second.probe(1_000)).toEqual({ epoch: afterLoss.epoch, lostEpoch: { was: epoch, found: afterLoss.epoch } });
    expect(await first.probe(1_000)).toEqual({ epoch: afterLoss.epoch });
    expect(await second.probe(1_000)).toEqual({ epoch: afterLoss.epoch });
  });
});
