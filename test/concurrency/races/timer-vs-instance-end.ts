import { expect } from 'vitest';
import { countEvents, expectAppliedOnRetry, expectRefused, type RaceSpec } from '../support/race.js';
import { fireTimer, waitKeyAt } from '../support/steps.js';
import { expectNothingLeft } from '../support/invariants.js';

interface Subject {
  readonly instanceId: string;
  readonly jobKey: string;
  readonly timerKey: string;
}

/**
 * Race 9 (issue 5, race 7): a timer firing while the instance completes. The timer
 * is a non-interrupting boundary on the last task. A timer that lost finds the
 * instance completed (INSTANCE_NOT_ACTIVE, which the timer handler drops as late);
 * a completion that lost applies on its retry.
 */
export const timerVsInstanceEnd: RaceSpec<Subject> = {
  title: 'race 9: a timer firing while the instance completes',
  resources: ['work-with-side-events.bpmn'],
  async prepare({ a, store }) {
    const { instanceId } = await a.startInstance({ processId: 'race_side_events', variables: { orderId: 'o-1' } });
    return { instanceId, jobKey: await waitKeyAt(store, instanceId, 'work'), timerKey: await waitKeyAt(store, instanceId, 'remind') };
  },
  contenders: [
    { name: 'timer', run: (engine, { instanceId, timerKey }) => fireTimer(engine, instanceId, timerKey) },
    { name: 'last job completion', run: (engine, { jobKey }) => engine.completeJob({ jobKey, variables: { done: true } }) },
  ],
  expectOutcome(outcome) {
    const { winner, final, history } = outcome;
    if (winner === 'timer') expectAppliedOnRetry(outcome);
    else expectRefused(outcome, 'INSTANCE_NOT_ACTIVE');
    expect(countEvents(history, 'TimerFired')).toBe(winner === 'timer' ? 1 : 0);
    expect(countEvents(history, 'ElementCompleted', 'reminded')).toBe(winner === 'timer' ? 1 : 0);
    expect(countEvents(history, 'InstanceCompleted')).toBe(1);
    expect(final.state.status).toBe('completed');
    expectNothingLeft(final.state);
  },
};
