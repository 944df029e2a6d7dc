import { emit, type Ctx } from '../context.js';
import { completeWithVariables } from '../elements/common/complete.js';
import type { AssignUserTask, CompleteUserTask } from '../types/commands.js';
import type { Rejection } from '../types/decision.js';
import type { UserTaskWait } from '../types/state.js';
import { rejection } from './rejection.js';

function openUserTask(ctx: Ctx, userTaskKey: string): UserTaskWait | Rejection {
  const wait = ctx.draft.waits[userTaskKey];
  if (wait?.kind === 'userTask') return wait;
  return rejection('STALE_COMMAND', `Expected an open user task with key '${userTaskKey}' but found none; it may already be completed.`, { userTaskKey });
}

/** A person completed the task: it closes and its element completes with the variables. */
export function completeUserTask(ctx: Ctx, command: CompleteUserTask): Rejection | undefined {
  const task = openUserTask(ctx, command.userTaskKey);
  if ('code' in task) return task;
  emit(ctx, { type: 'UserTaskCompleted', elementId: task.elementId, elementInstanceId: task.elementInstanceId, userTaskKey: task.userTaskKey });
  completeWithVariables(ctx, task.elementInstanceId, command.variables);
  return undefined;
}

/** Claim or unclaim a user task. */
export function assignUserTask(ctx: Ctx, command: AssignUserTask): Rejection | undefined {
  const task = openUserTask(ctx, command.userTaskKey);
  if ('code' in task) return task;
  const assignee = command.assignee === undefined ? {} : { assignee: command.assignee };
  emit(ctx, { type: 'UserTaskAssigned', elementId: task.elementId, elementInstanceId: task.elementInstanceId, userTaskKey: task.userTaskKey, ...assignee });
  return undefined;
}
