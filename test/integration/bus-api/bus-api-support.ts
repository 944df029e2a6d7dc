import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { createBusClient, type BatonBusClient, type BusClientOptions } from '@baton/client';
import { createInMemoryJobQueue, createInMemoryProcessStore } from '@baton/memory';
import { systemClock, type MessageBus } from '@baton/runtime';
import { startNode, type RunningNode, type StartNodeOptions } from '@baton/engine';

/** A fresh cluster name, so each test's subjects are its own on a shared NATS. */
export function uniqueCluster(): string {
  return `bus-api-${randomUUID().slice(0, 8)}`;
}

/** A node and what closes it with its store and queue (not its bus: the test owns that). */
export interface BusNode {
  readonly node: RunningNode;
  close(): Promise<void>;
}

/**
 * A node with the store (in memory) on `bus`, serving REST on a free port and the bus
 * client API on `baton.<cluster>.api.*`. The caller closes it, then the bus.
 */
export async function startBusNode(bus: MessageBus, cluster: string, options: Partial<StartNodeOptions> = {}): Promise<BusNode> {
  const clock = systemClock();
  const store = createInMemoryProcessStore();
  const queue = createInMemoryJobQueue({ clock });
  const close = async (): Promise<void> => {
    await queue.close();
    await store.close();
  };
  const node = await startNode({
    logger: pino({ level: 'silent' }),
    print: () => undefined,
    handleSignals: false,
    port: 0,
    cluster,
    nodeId: `bus-node-${randomUUID().slice(0, 6)}`,
    adapters: { store, queue, bus, close },
    ...options,
  });
  return {
    node,
    close: async () => {
      await node.close();
      await close();
    },
  };
}

/** A node on `nodeBus` and a bus client of it; closing closes the client, the node, the node's bus, then `after`. */
export async function busDoor(
  nodeBus: MessageBus,
  clientOptions: Omit<BusClientOptions, 'cluster'>,
  after: () => Promise<void> = async () => undefined,
): Promise<{ client: BatonBusClient; served: BusNode; close(): Promise<void> }> {
  const cluster = uniqueCluster();
  const served = await startBusNode(nodeBus, cluster);
  const client = await createBusClient({ timeoutMs: 20_000, ...clientOptions, cluster });
  return {
    client,
    served,
    close: async () => {
      await client.close();
      await served.close();
      await nodeBus.close();
      await after();
    },
  };
}

/** A BPMN document of `content` (processes, messages), with the zeebe namespace. */
export function definitions(content: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs" targetNamespace="http://baton.test">
${content}
</bpmn:definitions>`;
}
