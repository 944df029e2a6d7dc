import { randomUUID } from 'node:crypto';
import { createBusClient, type BatonBusClient } from '@baton/client';
import { createFayeMessageBus, createFayeServer, type RunningFayeServer } from '@baton/faye';
import { createNatsMessageBus } from '@baton/nats';
import type { MessageBus } from '@baton/runtime';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { startBusNode, uniqueCluster } from './bus-api-support.js';

const noCapableNode = { name: 'BatonError', code: 'NO_CAPABLE_NODE', details: { status: 503, operationId: 'searchProcessInstances' } };

// Issue 14: a request no node answers fails with NO_CAPABLE_NODE within its timeout; it never hangs.
describe('a bus client with no node to answer', () => {
  const token = `t-${randomUUID()}`;
  let faye: RunningFayeServer;
  const opened: { close(): Promise<void> }[] = [];
  const buses: Record<string, () => Promise<{ url: string; fayeToken?: string; bus: () => Promise<MessageBus> }>> = {
    NATS: async () => ({ url: inject('natsUrl'), bus: () => createNatsMessageBus({ url: inject('natsUrl') }) }),
    Faye: async () => ({ url: `faye+${faye.url}`, fayeToken: token, bus: () => createFayeMessageBus({ url: faye.url, token }) }),
  };

  beforeAll(async () => {
    faye = await createFayeServer({ port: 0, token });
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((item) => item.close()));
  });
  afterAll(async () => {
    await faye.close();
  });

  async function busClient(url: string, cluster: string, fayeToken: string | undefined): Promise<BatonBusClient> {
    const client = await createBusClient({ bus: url, cluster, timeoutMs: 1_000, ...(fayeToken === undefined ? {} : { fayeToken }) });
    opened.push(client);
    return client;
  }

  it('rejects with NO_CAPABLE_NODE once the only node has stopped: it leaves the queue group on close (NATS)', async () => {
    // given a node that served a request, then stopped while its bus stays up
    const cluster = uniqueCluster();
    const bus = await createNatsMessageBus({ url: inject('natsUrl') });
    opened.push(bus);
    const served = await startBusNode(bus, cluster);
    const client = await busClient(inject('natsUrl'), cluster, undefined);
    await expect(client.getTopology()).resolves.toMatchObject({ nodeId: served.node.nodeId });
    await served.close();
    // when the client asks again, then no node answers
    await expect(client.searchProcessInstances()).rejects.toMatchObject(noCapableNode);
  });

  for (const name of Object.keys(buses)) {
    it(`rejects with NO_CAPABLE_NODE when nobody serves the cluster (${name})`, async () => {
      const { url, fayeToken } = await buses[name]!();
      const client = await busClient(url, uniqueCluster(), fayeToken);
      await expect(client.searchProcessInstances()).rejects.toMatchObject(noCapableNode);
    });

    it(`rejects with NO_CAPABLE_NODE when the member of the queue group never answers (${name})`, async () => {
      // given a member of the API's queue group that takes requests and answers none (a node stuck mid-request)
      const { url, fayeToken, bus } = await buses[name]!();
      const cluster = uniqueCluster();
      const silent = await bus();
      opened.push(silent);
      let taken = 0;
      await silent.subscribe(`baton.${cluster}.api.*`, () => void (taken += 1), { queue: `baton.${cluster}.api` });
      // when a request goes out, then it fails once its timeout passes, and the member did take it
      const client = await busClient(url, cluster, fayeToken);
      await expect(client.searchProcessInstances()).rejects.toMatchObject({ ...noCapableNode, details: { ...noCapableNode.details, timeoutMs: 1_000 } });
      await vi.waitFor(() => expect(taken).toBe(1), { timeout: 10_000 });
    });
  }
});
