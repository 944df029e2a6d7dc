import { randomUUID } from 'node:crypto';
import { createFayeMessageBus, createFayeServer, type RunningFayeServer } from '@baton/faye';
import { createBullmqJobQueue, createRedisProcessStore } from '@baton/redis';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { handledByHeader } from '../../../services/engine/src/handoff/api-hand-off.js';
import { InProcessCluster, threeCapabilitiesXml, type InProcessNode } from '../../../services/engine/src/handoff/__fixtures__/in-process-cluster.js';
import { deletePrefix, uniquePrefix } from '../redis/redis-test-support.js';

/** The heterogeneous setup of the seed with Faye as the bus (its own endpoint, token-checked) and Redis as the store. */
describe('cluster on Faye and Redis', () => {
  const token = `t-${randomUUID()}`;
  let faye: RunningFayeServer;
  let cluster: InProcessCluster | undefined;
  const prefix = uniquePrefix();

  beforeAll(async () => {
    faye = await createFayeServer({ port: 0, token });
  });
  afterEach(async () => {
    await cluster?.close();
    cluster = undefined;
  });
  afterAll(async () => {
    await faye.close();
    await deletePrefix(prefix);
  });

  it('an instance started through the edge node completes, each job on its capable node', async () => {
    const redisUrl = inject('redisUrl');
    const quiet = { onWarning: () => undefined };
    cluster = new InProcessCluster({
      handOffTimeoutMs: 2_000,
      cluster: `faye-${randomUUID()}`,
      newBus: () => createFayeMessageBus({ url: faye.url, token }),
      newStoreAndQueue: async () => ({
        store: await createRedisProcessStore({ url: redisUrl, prefix, ...quiet }),
        queue: await createBullmqJobQueue({ url: redisUrl, prefix, ...quiet }),
      }),
    });
    const a = await cluster.addNode({ nodeId: 'core-a', hasStore: true, jobTypes: ['payment', 'shipping'] });
    const edge = await cluster.addNode({ nodeId: 'edge', hasStore: false, jobTypes: ['label-printer'] });
    for (const node of [a, edge] as InProcessNode[]) {
      await vi.waitFor(() => expect(node.cluster.server.peers()).toHaveLength(1), { timeout: 10_000 });
    }
    const deployed = await a.app.inject({ method: 'POST', url: '/v2/deployments', headers: { 'content-type': 'application/xml' }, payload: threeCapabilitiesXml });
    expect(deployed.statusCode, deployed.body).toBe(200);
    // when the edge node (no store) is asked to start an instance
    const res = await edge.app.inject({ method: 'POST', url: '/v2/process-instances', payload: { processDefinitionId: 'ship', variables: {} } });
    // then a node with the store answered, and the label job ran on the edge node
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers[handledByHeader]).toBe('core-a');
    const key = res.json<{ processInstanceKey: string }>().processInstanceKey;
    await vi.waitFor(
      async () => expect((await a.app.inject({ method: 'GET', url: `/v2/process-instances/${key}` })).json()).toMatchObject({ state: 'COMPLETED' }),
      { timeout: 15_000, interval: 50 },
    );
    expect(cluster.runs.map((r) => [r.jobType, r.nodeId])).toEqual([
      ['payment', 'core-a'],
      ['shipping', 'core-a'],
      ['label-printer', 'edge'],
    ]);
  });
});
