import { createPostgresJobQueue, createPostgresProcessStore } from '@baton/postgres';
import type { ClusterSystemFactory } from '../cluster-system.js';
import { schemaOf } from '../postgres-stats.js';
import { batonNode } from './baton-node.js';

/**
 * One Baton engine node on a real Postgres alone (issue 15): PostgresProcessStore and
 * PostgresJobQueue in the row's own schema, an in-process handler. Done = the
 * instance's `InstanceCompleted` on the bus, as on Redis.
 */
export const createBatonPostgresSystem: ClusterSystemFactory = (benchCase, xml, env) =>
  batonNode(benchCase, xml, env, async ({ clock, fail }) => {
    if (env.postgresUrl === undefined) throw new Error("a Postgres row needs the run's Postgres URL");
    // Enough connections for the lanes' commits and the queue's leases at once.
    const options = { url: env.postgresUrl, schema: schemaOf(env.prefix), poolSize: 20 };
    const store = await createPostgresProcessStore(options);
    const queue = await createPostgresJobQueue({ ...options, clock, onError: (error) => fail(error, { during: 'queue' }) });
    return { store, queue, worker: async () => ({}) };
  });
