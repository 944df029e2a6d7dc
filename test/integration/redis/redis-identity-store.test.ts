import { createRedisIdentityStore } from '@baton/redis';
import { afterAll, inject } from 'vitest';
import { identityStoreContract } from '../../../services/engine/src/auth/__fixtures__/identity-store-contract.js';
import type { GroupRecord, UserRecord } from '../../../services/engine/src/auth/identity.js';
import type { IdentityStore } from '../../../services/engine/src/auth/identity-store.js';
import { deletePrefix, uniquePrefix } from './redis-test-support.js';

const prefixes: string[] = [];

const openOn = (prefix: string): Promise<IdentityStore> =>
  createRedisIdentityStore<UserRecord, GroupRecord>({ url: inject('redisUrl'), prefix, onWarning: () => undefined });

afterAll(async () => {
  await Promise.all(prefixes.map((prefix) => deletePrefix(prefix)));
});

// Each test its own prefix; `reopen` is a new connection on it (another node, or a restart).
identityStoreContract('Redis', async () => {
  const prefix = uniquePrefix();
  prefixes.push(prefix);
  return { store: await openOn(prefix), reopen: () => openOn(prefix) };
});
