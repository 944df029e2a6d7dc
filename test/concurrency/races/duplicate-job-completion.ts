import { expect } from 'vitest';
import { countEvents, expectRefused, type RaceSpec } from '../support/race.js';
import { rootVariables, waitKeyAt } from '../support/steps.js';
import { standing } from '../support/invariants.js';

interface Subject {
  readonly instanceId: string;
  readonly jobKey: string;
}

/**
 * Race 3: the same job completed twice, by workers on two nodes (a duplicate
 * delivery after a lease ran out). One completion applies; the other is
 * JOB_NOT_OPEN and its variables never reach the instance.
 */
export const duplicateJobCompletion: RaceSpec<Subject> = {
  title: 'race 3: the same job completed by two workers on two nodes',
  resources: ['task-timeout.bpmn'],
  async prepare({ a, store }) {
    const { instanceId } = await a.startInstance({ processId: 'race_task_timeout' });
    return { instanceId, jobKey: await waitKeyAt(store, instanceId, 'charge') };
  },
  contenders: [
    { name: 'worker on a', run: (engine, { jobKey }) => engine.completeJob({ jobKey, variables: { receipt: 'from-a' } }) },
    { name: 'worker on b', run: (engine, { jobKey }) => engine.completeJob({ jobKey, variables: { receipt: 'from-b' } }) },
  ],
  expectOutcome(outcome) {
    const { winner, final, history } = outcome;
    expectRefused(outcome, 'JOB_NOT_OPEN');
    expect(rootVariables(final.state)).toMatchObject({ receipt: winner === 'worker on a' ? 'from-a' : 'from-b' });
    expect(countEvents(history, 'JobCompleted')).toBe(1);
    expect(countEvents(history, 'ElementCompleted', 'charge')).toBe(1);
    expect(countEvents(history, 'ElementActivated', 'confirm')).toBe(1);
    expect(standing(final.state)).toEqual({ status: 'active', waitingAt: ['confirm'] });
  },
};
