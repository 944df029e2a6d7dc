import { beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { countInState, deployFixture, expectEventCounts, historyOf, startInstance, startRoundRobin, untilCompleted } from './support/instances.js';
import { clusterOnOwnRedis } from './support/own-redis-cluster.js';

// Issue 12, "Also add and pass": the same message published twice at once from two
// nodes makes one correlation. Instances of fixtures/await-payment wait for
// "payment-received" with their own orderId; each message (same name, correlation key
// and messageId) is published to node-a and node-b at the same time, every pair at
// once. Baton follows Camunda 8: without a timeToLive a message correlates to one
// waiting subscription now or is dropped, so one publication of each pair correlates and
// the other finds the subscription gone and is dropped (both answer 200 with their own
// messageKey, as 8.8's publication result names no instance; the history tells).
// With a timeToLive the messageId makes publication idempotent for that time: the second
// publication is refused (409 MESSAGE_ALREADY_PUBLISHED). Before, it was buffered, and a
// later instance waiting for the same order took it: a second payment.

const instances = 50;
const processDefinitionId = 'await-payment';
const messageName = 'payment-received';
const allTypes = ['reserve-stock', 'charge-card', 'ship-order', 'label-printer'];

interface Publication {
  readonly status: number;
  readonly code?: string;
  readonly messageKey?: string;
}

async function publish(url: string, orderId: string, messageId: string, timeToLive: number | undefined): Promise<Publication> {
  const res = await fetch(`${url}/v2/messages/publication`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: messageName, correlationKey: orderId, messageId, variables: { paidBy: url }, ...(timeToLive === undefined ? {} : { timeToLive }) }),
  });
  const body = (await res.json()) as { messageKey?: string; code?: string };
  return { status: res.status, ...(body.code === undefined ? {} : { code: body.code }), ...(body.messageKey === undefined ? {} : { messageKey: body.messageKey }) };
}

describe('the same message published twice at once through two real nodes', () => {
  const { cluster, redis } = clusterOnOwnRedis('message-twice', []);
  const urls: string[] = [];
  beforeAll(async () => {
    const store = redis().url;
    const bus = inject('natsUrl');
    for (const name of ['node-a', 'node-b']) urls.push((await cluster.start({ name, store, bus, capabilities: allTypes })).url);
    await deployFixture(urls[0] as string, processDefinitionId);
  }, 120_000);

  /** Starts the instances, publishes each message through both nodes at once, and checks each instance moved once; resolves with the answers, a pair per instance. */
  async function publishTwiceAtOnce(timeToLive: number | undefined): Promise<{ keys: string[]; pairs: Publication[][] }> {
    const [nodeA, nodeB] = urls as [string, string];
    // given: the instances, through both nodes, each waiting at its message catch event
    const run = crypto.randomUUID();
    const orderId = (i: number): string => `order-${run}-${i}`;
    const keys = await startRoundRobin(urls, instances, undefined, { processDefinitionId, variables: (i) => ({ orderId: orderId(i) }) });
    await expectEventCounts(nodeA, keys, { MessageSubscriptionOpened: 1, MessageCorrelated: 0 });
    const before = await countInState(nodeB, 'COMPLETED', processDefinitionId);

    // when: each message goes to node-a and node-b at once, every pair at the same time
    const pairs = await Promise.all(keys.map((_key, i) => Promise.all([nodeA, nodeB].map((url) => publish(url, orderId(i), `payment-${run}-${i}`, timeToLive)))));

    // then: every instance completes, having correlated once and moved on once
    await untilCompleted(nodeB, before + instances, 120_000, () => cluster.outputs(), processDefinitionId);
    await expectEventCounts(nodeB, keys, { MessageSubscriptionOpened: 1, MessageCorrelated: 1, MessageSubscriptionClosed: 1, JobCreated: 1, JobCompleted: 1, InstanceCompleted: 1, IncidentRaised: 0 });
    const ran = new Set(keys);
    expect(new Set(cluster.runs().filter((r) => ran.has(r.instance)).map((r) => r.instance)).size).toBe(instances);
    // and: the other publication was not kept: a new instance waiting for the same order stays waiting
    const late = await startInstance(nodeA, processDefinitionId, { orderId: orderId(0) });
    expect((await historyOf(nodeB, late.key)).filter((e) => e.type.startsWith('Message')).map((e) => e.type)).toEqual(['MessageSubscriptionOpened']);
    expect(await countInState(nodeB, 'ACTIVE', processDefinitionId)).toBe(1);
    expect((await fetch(`${nodeB}/v2/process-instances/${late.key}/cancellation`, { method: 'POST' })).status).toBeLessThan(300);
    await vi.waitFor(async () => expect(await countInState(nodeB, 'ACTIVE', processDefinitionId)).toBe(0), { timeout: 30_000, interval: 100 });
    return { keys, pairs };
  }

  it(`without a timeToLive: each of ${instances} messages correlates once, the other publication is dropped`, { timeout: 240_000 }, async () => {
    const { pairs } = await publishTwiceAtOnce(undefined);
    // and: both publications of each pair were accepted, each as a message of its own
    expect(pairs.flat().filter((p) => p.status !== 200)).toEqual([]);
    expect(pairs.filter((pair) => new Set(pair.map((p) => p.messageKey)).size !== 2 || pair.some((p) => !/^\d+$/.test(p.messageKey ?? '')))).toEqual([]);
  });

  it(`with a timeToLive: each of ${instances} messages correlates once, the other publication is refused as already published`, { timeout: 240_000 }, async () => {
    const { pairs } = await publishTwiceAtOnce(60_000);
    // and: the other publication of each pair was refused, not buffered
    expect(pairs.map((pair) => pair.map((p) => `${p.status} ${p.code ?? ''}`.trim()).sort())).toEqual(pairs.map(() => ['200', '409 MESSAGE_ALREADY_PUBLISHED']));
  });
});
