import type { UserTaskChanges } from '../../types/commands.js';
import type { UserTaskWait, Wait } from '../../types/state.js';
import type { Draft } from '../records.js';
import type { AppliersOf } from './applier.js';

/** Appliers of the waits: jobs, user tasks, timers, message and signal subscriptions. */
export const waitAppliers: AppliersOf<
  | 'JobCreated'
  | 'JobCompleted'
  | 'JobFailed'
  | 'JobRetriesUpdated'
  | 'JobUpdated'
  | 'JobErrorThrown'
  | 'JobCancelled'
  | 'UserTaskCreated'
  | 'UserTaskAssigned'
  | 'UserTaskUpdated'
  | 'UserTaskCompleted'
  | 'UserTaskCancelled'
  | 'TimerScheduled'
  | 'TimerFired'
  | 'TimerCancelled'
  | 'MessageSubscriptionOpened'
  | 'MessageSubscriptionClosed'
  | 'SignalSubscriptionOpened'
  | 'SignalSubscriptionClosed'
> = {
  JobCreated: { 1: (d, e) => open(d, e.job.jobKey, e.job) },
  JobCompleted: { 1: (d, e) => close(d, e.jobKey) },
  JobFailed: { 1: (d, e) => updateJob(d, e.jobKey, { retries: e.retries, errorMessage: e.errorMessage, state: e.retries > 0 ? 'activatable' : 'failed' }) },
  JobRetriesUpdated: { 1: (d, e) => updateJob(d, e.jobKey, { retries: e.retries, state: 'activatable' }) },
  JobUpdated: {
    1: (d, e) => {
      const wait = d.waits[e.jobKey];
      if (wait?.kind === 'job' && e.retries !== undefined) updateJob(d, e.jobKey, { retries: e.retries, state: wait.state });
    },
  },
  JobErrorThrown: { 1: (d, e) => close(d, e.jobKey) },
  JobCancelled: { 1: (d, e) => close(d, e.jobKey) },
  UserTaskCreated: { 1: (d, e) => open(d, e.userTask.userTaskKey, e.userTask) },
  UserTaskAssigned: {
    1: (d, e) => {
      const wait = d.waits[e.userTaskKey];
      if (wait?.kind !== 'userTask') return;
      const { assignee: _old, ...rest } = wait;
      d.waits[e.userTaskKey] = e.assignee === undefined ? rest : Object.assign(rest, { assignee: e.assignee });
    },
  },
  UserTaskUpdated: {
    1: (d, e) => {
      const wait = d.waits[e.userTaskKey];
      if (wait?.kind === 'userTask') d.waits[e.userTaskKey] = updatedUserTask(wait, e.changes);
    },
  },
  UserTaskCompleted: { 1: (d, e) => close(d, e.userTaskKey) },
  UserTaskCancelled: { 1: (d, e) => close(d, e.userTaskKey) },
  TimerScheduled: { 1: (d, e) => open(d, e.timer.timerKey, e.timer) },
  TimerFired: { 1: (d, e) => close(d, e.timerKey) },
  TimerCancelled: { 1: (d, e) => close(d, e.timerKey) },
  MessageSubscriptionOpened: { 1: (d, e) => open(d, e.subscription.subscriptionKey, e.subscription) },
  MessageSubscriptionClosed: { 1: (d, e) => close(d, e.subscriptionKey) },
  SignalSubscriptionOpened: { 1: (d, e) => open(d, e.subscription.subscriptionKey, e.subscription) },
  SignalSubscriptionClosed: { 1: (d, e) => close(d, e.subscriptionKey) },
};

/** A new wait allocates its key (`seq` advances). */
function open(d: Draft, key: string, wait: Wait): void {
  d.seq++;
  d.waits[key] = wait;
}

function close(d: Draft, key: string): void {
  delete d.waits[key];
}

function updateJob(d: Draft, jobKey: string, patch: { retries: number; errorMessage?: string; state: 'activatable' | 'failed' }): void {
  const wait = d.waits[jobKey];
  if (wait?.kind === 'job') d.waits[jobKey] = Object.assign({}, wait, patch);
}

/** A user task with `changes` applied: a value replaces the task's, `null` clears it (candidates to none). */
function updatedUserTask(task: UserTaskWait, changes: UserTaskChanges): UserTaskWait {
  const { dueDate, followUpDate, priority, ...rest } = task;
  const kept = <T>(change: T | null | undefined, old: T | undefined): T | undefined => (change === undefined ? old : (change ?? undefined));
  const next = { dueDate: kept(changes.dueDate, dueDate), followUpDate: kept(changes.followUpDate, followUpDate), priority: kept(changes.priority, priority) };
  return {
    ...rest,
    ...(changes.candidateUsers === undefined ? {} : { candidateUsers: changes.candidateUsers ?? [] }),
    ...(changes.candidateGroups === undefined ? {} : { candidateGroups: changes.candidateGroups ?? [] }),
    ...(next.dueDate === undefined ? {} : { dueDate: next.dueDate }),
    ...(next.followUpDate === undefined ? {} : { followUpDate: next.followUpDate }),
    ...(next.priority === undefined ? {} : { priority: next.priority }),
  };
}
