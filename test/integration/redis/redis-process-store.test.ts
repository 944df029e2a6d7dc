import { createRedisProcessStore, type RedisProcessStore } from '@baton/redis';
import { processStoreContract } from '@baton/testkit';
import { afterAll, inject } from 'vitest';
import { deletePrefix, uniquePrefix } from './redis-test-support.js';

const prefixes: string[] = [];

async function makeStore(): Promise<RedisProcessStore> {
  const prefix = uniquePrefix();
  prefixes.push(prefix);
  return createRedisProcessStore({ url: inject('redisUrl'), prefix, onWarning: () => undefined });
}

afterAll(async () => {
  await Promise.all(prefixes.map((prefix) => deletePrefix(prefix)));
});

processStoreContract(makeStore);
