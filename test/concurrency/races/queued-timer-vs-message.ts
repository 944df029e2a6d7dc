import { describe, expect, it } from 'vitest';
import { expectHistoryFoldsToState, expectIndexesMatchState, readAllHistory, standing } from '../support/invariants.js';
import { rootVariables, waitKeyAt } from '../support/steps.js';
import { twoNodes, type BackendFactory } from '../support/two-nodes.js';

const hourMs = 3_600_000;

/**
 * Race 1 again, with the timer delivered by the real queue to a node's timer
 * handler (BullMQ on Redis, wall time; the in-memory queue on the virtual clock)
 * rather than fired by the test: the handler's FireTimer is held at its commit
 * while a message wins the gateway on the other node, whose commit cancels the
 * timer that is being handled right then. Released, the FireTimer conflicts,
 * is refused as stale on its retry, and the handler drops it as late: the timer is
 * handled once, without error, and nothing else changes.
 */
export function describeQueuedTimerRace(backend: BackendFactory): void {
  describe('race 1 through the queue: a delivered timer held at its commit while a message wins', () => {
    it('the late timer is refused as stale and handled without error', async () => {
      // the clock starts an hour back, so the fixture's one-hour timer is due now on wall time
      const nodes = await twoNodes(backend, ['event-gateway.bpmn'], { clockStartMs: Date.now() - hourMs });
      try {
        const pause = nodes.race.pauseNextCommit({ eventType: 'TimerFired' });
        const { instanceId } = await nodes.a.startInstance({ processId: 'race_event_gateway', variables: { orderId: 'o-1' } });
        const timerKey = await waitKeyAt(nodes.store, instanceId, 'timeout');
        const advancing = nodes.timers === 'virtual' ? nodes.clock.advanceBy(hourMs) : Promise.resolve();
        const held = await pause.paused;
        expect(held.request.instanceId).toBe(instanceId);
        // when the message commits on the other node while the timer's commit waits
        const other = held.node === 'a' ? nodes.b : nodes.a;
        const published = await other.publishMessage({ name: 'payment-received', correlationKey: 'o-1', variables: { paidAmount: 10 } });
        expect(published.correlatedInstanceId).toBe(instanceId);
        pause.release();
        // then the timer's handler finished without error, after one conflict and no commit
        expect(await nodes.timerWatch.handled(timerKey)).toMatchObject({ outcome: 'handled' });
        await advancing;
        const timerCommits = nodes.race.commits.filter((c) => c.eventTypes.includes('TimerFired'));
        expect(timerCommits.map((c) => c.outcome)).toEqual(['conflict']);
        const stored = await nodes.store.load(instanceId);
        if (stored === undefined) throw new Error('instance vanished');
        expect(standing(stored.state)).toEqual({ status: 'active', waitingAt: ['ship'] });
        expect(rootVariables(stored.state)).toMatchObject({ paidAmount: 10 });
        const history = await readAllHistory(nodes.store, instanceId);
        expect(history.filter((e) => e.event.type === 'TimerFired')).toEqual([]);
        expectHistoryFoldsToState(history, stored);
        await expectIndexesMatchState(nodes.store, stored.state);
        expect(await nodes.store.readOutbox({ committedBefore: Number.MAX_SAFE_INTEGER, limit: 100 })).toEqual([]);
        expect(nodes.timerWatch.deliveries).toHaveLength(1);
        expect(nodes.errors).toEqual([]);
      } finally {
        await nodes.close();
      }
    });
  });
}
