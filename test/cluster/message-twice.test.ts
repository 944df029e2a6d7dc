import { describe, expect, inject, it } from 'vitest';
import { countInState, deployFixture, expectEventCounts, historyOf, startInstance, startRoundRobin, untilCompleted } from './support/instances.js';
import { clusterOnOwnRedis } from './support/own-redis-cluster.js';

// Issue 12, "Also add and pass": the same message published twice at once from two
// nodes makes one correlation. 50 instances of fixtures/await-payment wait for
// "payment-received" with their own orderId; each message (same name, correlation key
// and messageId) is published to node-a and node-b at the same time, all 50 pairs at
// once. Baton implements Camunda's semantics for a message without a timeToLive: it
// correlates to one waiting subscription now or is dropped (never buffered). So one
// publication of each pair correlates and the other finds the subscription gone and
// answers 200 without a processInstanceKey; each instance moves once.

const instances = 50;
const processDefinitionId = 'await-payment';
const messageName = 'payment-received';
const allTypes = ['reserve-stock', 'charge-card', 'ship-order', 'label-printer'];

interface Publication {
  readonly status: number;
  readonly processInstanceKey?: string;
}

async function publish(url: string, orderId: string, messageId: string): Promise<Publication> {
  const res = await fetch(`${url}/v2/messages/publication`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: messageName, correlationKey: orderId, messageId, variables: { paidBy: url } }),
  });
  const body = (await res.json()) as { processInstanceKey?: string };
  return { status: res.status, ...(body.processInstanceKey === undefined ? {} : { processInstanceKey: body.processInstanceKey }) };
}

describe('the same message published twice at once through two real nodes', () => {
  const { cluster, redis } = clusterOnOwnRedis('message-twice', []);

  it(`correlates each of ${instances} messages once: one publication takes it, the other is dropped`, { timeout: 240_000 }, async () => {
    // given: 50 instances through both nodes, each waiting at its message catch event
    const store = redis().url;
    const bus = inject('natsUrl');
    const nodeA = await cluster.start({ name: 'node-a', store, bus, capabilities: allTypes });
    const nodeB = await cluster.start({ name: 'node-b', store, bus, capabilities: allTypes });
    await deployFixture(nodeA.url, processDefinitionId);
    const run = crypto.randomUUID();
    const orderId = (i: number): string => `order-${run}-${i}`;
    const keys = await startRoundRobin([nodeA.url, nodeB.url], instances, undefined, { processDefinitionId, variables: (i) => ({ orderId: orderId(i) }) });
    await expectEventCounts(nodeA.url, keys, { MessageSubscriptionOpened: 1, MessageCorrelated: 0 });

    // when: each message goes to node-a and node-b at once, every pair at the same time
    const pairs = await Promise.all(keys.map((_key, i) => Promise.all([publish(nodeA.url, orderId(i), `payment-${run}-${i}`), publish(nodeB.url, orderId(i), `payment-${run}-${i}`)])));

    // then: both publications of each pair are accepted; exactly one names the instance it correlated to
    expect(pairs.flat().filter((p) => p.status !== 200)).toEqual([]);
    expect(pairs.map((pair) => pair.map((p) => p.processInstanceKey).filter((k) => k !== undefined))).toEqual(keys.map((key) => [key]));
    // and: every instance completes, having correlated once and moved on once
    await untilCompleted(nodeB.url, instances, 120_000, () => cluster.outputs(), processDefinitionId);
    await expectEventCounts(nodeB.url, keys, { MessageSubscriptionOpened: 1, MessageCorrelated: 1, MessageSubscriptionClosed: 1, JobCreated: 1, JobCompleted: 1, InstanceCompleted: 1, IncidentRaised: 0 });
    expect(new Set(cluster.runs().map((r) => r.instance))).toEqual(new Set(keys));
    // and: the dropped publication was not kept: a new instance waiting for the same order stays waiting
    const late = await startInstance(nodeA.url, processDefinitionId, { orderId: orderId(0) });
    expect((await historyOf(nodeB.url, late.key)).filter((e) => e.type.startsWith('Message')).map((e) => e.type)).toEqual(['MessageSubscriptionOpened']);
    expect(await countInState(nodeB.url, 'ACTIVE', processDefinitionId)).toBe(1);
  });
});
