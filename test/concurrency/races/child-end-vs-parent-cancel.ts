import type { InstanceState } from '@baton/core';
import { expect } from 'vitest';
import { countEvents, expectAppliedOnRetry, expectRefused, type RaceOutcome, type RaceSpec } from '../support/race.js';
import { waitKeyAt } from '../support/steps.js';
import { expectNothingLeft } from '../support/invariants.js';

interface Subject {
  readonly instanceId: string;
  readonly childInstanceId: string;
  readonly childTaskKey: string;
}

/**
 * Race 12: across a call tree. The child's last task completes on one node while
 * the parent is cancelled on the other. They meet twice, so the race runs on each:
 * - on the child: the task's completion against the CancelInstance the parent's
 *   cancel sends its child;
 * - on the parent: the child's notification (CompleteCallActivity) against the cancel.
 * Whatever the order, both instances end, nothing waits, and the parent never goes
 * past the call activity once cancelled. Refusals of effects that come too late
 * (a completed child told to cancel, a terminated parent told its child ended) are
 * dropped by the dispatcher as already done.
 */
export function childEndVsParentCancel(meetingOn: 'child' | 'parent'): RaceSpec<Subject> {
  return {
    title: `race 12: a call activity's child completes while the parent is cancelled (meeting on the ${meetingOn})`,
    resources: ['call-activity.bpmn'],
    async prepare({ a, store }) {
      const { instanceId } = await a.startInstance({ processId: 'race_parent' });
      const child = (await a.instancesOfTree(instanceId)).find((i) => i.instanceId !== instanceId);
      if (child === undefined) throw new Error('the child instance was not started');
      return { instanceId, childInstanceId: child.instanceId, childTaskKey: await waitKeyAt(store, child.instanceId, 'childTask') };
    },
    contested: (subject) => (meetingOn === 'child' ? subject.childInstanceId : subject.instanceId),
    contenders: [
      {
        name: 'child completion',
        run: (engine, { childInstanceId, childTaskKey }) => engine.completeUserTask({ userTaskKey: childTaskKey, instanceId: childInstanceId }),
      },
      { name: 'parent cancel', run: (engine, { instanceId }) => engine.cancelInstance(instanceId) },
    ],
    expectOutcome: (outcome) => (meetingOn === 'child' ? expectMeetingOnChild(outcome) : expectMeetingOnParent(outcome)),
  };
}

async function treeOf(outcome: RaceOutcome<Subject>): Promise<{ parent: InstanceState; child: InstanceState; afterActivations: number }> {
  const { nodes, subject } = outcome;
  const parent = (await nodes.store.load(subject.instanceId))?.state as InstanceState;
  const child = (await nodes.store.load(subject.childInstanceId))?.state as InstanceState;
  const parentHistory = (await nodes.a.getHistory(subject.instanceId, { limit: 1000 })).items;
  expectNothingLeft(parent);
  expectNothingLeft(child);
  expect(parent.status).toBe('terminated');
  return { parent, child, afterActivations: countEvents(parentHistory, 'ElementActivated', 'after') };
}

async function expectMeetingOnChild(outcome: RaceOutcome<Subject>): Promise<void> {
  const { child, afterActivations } = await treeOf(outcome);
  if (outcome.winner === 'child completion') {
    // the cancel's CancelInstance reached a completed child: dropped as already done
    expect(outcome.lost.status).toBe('fulfilled');
    expect(outcome.loserRetried).toBe(false);
    expect(child.status).toBe('completed');
  } else {
    // the child's user-task completion found the child terminated: the task is gone
    expectRefused(outcome, 'NOT_FOUND');
    expect(child.status).toBe('terminated');
  }
  expect(afterActivations).toBe(0);
}

async function expectMeetingOnParent(outcome: RaceOutcome<Subject>): Promise<void> {
  const { child, afterActivations } = await treeOf(outcome);
  expect(child.status).toBe('completed');
  if (outcome.winner === 'child completion') {
    // the parent went on to "after", then the cancel applied on its retry
    expectAppliedOnRetry(outcome);
    expect(afterActivations).toBe(1);
    expect(countEvents(outcome.history, 'ElementTerminated', 'after')).toBe(1);
  } else {
    // the child's notification reached a terminated parent: dropped as already done
    expect(outcome.lost.status).toBe('fulfilled');
    expect(outcome.loserRetried).toBe(false);
    expect(afterActivations).toBe(0);
  }
}
