import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { flagCheck } from '../health/readiness.js';
import { startNode, type RunningNode } from '../start-node.js';

const quiet = { logger: pino({ level: 'silent' }), print: () => undefined, handleSignals: false, port: 0 } as const;

describe('GET /v2/topology and /v2/status in Camunda 8.8 shape (issue 13)', () => {
  let node: RunningNode | undefined;
  afterEach(() => node?.close());

  it('reports this node as a broker of the one partition, with the 8.8 fields and Baton\'s own', async () => {
    // given
    node = await startNode({ ...quiet, nodeId: 'node-a', capabilities: ['charge-card'] });
    // when
    const res = await fetch(`${node.url}/v2/topology`);
    // then
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    const port = Number(new URL(node.url).port);
    expect(body).toMatchObject({
      brokers: [{ nodeId: 0, nodeName: 'node-a', host: '127.0.0.1', port, partitions: [{ partitionId: 1, role: 'leader', health: 'healthy' }], version: expect.any(String) }],
      clusterSize: 1,
      partitionsCount: 1,
      replicationFactor: 1,
      gatewayVersion: expect.any(String),
      lastCompletedChangeId: '-1',
      nodeId: 'node-a',
      capabilities: ['charge-card', 'store'],
      peers: [],
      unservedJobs: [],
    });
  });

  it('marks this node\'s partition unhealthy while it is not ready', async () => {
    // given: a node with a readiness check DOWN
    node = await startNode({ ...quiet, nodeId: 'node-b' });
    node.readiness.add(flagCheck('store', () => false, 'no answer'));
    // when
    const body = (await (await fetch(`${node.url}/v2/topology`)).json()) as { brokers: { partitions: { health: string }[] }[] };
    // then
    expect(body.brokers[0]?.partitions[0]?.health).toBe('unhealthy');
  });

  it('answers GET /v2/status 204 with no body when ready and 503 when a check is DOWN', async () => {
    // given
    node = await startNode({ ...quiet });
    let isStoreUp = true;
    node.readiness.add(flagCheck('store', () => isStoreUp, 'no answer'));
    // when
    const ready = await fetch(`${node.url}/v2/status`);
    isStoreUp = false;
    const down = await fetch(`${node.url}/v2/status`);
    // then
    expect(ready.status).toBe(204);
    expect(await ready.text()).toBe('');
    expect(down.status).toBe(503);
  });
});
