import { readFileSync } from 'node:fs';
import { createPool, PostgresHistoryStore, PostgresIdentityStore } from '@baton/postgres';
import { RedisProcessStore } from '@baton/redis';
import { systemClock } from '@baton/runtime';
import pino from 'pino';
import { describe, expect, inject, it, vi } from 'vitest';
import { createAdapters, createIdentityStore } from '../../../services/engine/src/adapters.js';
import { startNode } from '../../../services/engine/src/index.js';
import { usePostgres } from './postgres-test-support.js';

const postgres = usePostgres();
// A service task (type payments), then a one-second timer.
const xml = readFileSync(new URL('fixtures/job-then-timer.bpmn', import.meta.url), 'utf8');

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

  it('serves instance search from Postgres on a node whose store is Redis (--store redis://… --history postgres://…)', async () => {
    // given a node with instances in Redis and history in Postgres (schema baton)
    const history = postgres.url();
    const node = await startNode({ logger: pino({ level: 'silent' }), print: () => undefined, handleSignals: false, port: 0, store: inject('redisUrl'), queue: inject('redisUrl'), history, handlers: { payments: async () => ({ paid: true }) } });
    try {
      const post = (path: string, body: string, type = 'application/json') => fetch(`${node.url}${path}`, { method: 'POST', headers: { 'content-type': type }, body });
      expect((await post('/v2/deployments', xml.replaceAll('"ship"', '"ship-combined"'), 'application/xml')).status).toBe(200);
      // when an instance runs to its end
      const started = await post('/v2/process-instances', JSON.stringify({ processDefinitionId: 'ship-combined' }));
      const key = ((await started.json()) as { processInstanceKey: string }).processInstanceKey;
      // then the search finds it completed, and the rows are in Postgres
      await vi.waitFor(
        async () => {
          const found = (await (await post('/v2/process-instances/search', JSON.stringify({ filter: { processInstanceKey: key } }))).json()) as { items: { state: string }[] };
          expect(found.items.map((item) => item.state)).toEqual(['COMPLETED']);
        },
        { timeout: 30_000, interval: 200 },
      );
      const pool = createPool({ url: postgres.url(), poolSize: 1 });
      try {
        const { rows } = await pool.query<{ status: string; events: string }>(
          'SELECT status, (SELECT count(*) FROM projected_history h WHERE h.instance_id = p.instance_id) AS events FROM projected_instances p WHERE instance_id = $1',
          [key],
        );
        expect(rows[0]?.status).toBe('completed');
        expect(Number(rows[0]?.events)).toBe((await node.engine.getHistory(key)).length);
        expect(Number(rows[0]?.events)).toBeGreaterThan(5);
      } finally {
        await pool.end();
      }
    } finally {
      await node.close();
    }
  }, 60_000);
});
