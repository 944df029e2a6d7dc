import { randomUUID } from 'node:crypto';
import { createPool, migrations } from '@baton/postgres';
import { createRestartablePostgres, type RestartablePostgres } from '@baton/testkit';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { countInState, expectEachEffectOnce, expectEveryJobRan, startRoundRobin, untilCompleted } from './support/instances.js';
import { ServeCluster, type ServeNode } from './support/serve-nodes.js';

// Issue 15, "Done when": real `baton serve` processes on one Postgres (store, jobs and
// timers there: no --queue given), over the run's NATS. A Postgres of this
// file's own (fsync on), so it can crash and come back on the same port; each describe
// works in a database of its own, created empty: the first node to start migrates it.
// Jobs a dead node held come back when their lease ends: 4 s here (`--job-lease-ms`).

const allTypes = ['reserve-stock', 'charge-card', 'ship-order', 'label-printer'];
let server: RestartablePostgres | undefined;

beforeAll(async () => {
  server = await createRestartablePostgres();
  await server.start();
});
afterAll(async () => {
  await server?.dispose();
});

/** A new empty database on this file's server; its URL. */
async function emptyDatabase(): Promise<string> {
  const running = server ?? expect.fail('postgres did not start');
  const name = `baton_${randomUUID().replaceAll('-', '')}`;
  const admin = createPool({ url: running.url, poolSize: 1 });
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return running.url.replace(/\/postgres$/, `/${name}`);
}

async function untilReady(url: string): Promise<void> {
  await vi.waitFor(async () => expect((await fetch(`${url}/health/ready`)).status).toBe(200), { timeout: 30_000, interval: 100 });
}

describe('a node SIGKILLed in the middle of 1,000 instances on two real nodes on one Postgres', () => {
  const cluster = new ServeCluster(`pg-sigkill-${randomUUID()}`, ['--job-lease-ms', '4000']);
  afterAll(() => cluster.dispose());

  it('all 1,000 complete, each job effect applied once, no history entry twice', async () => {
    // given: two nodes on one Postgres running the jobs of 1,000 instances started through node-1
    const instances = 1_000;
    const store = await emptyDatabase();
    const bus = inject('natsUrl');
    const survivor = await cluster.start({ name: 'node-1', store, bus, capabilities: allTypes, deploys: true });
    const victim = await cluster.start({ name: 'node-2', store, bus, capabilities: allTypes });
    const starting = startRoundRobin([survivor.url], instances);
    const ranOn = (node: string): number => cluster.runs().filter((r) => r.node === node).length;
    await vi.waitFor(() => expect(ranOn('node-2')).toBeGreaterThanOrEqual(instances * 0.3), { timeout: 90_000, interval: 20 });

    // when: node-2 is killed while it runs its share
    await cluster.kill(victim);
    const completedAtKill = await countInState(survivor.url, 'COMPLETED');
    const keys = await starting;

    // then: it was the middle of the run
    expect(completedAtKill).toBeLessThan(instances);
    // and: the survivor completes them all
    await untilCompleted(survivor.url, instances, 180_000, () => cluster.outputs());
    // and: every job ran (those the dead node held maybe twice)...
    const runs = cluster.runs();
    expectEveryJobRan(runs, keys, { exactlyOnce: false });
    // ...but each job's completion was applied once, and no history entry is there twice
    await expectEachEffectOnce(survivor.url, keys);
  }, 300_000);
});

describe('Postgres crashed and restarted in the middle of a run on two real nodes', () => {
  const cluster = new ServeCluster(`pg-restart-${randomUUID()}`, ['--job-lease-ms', '4000']);
  afterAll(() => cluster.dispose());

  it('the nodes reconnect and every instance completes, each job effect applied once', async () => {
    // given: two nodes on one Postgres, the jobs of 300 instances running (40 ms each)
    const instances = 300;
    const running = server ?? expect.fail('postgres did not start');
    const store = await emptyDatabase();
    const bus = inject('natsUrl');
    const env = { BATON_TEST_JOB_MS: '40' };
    const nodes: ServeNode[] = [await cluster.start({ name: 'node-1', store, bus, capabilities: allTypes, deploys: true, env })];
    nodes.push(await cluster.start({ name: 'node-2', store, bus, capabilities: allTypes, env }));
    const urls = nodes.map((n) => n.url);
    const keys = await startRoundRobin(urls, instances);
    await vi.waitFor(() => expect(cluster.runs().length).toBeGreaterThan(100), { timeout: 60_000, interval: 20 });

    // when: Postgres crashes (immediate shutdown) and comes back on the same port and data
    const ranAtCrash = cluster.runs().length;
    await running.crash();
    await running.start();

    // then: it was the middle of the run
    expect(ranAtCrash).toBeLessThan(instances * allTypes.length);
    // and: both nodes reconnect and every instance completes
    await untilCompleted(urls[1] as string, instances, 180_000, () => cluster.outputs());
    const runs = cluster.runs();
    expectEveryJobRan(runs, keys, { exactlyOnce: false });
    for (const name of ['node-1', 'node-2']) expect(runs.filter((r) => r.node === name).length, name).toBeGreaterThan(0);
    await expectEachEffectOnce(urls[0] as string, keys);
    // and: both are ready again
    for (const url of urls) await untilReady(url);
  }, 300_000);
});

describe('real nodes started on an empty Postgres', () => {
  const cluster = new ServeCluster(`pg-migrate-${randomUUID()}`);
  afterAll(() => cluster.dispose());

  it('two nodes starting at once migrate it once, then run instances', async () => {
    // given: an empty database
    const store = await emptyDatabase();
    const bus = inject('natsUrl');
    // when: two nodes start on it at the same moment
    const nodes = await Promise.all([
      cluster.start({ name: 'node-1', store, bus, capabilities: allTypes, deploys: true }),
      cluster.start({ name: 'node-2', store, bus, capabilities: allTypes }),
    ]);
    // then: both are ready, and every version was applied once, in one transaction
    for (const node of nodes) await untilReady(node.url);
    const pool = createPool({ url: store, poolSize: 1 });
    try {
      const { rows } = await pool.query<{ version: number; applied_at: Date }>('SELECT version, applied_at FROM baton.schema_migrations ORDER BY version');
      expect(rows.map((row) => row.version)).toEqual(migrations().map((m) => m.version));
      expect(new Set(rows.map((row) => row.applied_at.getTime())).size).toBe(1);
      // and: each node's queue is that Postgres (no --queue given): both listen for its job notices
      const { rows: listeners } = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'baton-notices'");
      expect(listeners[0]?.n).toBe(2);
    } finally {
      await pool.end();
    }
    // and: the schema works: instances started through either node complete
    const keys = await startRoundRobin(
      nodes.map((n) => n.url),
      20,
    );
    await untilCompleted(nodes[0]?.url as string, keys.length, 60_000, () => cluster.outputs());
    await expectEachEffectOnce(nodes[1]?.url as string, keys);
  });
});
