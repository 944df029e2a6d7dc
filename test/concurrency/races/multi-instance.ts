import type { JobWait } from '@baton/core';
import { expect } from 'vitest';
import { countEvents, expectAppliedOnRetry, type RaceSpec } from '../support/race.js';
import { completeUserTaskAt, rootVariables, waitsAt } from '../support/steps.js';
import { expectNothingLeft, standing } from '../support/invariants.js';

interface Subject {
  readonly instanceId: string;
  readonly secondJobKey: string;
  readonly thirdJobKey: string;
}

/**
 * Race 10 (issue 5, race 8): the inner instances of a parallel multi-instance body
 * complete concurrently. The first item is done before the race; the last two
 * complete on two nodes at once, so the race decides which one completes the body.
 * Both apply; every result lands at its own index and the body completes once.
 */
export const multiInstance: RaceSpec<Subject> = {
  title: 'race 10: the inner instances of a parallel multi-instance body complete concurrently',
  resources: ['multi-instance.bpmn'],
  async prepare({ a, store }) {
    const { instanceId } = await a.startInstance({ processId: 'race_multi_instance', variables: { items: ['x', 'y', 'z'] } });
    const loaded = await store.load(instanceId);
    const loopOf = (job: JobWait): number => Number(loaded?.state.elementInstances[job.elementInstanceId]?.['loopCounter']);
    const jobs = (await waitsAt(store, instanceId, 'packItem')).filter((w): w is JobWait => w.kind === 'job').sort((x, y) => loopOf(x) - loopOf(y));
    const [first, second, third] = jobs.map((j) => j.jobKey);
    if (first === undefined || second === undefined || third === undefined) throw new Error(`expected three jobs, found ${jobs.length}`);
    await a.completeJob({ jobKey: first, variables: { packed: 'X' } });
    return { instanceId, secondJobKey: second, thirdJobKey: third };
  },
  contenders: [
    { name: 'second item', run: (engine, { secondJobKey }) => engine.completeJob({ jobKey: secondJobKey, variables: { packed: 'Y' } }) },
    { name: 'third item', run: (engine, { thirdJobKey }) => engine.completeJob({ jobKey: thirdJobKey, variables: { packed: 'Z' } }) },
  ],
  async expectOutcome(outcome) {
    const { final, history, subject, nodes } = outcome;
    expectAppliedOnRetry(outcome);
    expect(rootVariables(final.state)).toMatchObject({ results: ['X', 'Y', 'Z'] });
    expect(countEvents(history, 'JobCompleted')).toBe(3);
    // three inner instances and the body, each completed once
    expect(countEvents(history, 'ElementCompleted', 'packItem')).toBe(4);
    expect(countEvents(history, 'ElementActivated', 'ship')).toBe(1);
    expect(standing(final.state)).toEqual({ status: 'active', waitingAt: ['ship'] });
    const ended = await completeUserTaskAt(nodes.b, nodes.store, subject.instanceId, 'ship');
    expect(ended.status).toBe('completed');
    expectNothingLeft(ended);
  },
};
