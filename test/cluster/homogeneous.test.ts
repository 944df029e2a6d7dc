import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectEachEffectOnce, expectEveryJobRan, startRoundRobin, untilCompleted } from './support/instances.js';
import { emptyDatabase, onDatabase } from './support/redis-database.js';
import { ServeCluster, type BusKind } from './support/serve-nodes.js';

// Issue 6, cluster test 1 (seed setup 2.2.1): three identical `baton serve` processes on
// one Redis and one bus; 1,000 instances started round-robin through all three. Once
// over NATS, once over Faye (`baton faye-server`), one after the other on database 9.
// Every commit's events go out on the bus to all three nodes, and Faye carries them
// over HTTP long-polls: 1,000 instances take about 30 s on Faye (18 s on NATS) on the
// 2-core machine, so the Faye run starts 500.
const allTypes = ['reserve-stock', 'charge-card', 'ship-order', 'label-printer'];

function homogeneousCluster(busKind: BusKind, instances: number): void {
  const redisUrl = onDatabase(inject('redisUrl'), 9);
  const cluster = new ServeCluster(`homogeneous-${randomUUID()}`);
  let bus = '';

  beforeAll(async () => {
    await emptyDatabase(redisUrl);
    bus = await cluster.busOf(busKind, inject('natsUrl'));
  });
  afterAll(async () => {
    await cluster.dispose();
    await emptyDatabase(redisUrl);
  });

  it(`completes ${instances.toLocaleString('en')} instances started round-robin through all three, each job run once`, async () => {
    // given
    const nodes = [await cluster.start({ name: 'node-1', store: redisUrl, bus, capabilities: allTypes, deploys: true })];
    for (const name of ['node-2', 'node-3']) nodes.push(await cluster.start({ name, store: redisUrl, bus, capabilities: allTypes }));
    const urls = nodes.map((n) => n.url);

    // when
    const keys = await startRoundRobin(urls, instances);

    // then: every instance completes, as each node sees it
    await untilCompleted(urls[2] as string, instances, 60_000, () => cluster.outputs());
    expect(new Set(keys).size).toBe(instances);
    // and: each of the jobs (4 per instance) ran exactly once, and the work was shared
    const runs = cluster.runs();
    expectEveryJobRan(runs, keys, { exactlyOnce: true });
    for (const node of nodes) expect(runs.filter((r) => r.node === node.name).length, node.name).toBeGreaterThan(0);
    // and: each completion was applied once
    await expectEachEffectOnce(urls[1] as string, keys);
  });
}

describe('homogeneous cluster: three real nodes on Redis and NATS', () => {
  homogeneousCluster('nats', 1_000);
});

describe('homogeneous cluster: three real nodes on Redis and Faye (500 instances)', () => {
  homogeneousCluster('faye', 500);
});
