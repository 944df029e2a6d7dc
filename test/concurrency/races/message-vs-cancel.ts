import { expect } from 'vitest';
import type { PublishMessageResult } from '@baton/runtime';
import { countEvents, expectAppliedOnRetry, expectMessageNotCorrelated, type RaceSpec } from '../support/race.js';
import { rootVariables } from '../support/steps.js';
import { expectNothingLeft } from '../support/invariants.js';

interface Subject {
  readonly instanceId: string;
}

/**
 * Race 7 (issue 5, race 5): a message correlation and an instance cancellation.
 * A message that lost finds the instance terminated and is not correlated; a
 * cancel that lost applies on its retry, keeping the message's variables.
 */
export const messageVsCancel: RaceSpec<Subject> = {
  title: 'race 7: a message correlation and an instance cancellation',
  resources: ['event-gateway.bpmn'],
  async prepare({ a }) {
    const { instanceId } = await a.startInstance({ processId: 'race_event_gateway', variables: { orderId: 'o-1' } });
    return { instanceId };
  },
  contenders: [
    { name: 'message', run: (engine) => engine.publishMessage({ name: 'payment-received', correlationKey: 'o-1', variables: { paidAmount: 10 } }) },
    { name: 'cancel', run: (engine, { instanceId }) => engine.cancelInstance(instanceId) },
  ],
  expectOutcome(outcome) {
    const { winner, final, history, subject } = outcome;
    if (winner === 'message') {
      expect((outcome.won as PublishMessageResult).correlatedInstanceId).toBe(subject.instanceId);
      expectAppliedOnRetry(outcome);
      expect(rootVariables(final.state)).toMatchObject({ paidAmount: 10 });
      expect(countEvents(history, 'ElementTerminated', 'ship')).toBe(1);
    } else {
      expectMessageNotCorrelated(outcome);
      expect(rootVariables(final.state)).not.toHaveProperty('paidAmount');
      expect(countEvents(history, 'ElementTerminated', 'choose')).toBe(1);
    }
    expect(countEvents(history, 'MessageCorrelated')).toBe(winner === 'message' ? 1 : 0);
    expect(countEvents(history, 'InstanceTerminated')).toBe(1);
    expectNothingLeft(final.state);
  },
};
