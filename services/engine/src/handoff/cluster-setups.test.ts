import { afterEach, describe, expect, it, vi } from 'vitest';
import { InProcessCluster, threeCapabilitiesXml, type InProcessNode } from './__fixtures__/in-process-cluster.js';
import { handledByHeader } from './api-hand-off.js';

/** The three setups of the first seed document (single server, homogeneous, heterogeneous), in one process on the memory adapters. */
describe('cluster setups on the in-memory bus', () => {
  let cluster: InProcessCluster;
  afterEach(async () => {
    await cluster.close();
  });

  const deploy = async (node: InProcessNode): Promise<void> => {
    const res = await node.app.inject({ method: 'POST', url: '/v2/deployments', headers: { 'content-type': 'application/xml' }, payload: threeCapabilitiesXml });
    expect(res.statusCode).toBe(200);
  };
  const start = async (node: InProcessNode, processDefinitionId = 'ship') => {
    const res = await node.app.inject({ method: 'POST', url: '/v2/process-instances', payload: { processDefinitionId, variables: {} } });
    expect(res.statusCode, res.body).toBe(200);
    return { key: res.json<{ processInstanceKey: string }>().processInstanceKey, handledBy: res.headers[handledByHeader] };
  };
  const instance = async (node: InProcessNode, key: string) =>
    (await node.app.inject({ method: 'GET', url: `/v2/process-instances/${key}` })).json<{ state: string; hasIncident: boolean; incidents: { errorMessage: string }[] }>();
  const topology = async (node: InProcessNode) =>
    (await node.app.inject({ method: 'GET', url: '/v2/topology' })).json<{
      capabilities: string[];
      clusterSize: number;
      peers: { nodeId: string; capabilities: string[]; lastSeen: string }[];
      unservedJobs: { jobType: string; count: number }[];
    }>();
  const untilPeers = (node: InProcessNode, count: number) => vi.waitFor(() => expect(node.cluster.server.peers()).toHaveLength(count));

  it('single server: one node with the store and every capability runs the process alone', async () => {
    // given
    cluster = new InProcessCluster();
    const node = await cluster.addNode({ nodeId: 'solo', hasStore: true, jobTypes: ['payment', 'shipping', 'label-printer'] });
    await deploy(node);
    // when
    const { key } = await start(node);
    // then
    await vi.waitFor(async () => expect((await instance(node, key)).state).toBe('COMPLETED'));
    expect(cluster.runs.map((r) => r.nodeId)).toEqual(['solo', 'solo', 'solo']);
    expect(await topology(node)).toMatchObject({ capabilities: ['label-printer', 'payment', 'shipping', 'store'], clusterSize: 1, peers: [] });
  });

  it('homogeneous: three identical nodes see each other, share the work, and run each job once', async () => {
    // given
    cluster = new InProcessCluster();
    const jobTypes = ['payment', 'shipping', 'label-printer'];
    const nodes: InProcessNode[] = [];
    for (const nodeId of ['n1', 'n2', 'n3']) nodes.push(await cluster.addNode({ nodeId, hasStore: true, jobTypes }));
    for (const node of nodes) await untilPeers(node, 2);
    await deploy(nodes[0] as InProcessNode);
    // when 30 instances are started round-robin through all three
    const keys: string[] = [];
    for (let i = 0; i < 30; i += 1) keys.push((await start(nodes[i % 3] as InProcessNode)).key);
    // then all complete, and every job ran exactly once
    await vi.waitFor(async () => {
      for (const key of keys) expect((await instance(nodes[0] as InProcessNode, key)).state).toBe('COMPLETED');
    });
    expect(cluster.runs).toHaveLength(90);
    expect(new Set(cluster.runs.map((r) => r.jobKey)).size).toBe(90);
    const peers = (await topology(nodes[1] as InProcessNode)).peers;
    expect(peers.map((p) => p.nodeId)).toEqual(['n1', 'n3']);
    expect(peers[0]?.capabilities).toEqual(['label-printer', 'payment', 'shipping', 'store']);
    expect(Date.parse(peers[0]?.lastSeen ?? '')).not.toBeNaN();
  });

  describe('heterogeneous: two core nodes with different capabilities and one edge node', () => {
    const setUp = async () => {
      cluster = new InProcessCluster();
      const a = await cluster.addNode({ nodeId: 'core-a', hasStore: true, jobTypes: ['payment'] });
      const b = await cluster.addNode({ nodeId: 'core-b', hasStore: true, jobTypes: ['shipping'] });
      const edge = await cluster.addNode({ nodeId: 'edge', hasStore: false, jobTypes: ['label-printer'] });
      for (const node of [a, b, edge]) await untilPeers(node, 2);
      await deploy(a);
      return { a, b, edge };
    };

    it('completes a process whose jobs each run only on the node with their capability; the edge job through hand-off', async () => {
      const { a, edge } = await setUp();
      // when the instance is started through the edge node, which has no store
      const { key, handledBy } = await start(edge);
      // then a peer with the store answered, and every job ran on its capable node
      expect(['core-a', 'core-b']).toContain(handledBy);
      await vi.waitFor(async () => expect((await instance(a, key)).state).toBe('COMPLETED'));
      expect(cluster.runs.map((r) => [r.jobType, r.nodeId])).toEqual([
        ['payment', 'core-a'],
        ['shipping', 'core-b'],
        ['label-printer', 'edge'],
      ]);
      expect(await topology(edge)).toMatchObject({ capabilities: ['label-printer'], clusterSize: 3, unservedJobs: [] });
    });

    it('answers reads of instance state on the edge node through a peer', async () => {
      const { a, edge } = await setUp();
      const { key } = await start(a);
      const res = await edge.app.inject({ method: 'GET', url: `/v2/process-instances/${key}` });
      expect(res.statusCode).toBe(200);
      expect(['core-a', 'core-b']).toContain(res.headers[handledByHeader]);
      expect(res.json()).toMatchObject({ processInstanceKey: key });
    });

    it('retries the edge job while the edge node is gone, then raises an incident; no other node runs it', async () => {
      const { a, edge } = await setUp();
      await edge.close();
      // when
      const { key } = await start(a);
      // then
      await vi.waitFor(async () => expect((await instance(a, key)).hasIncident).toBe(true));
      const view = await instance(a, key);
      expect(view.state).toBe('ACTIVE');
      expect(view.incidents[0]?.errorMessage).toMatch(/label-printer/);
      expect(cluster.runsOf('label-printer')).toEqual([]);
    });
  });

  it('with no peer that has the store, the edge node answers 503 NO_CAPABLE_NODE and nothing changes', async () => {
    // given a core node on another bus than the edge node
    cluster = new InProcessCluster({ handOffTimeoutMs: 200 });
    const { createInMemoryMessageBus } = await import('@baton/memory');
    const core = await cluster.addNode({ nodeId: 'core', hasStore: true, jobTypes: [], bus: createInMemoryMessageBus({ clock: cluster.clock }) });
    await deploy(core);
    const edge = await cluster.addNode({ nodeId: 'edge', hasStore: false, jobTypes: ['label-printer'] });
    // when
    const res = await edge.app.inject({ method: 'POST', url: '/v2/process-instances', payload: { processDefinitionId: 'ship', variables: {} } });
    // then
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: 'NO_CAPABLE_NODE', details: { capability: 'store' } });
    expect((await cluster.store.findInstances({})).total).toBe(0);
  });

  it('shows jobs of a capability nobody has in the topology and the metrics, and leaves them waiting', async () => {
    cluster = new InProcessCluster();
    const node = await cluster.addNode({ nodeId: 'solo', hasStore: true, jobTypes: ['payment'] });
    await deploy(node);
    await start(node, 'orphan');
    expect((await topology(node)).unservedJobs).toEqual([{ jobType: 'polisher', count: 1 }]);
    const metrics = (await node.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/baton_jobs_unserved\{job_type="polisher",node_id="solo"\} 1/);
    expect(cluster.runs).toEqual([]);
  });
});
