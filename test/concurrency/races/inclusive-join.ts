import { expect } from 'vitest';
import { countEvents, expectAppliedOnRetry, type RaceSpec } from '../support/race.js';
import { completeUserTaskAt, fireTimer, rootVariables, waitKeyAt } from '../support/steps.js';
import { expectNothingLeft, standing } from '../support/invariants.js';

interface Subject {
  readonly instanceId: string;
  readonly packJobKey: string;
  readonly invoiceTimerKey: string;
}

/**
 * Race 6 (issue 5, race 4): an inclusive join where one branch completes while the
 * other is cancelled (its task interrupted by a boundary timer whose path ends
 * outside the join). Both apply in either order; the join must fire exactly once:
 * after the completion when the cancel came first (no token can still arrive), or
 * after the cancel when the completion came first (the join was waiting for it).
 */
export const inclusiveJoin: RaceSpec<Subject> = {
  title: 'race 6: an inclusive join where one branch completes while the other is cancelled',
  resources: ['inclusive-join.bpmn'],
  async prepare({ a, store }) {
    const { instanceId } = await a.startInstance({ processId: 'race_inclusive_join' });
    return { instanceId, packJobKey: await waitKeyAt(store, instanceId, 'pack'), invoiceTimerKey: await waitKeyAt(store, instanceId, 'invoiceTimeout') };
  },
  contenders: [
    { name: 'pack completion', run: (engine, { packJobKey }) => engine.completeJob({ jobKey: packJobKey, variables: { packed: true } }) },
    { name: 'invoice cancelled by its timer', run: (engine, { instanceId, invoiceTimerKey }) => fireTimer(engine, instanceId, invoiceTimerKey) },
  ],
  async expectOutcome(outcome) {
    const { final, history, subject, nodes } = outcome;
    expectAppliedOnRetry(outcome);
    expect(rootVariables(final.state)).toMatchObject({ packed: true });
    expect(countEvents(history, 'ElementTerminated', 'invoice')).toBe(1);
    expect(countEvents(history, 'ElementCompleted', 'invoiceSkipped')).toBe(1);
    expect(countEvents(history, 'ElementActivated', 'join')).toBe(1);
    expect(countEvents(history, 'ElementActivated', 'dispatch')).toBe(1);
    expect(standing(final.state)).toEqual({ status: 'active', waitingAt: ['dispatch'] });
    expect(final.state.joins ?? {}).toEqual({});
    const ended = await completeUserTaskAt(nodes.a, nodes.store, subject.instanceId, 'dispatch');
    expect(ended.status).toBe('completed');
    expectNothingLeft(ended);
  },
};
