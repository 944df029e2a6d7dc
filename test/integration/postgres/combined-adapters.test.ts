import { createPool, PostgresHistoryStore, PostgresIdentityStore } from '@baton/postgres';
import { RedisProcessStore } from '@baton/redis';
import { systemClock } from '@baton/runtime';
import { describe, expect, inject, it } from 'vitest';
import { createAdapters, createIdentityStore } from '../../../services/engine/src/adapters.js';
import { usePostgres } from './postgres-test-support.js';

const postgres = usePostgres();

// Issue 15, "Databases combined": `--store redis://… --history postgres://… --identity-store postgres://…`.
describe('ports on different databases', () => {
  it('keeps users in Postgres while the process store is Redis (--identity-store)', async () => {
    // given a node's choice: Redis for instances, Postgres for identity
    const choice = { store: inject('redisUrl'), identityStoreUrl: postgres.url() };
    // when its identity store is built and a user saved
    const identity = await createIdentityStore(choice);
    try {
      expect(identity).toBeInstanceOf(PostgresIdentityStore);
      await identity.putUser({ username: 'combined-admin', roles: ['admin'], groups: [] });
    } finally {
      await identity.close();
    }
    // then the user is a row in Postgres
    const pool = createPool({ url: postgres.url(), poolSize: 1 });
    try {
      const { rows } = await pool.query<{ count: string }>("SELECT count(*) FROM baton.identity_users WHERE username = 'combined-admin'");
      expect(Number(rows[0]?.count)).toBe(1);
    } finally {
      await pool.end();
    }
  });

  it('builds a Redis store beside a Postgres history store (--history), and closes both', async () => {
    const adapters = await createAdapters({ store: inject('redisUrl'), history: postgres.url() }, systemClock(), () => undefined, () => undefined);
    try {
      expect(adapters.store).toBeInstanceOf(RedisProcessStore);
      expect(adapters.history).toBeInstanceOf(PostgresHistoryStore);
      expect(await adapters.history?.positions(['nobody'])).toEqual(new Map([['nobody', 0]]));
    } finally {
      await adapters.close();
    }
    await expect(adapters.history?.positions(['nobody'])).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });
});
