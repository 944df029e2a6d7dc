import { describe, expect, it } from 'vitest';
import { expectHistoryFoldsToState, expectIndexesMatchState, readAllHistory, standing } from '../support/invariants.js';
import { rootVariables, waitKeyAt } from '../support/steps.js';
import { twoNodes, type BackendFactory, type TwoNodes } from '../support/two-nodes.js';

/**
 * Race 14: a message with a TTL published while the commit that opens its
 * subscription is in flight on another node. Not a version race (the publish finds
 * no subscription, so it never commits on the instance) but the classic lost
 * message: the publish must buffer it, and the commit's node must take it from the
 * buffer right after committing. The other order (subscription first) correlates
 * directly. Either way the instance gets the message exactly once.
 */
export function describeMessageBufferRace(backend: BackendFactory): void {
  describe('race 14: a message with a TTL and the commit that opens its subscription', () => {
    it('message published while the subscription commit waits: buffered, then taken by that commit', () =>
      withNodes(backend, async (nodes, instanceId, jobKey) => {
        const holding = await nodes.race.holdAtCommit({ node: 'a', instanceId }, () => nodes.a.completeJob({ jobKey }));
        const published = await nodes.b.publishMessage({ name: 'payment-received', correlationKey: 'o-1', variables: { paidAmount: 10 }, timeToLiveMs: 60_000 });
        expect(published).toMatchObject({ isBuffered: true, startedInstanceIds: [] });
        expect(published.correlatedInstanceId).toBeUndefined();
        expect(await holding.release()).toMatchObject({ status: 'fulfilled' });
        await expectCorrelatedOnce(nodes, instanceId);
      }));

    it('subscription committed first: the message correlates directly', () =>
      withNodes(backend, async (nodes, instanceId, jobKey) => {
        await nodes.a.completeJob({ jobKey });
        const published = await nodes.b.publishMessage({ name: 'payment-received', correlationKey: 'o-1', variables: { paidAmount: 10 }, timeToLiveMs: 60_000 });
        expect(published).toMatchObject({ correlatedInstanceId: instanceId, isBuffered: false });
        await expectCorrelatedOnce(nodes, instanceId);
      }));
  });
}

async function withNodes(backend: BackendFactory, body: (nodes: TwoNodes, instanceId: string, jobKey: string) => Promise<void>): Promise<void> {
  const nodes = await twoNodes(backend, ['prepare-then-wait.bpmn']);
  try {
    const { instanceId } = await nodes.a.startInstance({ processId: 'race_prepare_then_wait', variables: { orderId: 'o-1' } });
    await body(nodes, instanceId, await waitKeyAt(nodes.store, instanceId, 'prepare'));
    expect(nodes.errors).toEqual([]);
  } finally {
    await nodes.close();
  }
}

async function expectCorrelatedOnce(nodes: TwoNodes, instanceId: string): Promise<void> {
  const stored = await nodes.store.load(instanceId);
  if (stored === undefined) throw new Error(`instance ${instanceId} vanished`);
  expect(standing(stored.state)).toEqual({ status: 'active', waitingAt: ['ship'] });
  expect(rootVariables(stored.state)).toMatchObject({ paidAmount: 10 });
  const history = await readAllHistory(nodes.store, instanceId);
  expect(history.filter((e) => e.event.type === 'MessageCorrelated')).toHaveLength(1);
  expectHistoryFoldsToState(history, stored);
  await expectIndexesMatchState(nodes.store, stored.state);
  // the buffer gave the message up: nothing is left for a later subscription
  expect(await nodes.store.takeBufferedMessage('payment-received', 'o-1', nodes.clock.now())).toBeUndefined();
}
