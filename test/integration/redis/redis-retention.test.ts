import { createRedisProcessStore, type RedisProcessStore } from '@baton/redis';
import { commitOf, instanceState } from '@baton/testkit';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { deletePrefix, uniquePrefix } from './redis-test-support.js';

/**
 * Retention of ended instances on Redis (`endedRetentionMs`): without it every
 * instance ever run would stay in a `noeviction` Redis until it refuses writes.
 */
describe('RedisProcessStore retention of ended instances', () => {
  const prefixes: string[] = [];
  const stores: RedisProcessStore[] = [];
  const open = async (endedRetentionMs: number): Promise<{ store: RedisProcessStore; prefix: string }> => {
    const prefix = uniquePrefix();
    prefixes.push(prefix);
    const store = await createRedisProcessStore({ url: inject('redisUrl'), prefix, onWarning: () => undefined, endedRetentionMs });
    stores.push(store);
    return { store, prefix };
  };
  const keysOf = async (prefix: string): Promise<string[]> => {
    const redis = new Redis(inject('redisUrl'));
    try {
      return (await redis.keys(`${prefix}:*`)).map((key) => key.slice(prefix.length + 1)).sort();
    } finally {
      redis.disconnect();
    }
  };

  const endedList = async (prefix: string): Promise<string[]> => {
    const redis = new Redis(inject('redisUrl'));
    try {
      return await redis.zrange(`${prefix}:ended`, 0, -1);
    } finally {
      redis.disconnect();
    }
  };

  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
  });
  afterAll(async () => {
    await Promise.all(prefixes.map((prefix) => deletePrefix(prefix)));
  });

  it('keeps an ended instance readable for the retention, then drops its keys and its place in the list', async () => {
    // given a store that keeps ended instances 300 ms, an active and an ended instance
    const { store, prefix } = await open(300);
    await store.commit(commitOf(instanceState('active-1'), 0));
    await store.commit(commitOf(instanceState('ended-1'), 0));
    await store.commit(commitOf(instanceState('ended-1', { status: 'completed', endedAt: 2_000 }), 1));
    // then at first both are there, the ended one with its history
    expect((await store.load('ended-1'))?.state.status).toBe('completed');
    expect((await store.readHistory('ended-1', {})).total).toBe(2);
    expect((await store.findInstances({})).items.map((s) => s.instanceId)).toEqual(['active-1', 'ended-1']);
    // when the retention has passed and another instance ends
    await new Promise((resolve) => setTimeout(resolve, 400));
    await store.commit(commitOf(instanceState('active-2'), 0));
    await store.commit(commitOf(instanceState('ended-2'), 0));
    await store.commit(commitOf(instanceState('ended-2', { status: 'terminated', endedAt: 3_000 }), 1));
    // then the ended instance is gone: state, history and its place in the list; the active ones stay
    expect(await store.load('ended-1')).toBeUndefined();
    expect((await store.readHistory('ended-1', {})).total).toBe(0);
    expect(await store.findInstances({})).toMatchObject({ total: 3, items: [{ instanceId: 'active-1' }, { instanceId: 'active-2' }, { instanceId: 'ended-2' }] });
    expect((await keysOf(prefix)).filter((key) => key.includes('ended-1'))).toEqual([]);
    expect(await endedList(prefix)).toEqual(['ended-2']);
  });

  it('keeps active instances however long they wait', async () => {
    // given a store with a 100 ms retention and an instance that stays active
    const { store } = await open(100);
    await store.commit(commitOf(instanceState('waiting-1'), 0));
    // when time passes and other instances come and go
    await new Promise((resolve) => setTimeout(resolve, 200));
    await store.commit(commitOf(instanceState('other'), 0));
    await store.commit(commitOf(instanceState('other', { status: 'terminated', endedAt: 3_000 }), 1));
    // then the waiting instance is still there
    expect((await store.load('waiting-1'))?.version).toBe(1);
  });
});
