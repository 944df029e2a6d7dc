import { elementAt, emit, type Ctx } from '../context.js';
import { completeWithVariables } from '../elements/common/complete.js';
import type { AssignUserTask, CompleteUserTask, UpdateUserTask } from '../types/commands.js';
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
  bindSwimlane(ctx, task, command.completedBy ?? task.assignee);
  completeWithVariables(ctx, task.elementInstanceId, command.variables);
  return undefined;
}

/** The first task of a swimlane completed: its user becomes the lane's user in this instance (jBPM's swimlane instance, issue 16). */
function bindSwimlane(ctx: Ctx, task: UserTaskWait, user: string | undefined): void {
  const swimlane = elementAt(ctx, task.elementId).swimlane;
  if (swimlane === undefined || user === undefined || ctx.draft.swimlanes?.[swimlane.laneId] !== undefined) return;
  emit(ctx, { type: 'SwimlaneAssigned', elementId: task.elementId, elementInstanceId: task.elementInstanceId, laneId: swimlane.laneId, assignee: user });
}

/** Claim or unclaim a user task. */
export function assignUserTask(ctx: Ctx, command: AssignUserTask): Rejection | undefined {
  const task = openUserTask(ctx, command.userTaskKey);
  if ('code' in task) return task;
  if (command.allowOverride === false && task.assignee !== undefined && task.assignee !== command.assignee) {
    return rejection('TASK_ALREADY_ASSIGNED', `Expected user task '${task.userTaskKey}' to be unassigned but it is assigned to '${task.assignee}'; unassign it first or send allowOverride true.`, {
      userTaskKey: task.userTaskKey,
      assignee: task.assignee,
    });
  }
  const assignee = command.assignee === undefined ? {} : { assignee: command.assignee };
  emit(ctx, { type: 'UserTaskAssigned', elementId: task.elementId, elementInstanceId: task.elementInstanceId, userTaskKey: task.userTaskKey, ...assignee });
  return undefined;
}

/** ISO 8601 date-time with a zone, as Camunda's `format: date-time` (no `Date` in the core). */
const isDate = (value: string): boolean => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value);

/** The first field of `changes` that is malformed, with what was expected of it. */
function malformedChange(changes: UpdateUserTask['changes']): { field: string; expected: string } | undefined {
  for (const field of ['dueDate', 'followUpDate'] as const) {
    const value = changes[field];
    if (typeof value === 'string' && !isDate(value)) return { field, expected: 'an ISO 8601 date-time or null' };
  }
  const { priority } = changes;
  if (priority !== undefined && priority !== null && (!Number.isInteger(priority) || priority < 0 || priority > 100)) return { field: 'priority', expected: 'an integer from 0 to 100 or null' };
  return undefined;
}

/** Change an open user task's dates, candidates or priority (Camunda's `PATCH /v2/user-tasks/{key}`). */
export function updateUserTask(ctx: Ctx, command: UpdateUserTask): Rejection | undefined {
  const task = openUserTask(ctx, command.userTaskKey);
  if ('code' in task) return task;
  const { changes } = command;
  const details = { userTaskKey: task.userTaskKey };
  if (Object.values(changes).every((value) => value === undefined)) {
    return rejection('VALIDATION_FAILED', `Expected a change to user task '${task.userTaskKey}' but found none; send changeset.dueDate, followUpDate, candidateUsers, candidateGroups or priority.`, { ...details, field: 'changeset' });
  }
  const malformed = malformedChange(changes);
  if (malformed !== undefined) {
    const found = JSON.stringify(changes[malformed.field as keyof typeof changes]);
    return rejection('VALIDATION_FAILED', `Expected changeset.${malformed.field} of user task '${task.userTaskKey}' to be ${malformed.expected} but found ${found}.`, { ...details, field: `changeset.${malformed.field}` });
  }
  emit(ctx, { type: 'UserTaskUpdated', elementId: task.elementId, elementInstanceId: task.elementInstanceId, userTaskKey: task.userTaskKey, changes });
  return undefined;
}
