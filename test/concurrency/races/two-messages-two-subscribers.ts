import type { PublishMessageResult } from '@baton/runtime';
import { expect } from 'vitest';
import { countEvents, type RaceSpec } from '../support/race.js';
import { rootVariables } from '../support/steps.js';
import { standing } from '../support/invariants.js';

interface Subject {
  readonly instanceId: string;
  readonly otherInstanceId: string;
}

/**
 * Race 13: two messages with the same name and key, published at once on two
 * nodes, while two instances wait for it. Both try the oldest subscription first;
 * the loser finds it closed on its retry and moves on to the next one. Each
 * instance gets exactly one message: none lost, none delivered twice.
 */
export const twoMessagesTwoSubscribers: RaceSpec<Subject> = {
  title: 'race 13: two messages for two waiting instances, published at once',
  resources: ['event-gateway.bpmn'],
  async prepare({ a }) {
    const first = await a.startInstance({ processId: 'race_event_gateway', variables: { orderId: 'o-1' } });
    const second = await a.startInstance({ processId: 'race_event_gateway', variables: { orderId: 'o-1' } });
    return { instanceId: first.instanceId, otherInstanceId: second.instanceId };
  },
  contenders: [
    { name: 'message m1', run: (engine) => engine.publishMessage({ name: 'payment-received', correlationKey: 'o-1', variables: { paidBy: 'm1' } }) },
    { name: 'message m2', run: (engine) => engine.publishMessage({ name: 'payment-received', correlationKey: 'o-1', variables: { paidBy: 'm2' } }) },
  ],
  async expectOutcome(outcome) {
    const { winner, final, history, subject, nodes } = outcome;
    expect(outcome.lost.status).toBe('fulfilled');
    expect((outcome.won as PublishMessageResult).correlatedInstanceId).toBe(subject.instanceId);
    expect((outcome.lost as { value: PublishMessageResult }).value.correlatedInstanceId).toBe(subject.otherInstanceId);
    // the loser did not commit on the contested instance: it went to the other one
    expect(outcome.loserRetried).toBe(false);
    const other = (await nodes.store.load(subject.otherInstanceId))?.state;
    const [winnerId, loserId] = winner === 'message m1' ? ['m1', 'm2'] : ['m2', 'm1'];
    expect(rootVariables(final.state)).toMatchObject({ paidBy: winnerId });
    expect(other === undefined ? undefined : rootVariables(other)).toMatchObject({ paidBy: loserId });
    expect(countEvents(history, 'MessageCorrelated')).toBe(1);
    for (const state of [final.state, other]) expect(state === undefined ? undefined : standing(state)).toEqual({ status: 'active', waitingAt: ['ship'] });
  },
};
