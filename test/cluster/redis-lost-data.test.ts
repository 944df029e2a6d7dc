import { describe, expect, inject, it, vi } from 'vitest';
import { expectEachEffectOnce, startRoundRobin, untilCompleted } from './support/instances.js';
import { clusterOnOwnRedis } from './support/own-redis-cluster.js';
import { processId } from './support/serve-nodes.js';

// Issue 12, finding 10: a Redis restarted empty (no AOF, no snapshot) lost every
// instance, timer and deployment, no log line said so, and the node started with
// --deploy did not deploy again. Now each node notices the store's epoch marker is gone:
// it logs at error, counts it in /metrics, and the --deploy node deploys again, so the
// cluster takes new instances without anyone stepping in.

const allTypes = ['reserve-stock', 'charge-card', 'ship-order', 'label-printer'];
// A node that probes after its peer re-wrote the marker finds the peer's new epoch instead of none.
const lostLine = /the store lost its data \(epoch [0-9a-f-]+ → (missing|[0-9a-f-]+)\)/;

async function lossesCounted(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(/^baton_store_data_lost_total\{[^}]*\} (\d+)$/m.exec(text)?.[1] ?? Number.NaN);
}

describe('Redis restarted empty under two real nodes', () => {
  const { cluster, redis } = clusterOnOwnRedis('redis-lost', [], { isPersistent: false });

  it('each node logs and counts the loss, the --deploy node deploys again, and new instances complete', async () => {
    // given: two nodes (node-1 with --deploy) that ran 20 instances
    const server = redis();
    const bus = inject('natsUrl');
    const nodes = [await cluster.start({ name: 'node-1', store: server.url, bus, capabilities: allTypes, deploys: true })];
    nodes.push(await cluster.start({ name: 'node-2', store: server.url, bus, capabilities: allTypes }));
    const urls = nodes.map((n) => n.url);
    await untilCompleted(urls[0] as string, await startRoundRobin(urls, 20).then((keys) => keys.length), 60_000, () => cluster.outputs());
    for (const url of urls) expect(await lossesCounted(url), url).toBe(0);

    // when: Redis restarts with nothing in it
    await server.kill();
    await server.start();

    // then: each node says so at error level and counts it once
    for (const node of nodes) {
      await vi.waitFor(() => expect(node.output()).toMatch(lostLine), { timeout: 30_000, interval: 100 });
      await vi.waitFor(async () => expect(await lossesCounted(node.url)).toBe(1), { timeout: 30_000, interval: 100 });
    }
    // and: the process is deployed again and both nodes are ready
    for (const url of urls) await vi.waitFor(async () => expect((await fetch(`${url}/health/ready`)).status).toBe(200), { timeout: 30_000, interval: 100 });
    const definitions = (await (await fetch(`${urls[1] as string}/v2/process-definitions`)).json()) as { items: { processDefinitionId: string }[] };
    expect(definitions.items.map((d) => d.processDefinitionId)).toContain(processId);
    // and: new instances, started through either node, complete with each effect once
    const keys = await startRoundRobin(urls, 20);
    await untilCompleted(urls[1] as string, 20, 60_000, () => cluster.outputs());
    await expectEachEffectOnce(urls[0] as string, keys);
  });
});
