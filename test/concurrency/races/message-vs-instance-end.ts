import { expect } from 'vitest';
import type { PublishMessageResult } from '@baton/runtime';
import { countEvents, expectAppliedOnRetry, expectMessageNotCorrelated, type RaceSpec } from '../support/race.js';
import { rootVariables, waitKeyAt } from '../support/steps.js';
import { expectNothingLeft } from '../support/invariants.js';

interface Subject {
  readonly instanceId: string;
  readonly jobKey: string;
}

/**
 * Race 8: a message correlation racing the instance's end. The message targets a
 * non-interrupting boundary event on the last task; completing that task ends the
 * instance. A message that lost finds the instance completed and is not
 * correlated; an end that lost applies on its retry, with the message's variables kept.
 */
export const messageVsInstanceEnd: RaceSpec<Subject> = {
  title: "race 8: a message correlation racing the instance's end",
  resources: ['work-with-side-events.bpmn'],
  async prepare({ a, store }) {
    const { instanceId } = await a.startInstance({ processId: 'race_side_events', variables: { orderId: 'o-1' } });
    return { instanceId, jobKey: await waitKeyAt(store, instanceId, 'work') };
  },
  contenders: [
    { name: 'message', run: (engine) => engine.publishMessage({ name: 'note', correlationKey: 'o-1', variables: { note: 'rush' } }) },
    { name: 'last job completion', run: (engine, { jobKey }) => engine.completeJob({ jobKey, variables: { done: true } }) },
  ],
  expectOutcome(outcome) {
    const { winner, final, history, subject } = outcome;
    if (winner === 'message') {
      expect((outcome.won as PublishMessageResult).correlatedInstanceId).toBe(subject.instanceId);
      expectAppliedOnRetry(outcome);
      expect(rootVariables(final.state)).toMatchObject({ note: 'rush', done: true });
    } else {
      expectMessageNotCorrelated(outcome);
      expect(rootVariables(final.state)).toMatchObject({ done: true });
      expect(rootVariables(final.state)).not.toHaveProperty('note');
    }
    expect(countEvents(history, 'ElementCompleted', 'noted')).toBe(winner === 'message' ? 1 : 0);
    expect(countEvents(history, 'InstanceCompleted')).toBe(1);
    expect(final.state.status).toBe('completed');
    expectNothingLeft(final.state);
  },
};
