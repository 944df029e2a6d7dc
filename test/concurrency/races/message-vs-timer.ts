import { expect } from 'vitest';
import type { PublishMessageResult } from '@baton/runtime';
import { countEvents, expectMessageNotCorrelated, expectRefused, type RaceSpec } from '../support/race.js';
import { completeUserTaskAt, fireTimer, rootVariables, waitKeyAt } from '../support/steps.js';
import { expectNothingLeft, standing } from '../support/invariants.js';

interface Subject {
  readonly instanceId: string;
  readonly timerKey: string;
}

/**
 * Race 1: a message and a timer on the same event-based gateway. Whichever commits
 * first decides the gateway; the other's wait is gone, so it is refused as stale
 * (the message is then simply not correlated: without a TTL it is dropped).
 */
export const messageVsTimer: RaceSpec<Subject> = {
  title: 'race 1: a message and a timer on one event-based gateway',
  resources: ['event-gateway.bpmn'],
  async prepare({ a, store }) {
    const { instanceId } = await a.startInstance({ processId: 'race_event_gateway', variables: { orderId: 'o-1' } });
    return { instanceId, timerKey: await waitKeyAt(store, instanceId, 'timeout') };
  },
  contenders: [
    { name: 'message', run: (engine) => engine.publishMessage({ name: 'payment-received', correlationKey: 'o-1', variables: { paidAmount: 10 } }) },
    { name: 'timer', run: (engine, { instanceId, timerKey }) => fireTimer(engine, instanceId, timerKey) },
  ],
  async expectOutcome(outcome) {
    const { winner, final, history, subject, nodes } = outcome;
    if (winner === 'message') {
      expect((outcome.won as PublishMessageResult).correlatedInstanceId).toBe(subject.instanceId);
      expectRefused(outcome, 'STALE_COMMAND');
      expect(standing(final.state)).toEqual({ status: 'active', waitingAt: ['ship'] });
      expect(rootVariables(final.state)).toMatchObject({ paidAmount: 10 });
    } else {
      expectMessageNotCorrelated(outcome);
      expect(standing(final.state)).toEqual({ status: 'active', waitingAt: ['remind'] });
      expect(rootVariables(final.state)).not.toHaveProperty('paidAmount');
    }
    expect(countEvents(history, 'MessageCorrelated') + countEvents(history, 'TimerFired')).toBe(1);
    // no stuck token: the branch taken runs to the end
    const ended = await completeUserTaskAt(nodes.b, nodes.store, subject.instanceId, winner === 'message' ? 'ship' : 'remind');
    expectNothingLeft(ended);
    expect(ended.status).toBe('completed');
  },
};
