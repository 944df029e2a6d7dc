import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { countInState, expectEachEffectOnce, expectEveryJobRan, startRoundRobin, untilCompleted } from './support/instances.js';
import { ownRedis, type OwnServer } from './support/own-servers.js';
import { ServeCluster } from './support/serve-nodes.js';

// Issue 5: "Redis restart mid-run (AOF on): the nodes reconnect and every instance
// completes." A redis-server of this test's own with AOF on, SIGKILLed in the middle of
// the run and started again on the same port and directory. Jobs whose delivery Redis
// could not settle come back when their lease ends: 4 s here (`--job-lease-ms`). Each
// job takes 40 ms (BATON_TEST_JOB_MS): with eager dispatch a node runs the jobs it
// creates at once, and instant jobs would all be done before the starts are.

const instances = 300;
const allTypes = ['reserve-stock', 'charge-card', 'ship-order', 'label-printer'];

describe('Redis restarted in the middle of a run on two real nodes', () => {
  const cluster = new ServeCluster(`redis-restart-${randomUUID()}`, ['--job-lease-ms', '4000']);
  let redis: OwnServer | undefined;

  beforeAll(async () => {
    redis = await ownRedis();
    await redis.start();
  });
  afterAll(async () => {
    await cluster.dispose();
    await redis?.dispose();
  });

  it('the nodes reconnect and every instance completes, each job effect applied once', async () => {
    // given: two nodes on a Redis with AOF on, the jobs of 300 instances running
    const server = redis ?? expect.fail('redis-server did not start');
    const bus = inject('natsUrl');
    const env = { BATON_TEST_JOB_MS: '40' };
    const nodes = [await cluster.start({ name: 'node-1', store: server.url, bus, capabilities: allTypes, deploys: true, env })];
    nodes.push(await cluster.start({ name: 'node-2', store: server.url, bus, capabilities: allTypes, env }));
    const urls = nodes.map((n) => n.url);
    const keys = await startRoundRobin(urls, instances);
    const completedBefore = await countInState(urls[0] as string, 'COMPLETED');
    await vi.waitFor(() => expect(cluster.runs().length).toBeGreaterThan(completedBefore * 4 + 50), { timeout: 30_000, interval: 20 });

    // when: Redis dies and comes back on the same port, from its AOF
    const ranAtKill = cluster.runs().length;
    await server.kill();
    await server.start();

    // then: it was the middle of the run
    expect(ranAtKill).toBeLessThan(instances * allTypes.length);
    // and: both nodes reconnect and every instance completes
    await untilCompleted(urls[1] as string, instances, 60_000, () => cluster.outputs());
    const runs = cluster.runs();
    expectEveryJobRan(runs, keys, { exactlyOnce: false });
    for (const name of ['node-1', 'node-2']) expect(runs.filter((r) => r.node === name).length, name).toBeGreaterThan(0);
    await expectEachEffectOnce(urls[0] as string, keys);
    // and: both are ready again
    for (const url of urls) await vi.waitFor(async () => expect((await fetch(`${url}/health/ready`)).status).toBe(200), { timeout: 10_000, interval: 100 });
  });
});
