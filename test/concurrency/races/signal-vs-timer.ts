import type { BroadcastSignalResult } from '@baton/runtime';
import { expect } from 'vitest';
import { countEvents, expectRefused, type RaceSpec } from '../support/race.js';
import { completeUserTaskAt, fireTimer, waitKeyAt } from '../support/steps.js';
import { expectNothingLeft, standing } from '../support/invariants.js';

interface Subject {
  readonly instanceId: string;
  readonly timerKey: string;
}

/**
 * Race 11 (race 1 on a boundary, with a signal): an interrupting signal and an
 * interrupting timer on one user task. The first to commit interrupts the task and
 * closes the other's wait: a late timer is STALE_COMMAND, a late signal reaches nobody.
 */
export const signalVsTimer: RaceSpec<Subject> = {
  title: 'race 11: a signal and a timer on the boundary of one user task',
  resources: ['review-signal-or-timer.bpmn'],
  async prepare({ a, store }) {
    const { instanceId } = await a.startInstance({ processId: 'race_review' });
    return { instanceId, timerKey: await waitKeyAt(store, instanceId, 'overdue') };
  },
  contenders: [
    { name: 'signal', run: (engine) => engine.broadcastSignal({ name: 'abort-review', variables: { reason: 'recalled' } }) },
    { name: 'timer', run: (engine, { instanceId, timerKey }) => fireTimer(engine, instanceId, timerKey) },
  ],
  async expectOutcome(outcome) {
    const { winner, final, history, subject, nodes } = outcome;
    const signalWon = winner === 'signal';
    if (signalWon) {
      expect((outcome.won as BroadcastSignalResult).triggeredInstanceIds).toEqual([subject.instanceId]);
      expectRefused(outcome, 'STALE_COMMAND');
    } else {
      expect(outcome.lost).toEqual({ status: 'fulfilled', value: { signalKey: expect.any(String), triggeredInstanceIds: [], startedInstanceIds: [] } });
      expect(outcome.loserRetried).toBe(false);
    }
    expect([countEvents(history, 'SignalTriggered'), countEvents(history, 'TimerFired')]).toEqual(signalWon ? [1, 0] : [0, 1]);
    expect(countEvents(history, 'ElementTerminated', 'review')).toBe(1);
    const next = signalWon ? 'cleanUp' : 'escalate';
    expect(standing(final.state)).toEqual({ status: 'active', waitingAt: [next] });
    const ended = await completeUserTaskAt(nodes.a, nodes.store, subject.instanceId, next);
    expect(ended.status).toBe('completed');
    expectNothingLeft(ended);
  },
};
