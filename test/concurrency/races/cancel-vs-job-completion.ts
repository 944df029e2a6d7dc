import { expect } from 'vitest';
import { countEvents, expectAppliedOnRetry, expectRefused, type RaceSpec } from '../support/race.js';
import { rootVariables, waitKeyAt } from '../support/steps.js';
import { expectNothingLeft } from '../support/invariants.js';

interface Subject {
  readonly instanceId: string;
  readonly jobKey: string;
}

/**
 * Race 5: a cancel and a job completion. A completion that lost finds the instance
 * terminated, so its job is no longer open (JOB_NOT_OPEN, a 404 as in Camunda); a cancel that lost still applies on its retry,
 * so the completion's variables stay (no lost update) and the next task is cancelled.
 */
export const cancelVsJobCompletion: RaceSpec<Subject> = {
  title: 'race 5: an instance cancellation and a job completion',
  resources: ['task-timeout.bpmn'],
  async prepare({ a, store }) {
    const { instanceId } = await a.startInstance({ processId: 'race_task_timeout' });
    return { instanceId, jobKey: await waitKeyAt(store, instanceId, 'charge') };
  },
  contenders: [
    { name: 'job completion', run: (engine, { jobKey }) => engine.completeJob({ jobKey, variables: { receipt: 'r-1' } }) },
    { name: 'cancel', run: (engine, { instanceId }) => engine.cancelInstance(instanceId) },
  ],
  expectOutcome(outcome) {
    const { winner, final, history } = outcome;
    const jobWon = winner === 'job completion';
    if (jobWon) {
      expectAppliedOnRetry(outcome);
      expect(rootVariables(final.state)).toMatchObject({ receipt: 'r-1' });
      expect(countEvents(history, 'ElementTerminated', 'confirm')).toBe(1);
    } else {
      expectRefused(outcome, 'JOB_NOT_OPEN');
      expect(rootVariables(final.state)).not.toHaveProperty('receipt');
      expect(countEvents(history, 'ElementTerminated', 'charge')).toBe(1);
    }
    expect(countEvents(history, 'JobCompleted')).toBe(jobWon ? 1 : 0);
    expect(countEvents(history, 'InstanceTerminated')).toBe(1);
    expect(final.state.status).toBe('terminated');
    expectNothingLeft(final.state);
  },
};
