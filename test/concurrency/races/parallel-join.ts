import { expect } from 'vitest';
import { countEvents, expectAppliedOnRetry, type RaceSpec } from '../support/race.js';
import { completeUserTaskAt, rootVariables, waitKeyAt } from '../support/steps.js';
import { expectNothingLeft, standing } from '../support/invariants.js';

interface Subject {
  readonly instanceId: string;
  readonly packJobKey: string;
  readonly invoiceJobKey: string;
}

/**
 * Race 4: the two branches of a parallel fork reach the join at the same moment,
 * from two nodes ("the join behavior should get attention"). Both completions
 * apply (the loser reloads and decides again): both variables are there, the join
 * fires exactly once, and no token is left parked at it.
 */
export const parallelJoin: RaceSpec<Subject> = {
  title: 'race 4: two parallel branches arrive at a parallel join from two nodes',
  resources: ['parallel-join.bpmn'],
  async prepare({ a, store }) {
    const { instanceId } = await a.startInstance({ processId: 'race_parallel_join' });
    return { instanceId, packJobKey: await waitKeyAt(store, instanceId, 'pack'), invoiceJobKey: await waitKeyAt(store, instanceId, 'invoice') };
  },
  contenders: [
    { name: 'pack branch', run: (engine, { packJobKey }) => engine.completeJob({ jobKey: packJobKey, variables: { packed: true } }) },
    { name: 'invoice branch', run: (engine, { invoiceJobKey }) => engine.completeJob({ jobKey: invoiceJobKey, variables: { invoiced: true } }) },
  ],
  async expectOutcome(outcome) {
    const { final, history, subject, nodes } = outcome;
    expectAppliedOnRetry(outcome);
    expect(rootVariables(final.state)).toMatchObject({ packed: true, invoiced: true });
    expect(countEvents(history, 'ElementActivated', 'join')).toBe(1);
    expect(countEvents(history, 'ElementCompleted', 'join')).toBe(1);
    expect(countEvents(history, 'ElementActivated', 'dispatch')).toBe(1);
    expect(standing(final.state)).toEqual({ status: 'active', waitingAt: ['dispatch'] });
    expect(final.state.joins ?? {}).toEqual({});
    const ended = await completeUserTaskAt(nodes.a, nodes.store, subject.instanceId, 'dispatch');
    expect(ended.status).toBe('completed');
    expectNothingLeft(ended);
  },
};
