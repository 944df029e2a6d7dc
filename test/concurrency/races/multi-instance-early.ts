import type { JobWait } from '@baton/core';
import { expect } from 'vitest';
import { countEvents, expectRefused, type RaceSpec } from '../support/race.js';
import { rootVariables, waitsAt } from '../support/steps.js';
import { standing } from '../support/invariants.js';

interface Subject {
  readonly instanceId: string;
  readonly secondJobKey: string;
  readonly thirdJobKey: string;
}

/**
 * Race 10b: the same, with a completion condition (`numberOfCompletedInstances >= 2`).
 * After the first item, whichever of the last two commits first completes the body
 * and cancels the other inner instance: the other completion is JOB_NOT_OPEN and
 * its result never lands in the output collection.
 */
export const multiInstanceEarly: RaceSpec<Subject> = {
  title: 'race 10b: inner instances race to satisfy a multi-instance completion condition',
  resources: ['multi-instance-early.bpmn'],
  async prepare({ a, store }) {
    const { instanceId } = await a.startInstance({ processId: 'race_multi_instance_early', variables: { items: ['x', 'y', 'z'] } });
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
  expectOutcome(outcome) {
    const { winner, final, history } = outcome;
    expectRefused(outcome, 'JOB_NOT_OPEN');
    const results = winner === 'second item' ? ['X', 'Y', null] : ['X', null, 'Z'];
    expect(rootVariables(final.state)).toMatchObject({ results });
    expect(countEvents(history, 'JobCompleted')).toBe(2);
    expect(countEvents(history, 'JobCancelled')).toBe(1);
    // two inner instances and the body completed, the third inner instance terminated
    expect(countEvents(history, 'ElementCompleted', 'packItem')).toBe(3);
    expect(countEvents(history, 'ElementTerminated', 'packItem')).toBe(1);
    expect(standing(final.state)).toEqual({ status: 'active', waitingAt: ['ship'] });
  },
};
