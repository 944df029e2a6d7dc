import { randomUUID } from 'node:crypto';
import { createNatsMessageBus } from '@baton/nats';
import { createBullmqJobQueue, createRedisProcessStore } from '@baton/redis';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { handledByHeader } from '../../../services/engine/src/handoff/api-hand-off.js';
import { InProcessCluster, threeCapabilitiesXml, type InProcessNode } from '../../../services/engine/src/handoff/__fixtures__/in-process-cluster.js';
import { deletePrefix, uniquePrefix } from '../redis/redis-test-support.js';

/**
 * The seed's setups on real servers: every node has its own NATS connection and its
 * own Redis connections (store and BullMQ queue), in one namespace per test.
 */
describe('cluster on NATS and Redis', () => {
  let cluster: InProcessCluster | undefined;
  let prefix: string;
  afterEach(async () => {
    await cluster?.close();
    cluster = undefined;
    await deletePrefix(prefix);
  });

  const make = (handOffTimeoutMs = 1_000): InProcessCluster => {
    prefix = uniquePrefix();
    const redisUrl = inject('redisUrl');
    const quiet = { onWarning: () => undefined };
    cluster = new InProcessCluster({
      handOffTimeoutMs,
      cluster: `test-${randomUUID()}`,
      newBus: (nodeId) => createNatsMessageBus({ url: inject('natsUrl'), name: nodeId }),
      newStoreAndQueue: async () => ({
        store: await createRedisProcessStore({ url: redisUrl, prefix, ...quiet }),
        queue: await createBullmqJobQueue({ url: redisUrl, prefix, ...quiet }),
      }),
    });
    return cluster;
  };
  const deploy = async (node: InProcessNode): Promise<void> => {
    const res = await node.app.inject({ method: 'POST', url: '/v2/deployments', headers: { 'content-type': 'application/xml' }, payload: threeCapabilitiesXml });
    expect(res.statusCode, res.body).toBe(200);
  };
  const start = async (node: InProcessNode) => {
    const res = await node.app.inject({ method: 'POST', url: '/v2/process-instances', payload: { processDefinitionId: 'ship', variables: {} } });
    expect(res.statusCode, res.body).toBe(200);
    return { key: res.json<{ processInstanceKey: string }>().processInstanceKey, handledBy: res.headers[handledByHeader] };
  };
  const instance = async (node: InProcessNode, key: string) =>
    (await node.app.inject({ method: 'GET', url: `/v2/process-instances/${key}` })).json<{ state: string; hasIncident: boolean; incidents: { errorMessage: string }[] }>();
  const untilPeers = (node: InProcessNode, count: number) => vi.waitFor(() => expect(node.cluster.server.peers()).toHaveLength(count), { timeout: 5_000 });
  const heterogeneous = async (c: InProcessCluster, edgeHandlers?: Parameters<InProcessCluster['addNode']>[0]['handlers']) => {
    const a = await c.addNode({ nodeId: 'core-a', hasStore: true, jobTypes: ['payment'] });
    const b = await c.addNode({ nodeId: 'core-b', hasStore: true, jobTypes: ['shipping'] });
    const edge = await c.addNode({ nodeId: 'edge', hasStore: false, jobTypes: ['label-printer'], ...(edgeHandlers === undefined ? {} : { handlers: edgeHandlers }) });
    for (const node of [a, b, edge]) await untilPeers(node, 2);
    await deploy(a);
    return { a, b, edge };
  };

  it('homogeneous: three nodes, instances started round-robin through all three, each job run once', async () => {
    const c = make();
    const jobTypes = ['payment', 'shipping', 'label-printer'];
    const nodes: InProcessNode[] = [];
    for (const nodeId of ['n1', 'n2', 'n3']) nodes.push(await c.addNode({ nodeId, hasStore: true, jobTypes }));
    for (const node of nodes) await untilPeers(node, 2);
    await deploy(nodes[0] as InProcessNode);
    const keys: string[] = [];
    for (let i = 0; i < 30; i += 1) keys.push((await start(nodes[i % 3] as InProcessNode)).key);
    await vi.waitFor(
      async () => {
        for (const key of keys) expect((await instance(nodes[0] as InProcessNode, key)).state).toBe('COMPLETED');
      },
      { timeout: 20_000, interval: 100 },
    );
    expect(new Set(c.runs.map((r) => r.jobKey)).size).toBe(90);
    expect(c.runs).toHaveLength(90);
  });

  it('heterogeneous: started through the edge node, the process completes with each job on its capable node', async () => {
    const c = make();
    const { a, edge } = await heterogeneous(c);
    const { key, handledBy } = await start(edge);
    expect(['core-a', 'core-b']).toContain(handledBy);
    await vi.waitFor(async () => expect((await instance(a, key)).state).toBe('COMPLETED'), { timeout: 10_000, interval: 50 });
    expect(c.runs.map((r) => [r.jobType, r.nodeId])).toEqual([
      ['payment', 'core-a'],
      ['shipping', 'core-b'],
      ['label-printer', 'edge'],
    ]);
    const read = await edge.app.inject({ method: 'GET', url: `/v2/process-instances/${key}` });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ processInstanceKey: key, state: 'COMPLETED' });
  });

  it('an edge node killed mid-job: the job is retried, then becomes an incident; no other node runs it', async () => {
    const c = make(500);
    let started = 0;
    const hang = async (): Promise<never> => {
      started += 1;
      return new Promise<never>(() => undefined);
    };
    const { a, edge } = await heterogeneous(c, { 'label-printer': hang });
    const { key } = await start(a);
    await vi.waitFor(() => expect(started).toBe(1), { timeout: 10_000, interval: 20 });
    // when the edge node dies while it runs the job
    await edge.crash();
    // then
    await vi.waitFor(async () => expect((await instance(a, key)).hasIncident).toBe(true), { timeout: 10_000, interval: 50 });
    expect((await instance(a, key)).incidents[0]?.errorMessage).toMatch(/label-printer/);
    expect(started).toBe(1);
    expect(c.runsOf('label-printer')).toEqual([]);
  });

  it('no capable peer: the edge node answers 503 NO_CAPABLE_NODE naming "store", and nothing changed', async () => {
    const c = make(300);
    const edge = await c.addNode({ nodeId: 'edge', hasStore: false, jobTypes: ['label-printer'] });
    const res = await edge.app.inject({ method: 'POST', url: '/v2/process-instances', payload: { processDefinitionId: 'ship', variables: {} } });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: 'NO_CAPABLE_NODE', details: { capability: 'store' } });
    const store = await createRedisProcessStore({ url: inject('redisUrl'), prefix, onWarning: () => undefined });
    try {
      expect((await store.findInstances({})).total).toBe(0);
    } finally {
      await store.close();
    }
  });
});
