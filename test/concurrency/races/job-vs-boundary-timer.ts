import { expect } from 'vitest';
import { countEvents, expectRefused, type RaceSpec } from '../support/race.js';
import { completeUserTaskAt, fireTimer, rootVariables, waitKeyAt } from '../support/steps.js';
import { expectNothingLeft, standing } from '../support/invariants.js';

interface Subject {
  readonly instanceId: string;
  readonly jobKey: string;
  readonly timerKey: string;
}

/**
 * Race 2: a job completion and the interrupting timer on that job's task. The
 * completion closes the timer (a late FireTimer is STALE_COMMAND); the timer
 * cancels the job (a late CompleteJob is JOB_NOT_OPEN and its variables are dropped).
 */
export const jobVsBoundaryTimer: RaceSpec<Subject> = {
  title: 'race 2: a job completion and an interrupting boundary timer on its task',
  resources: ['task-timeout.bpmn'],
  async prepare({ a, store }) {
    const { instanceId } = await a.startInstance({ processId: 'race_task_timeout' });
    return { instanceId, jobKey: await waitKeyAt(store, instanceId, 'charge'), timerKey: await waitKeyAt(store, instanceId, 'chargeTimeout') };
  },
  contenders: [
    { name: 'job completion', run: (engine, { jobKey }) => engine.completeJob({ jobKey, variables: { receipt: 'r-1' } }) },
    { name: 'boundary timer', run: (engine, { instanceId, timerKey }) => fireTimer(engine, instanceId, timerKey) },
  ],
  async expectOutcome(outcome) {
    const { winner, final, history, subject, nodes } = outcome;
    const jobWon = winner === 'job completion';
    expectRefused(outcome, jobWon ? 'STALE_COMMAND' : 'JOB_NOT_OPEN');
    expect(standing(final.state)).toEqual({ status: 'active', waitingAt: [jobWon ? 'confirm' : 'investigate'] });
    if (jobWon) expect(rootVariables(final.state)).toMatchObject({ receipt: 'r-1' });
    else expect(rootVariables(final.state)).not.toHaveProperty('receipt');
    expect([countEvents(history, 'JobCompleted'), countEvents(history, 'TimerFired')]).toEqual(jobWon ? [1, 0] : [0, 1]);
    expect(countEvents(history, jobWon ? 'ElementCompleted' : 'ElementTerminated', 'charge')).toBe(1);
    const ended = await completeUserTaskAt(nodes.b, nodes.store, subject.instanceId, jobWon ? 'confirm' : 'investigate');
    expect(ended.status).toBe('completed');
    expectNothingLeft(ended);
  },
};
