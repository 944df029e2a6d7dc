import { randomUUID } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import WebSocket from 'ws';
import { emptyDatabase, onDatabase } from './support/redis-database.js';
import { ServeCluster, type ServeNode } from './support/serve-nodes.js';

// Issue 14: GraphQL subscriptions work in a cluster. Two real `baton serve` nodes on one
// Redis (database 15, this file's own) and one NATS; a change committed by node A reaches
// a subscriber connected to node B through the bus, and B re-reads it from the store.
const review = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D-review" targetNamespace="http://baton.dev/test">
  <bpmn:process id="review" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="check" name="Check the order"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
    <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

interface Answer<T> {
  readonly data?: T;
  readonly errors?: readonly { readonly message: string }[];
}

/** POSTs a GraphQL operation to `node`; fails on any error. */
async function graphql<T>(node: ServeNode, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${node.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const answer = (await res.json()) as Answer<T>;
  if (answer.errors !== undefined || answer.data === undefined) throw new Error(`${node.name} answered ${res.status}: ${JSON.stringify(answer)}`);
  return answer.data;
}

/** Subscribes on `client` and keeps every event's data. */
function record<T>(client: Client, query: string, variables: Record<string, unknown> = {}): { events: T[]; errors: unknown[] } {
  const received: { events: T[]; errors: unknown[] } = { events: [], errors: [] };
  client.subscribe<T>({ query, variables }, { next: (r) => (r.data === undefined || r.data === null ? undefined : received.events.push(r.data)), error: (e) => received.errors.push(e), complete: () => undefined });
  return received;
}

/** Long enough for a loaded 2-core machine: a commit, a bus message and a re-read from Redis. */
const eventually = (check: () => void | Promise<void>): Promise<void> => vi.waitFor(check, { timeout: 30_000, interval: 50 });

describe('GraphQL subscriptions across two real nodes on Redis and NATS', () => {
  const redisUrl = onDatabase(inject('redisUrl'), 15);
  const cluster = new ServeCluster(`graphql-${randomUUID()}`);
  let a: ServeNode;
  let b: ServeNode;
  let client: Client;

  beforeAll(async () => {
    await emptyDatabase(redisUrl);
    a = await cluster.start({ name: 'node-a', store: redisUrl, bus: inject('natsUrl'), capabilities: [] });
    b = await cluster.start({ name: 'node-b', store: redisUrl, bus: inject('natsUrl'), capabilities: [] });
    client = createClient({ url: `${b.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
  });
  afterAll(async () => {
    await client.dispose();
    await cluster.dispose();
    await emptyDatabase(redisUrl);
  });

  it('sends a subscriber on node B the task and the instance state that node A committed', async () => {
    // given: the model deployed and a task-list subscriber on B
    await graphql(a, 'mutation ($xml: String!) { deploy(xml: $xml, name: "review.bpmn") { deploymentKey } }', { xml: review });
    const tasks = record<{ userTasks: { name: string; processInstanceKey: string; userTaskKey: string }[] }>(client, 'subscription { userTasks(filter: { processDefinitionId: "review" }) { userTaskKey name processInstanceKey } }');
    await eventually(() => expect(tasks.events).toEqual([{ userTasks: [] }]));

    // when: A starts an instance
    const { createProcessInstance } = await graphql<{ createProcessInstance: { processInstanceKey: string } }>(a, 'mutation { createProcessInstance(processDefinitionId: "review") { processInstanceKey } }');
    const key = createProcessInstance.processInstanceKey;

    // then: B's subscriber gets its task
    await eventually(() => expect(tasks.events.at(-1)?.userTasks).toEqual([expect.objectContaining({ name: 'Check the order', processInstanceKey: key })]));
    const state = record<{ processInstance: { state: string } }>(client, 'subscription ($key: ID!) { processInstance(key: $key) { state } }', { key });
    await eventually(() => expect(state.events).toEqual([{ processInstance: { state: 'ACTIVE' } }]));

    // when: A completes the task
    const userTaskKey = tasks.events.at(-1)?.userTasks[0]?.userTaskKey ?? '';
    await graphql(a, 'mutation ($key: ID!) { completeUserTask(key: $key) }', { key: userTaskKey });

    // then: B's subscribers see the task go and the instance complete
    await eventually(() => expect(state.events.at(-1)).toEqual({ processInstance: { state: 'COMPLETED' } }));
    await eventually(() => expect(tasks.events.at(-1)).toEqual({ userTasks: [] }));
    expect([...tasks.errors, ...state.errors]).toEqual([]);
  });

  it('lists the other node as a peer in the topology', async () => {
    await eventually(async () => {
      const { topology } = await graphql<{ topology: { nodeId: string; clusterSize: number; peers: { nodeId: string; capabilities: string[] }[] } }>(
        b,
        '{ topology { nodeId clusterSize peers { nodeId capabilities } } }',
      );
      // Capabilities: the test handlers' job types, and `store`.
      expect(topology).toEqual({ nodeId: 'node-b', clusterSize: 2, peers: [{ nodeId: 'node-a', capabilities: expect.arrayContaining(['store', 'charge-card']) }] });
    });
  });
});
