import type { EvalResult } from '@baton/feel';
import type { UserTaskDefinition } from '@baton/model';
import { emit, ids, nextKey, type Ctx } from '../../context.js';
import type { Variables } from '../../types/commands.js';
import type { UserTaskWait } from '../../types/state.js';
import { endElementInstance } from '../common/terminate.js';
import { leave } from '../common/complete.js';
import type { ElementBehavior, ElementOf } from '../behavior.js';
import { evaluateNumber, evaluateString, evaluateStringList } from '../common/expressions.js';
import { raiseIncident } from '../common/incident.js';
import { visibleFrom } from '../common/variables.js';

type Fields = Omit<UserTaskWait, 'kind' | 'elementId' | 'elementInstanceId' | 'createdAt' | 'userTaskKey'>;

/** Evaluate assignee, candidates, dates and priority; undefined expressions stay unset. */
function evaluateFields(at: number, task: UserTaskDefinition, variables: Variables, elementId: string, name?: string): EvalResult<Fields> {
  const fields: { -readonly [K in keyof Fields]: Fields[K] } = { candidateUsers: [], candidateGroups: [] };
  if (name !== undefined) fields.name = name;
  if (task.formKey !== undefined) fields.formKey = task.formKey;
  const strings = [
    ['assignee', task.assignee],
    ['dueDate', task.dueDate],
    ['followUpDate', task.followUpDate],
  ] as const;
  for (const [field, text] of strings) {
    if (text === undefined) continue;
    const result = evaluateString(at, text, variables, field, elementId);
    if (!result.ok) return result;
    if (result.value !== '') fields[field] = result.value;
  }
  const lists = [
    ['candidateUsers', task.candidateUsers],
    ['candidateGroups', task.candidateGroups],
  ] as const;
  for (const [field, text] of lists) {
    if (text === undefined) continue;
    const result = evaluateStringList(at, text, variables, field, elementId);
    if (!result.ok) return result;
    fields[field] = result.value;
  }
  if (task.priority !== undefined) {
    const result = evaluateNumber(at, task.priority, variables, 'priority', elementId);
    if (!result.ok) return result;
    fields.priority = result.value;
  }
  return { ok: true, value: fields };
}

/**
 * The task's own assignment, else its swimlane's (issue 16): a task that names no
 * assignee goes to the user bound to its lane in this instance, else to the lane's
 * assignee; a task with no candidates takes the lane's (its pooled actors).
 */
function assignmentOf(ctx: Ctx, element: ElementOf<'userTask'>): { readonly task: UserTaskDefinition; readonly boundTo?: string } {
  const { swimlane, userTask: task } = element;
  if (swimlane === undefined) return { task };
  const boundTo = task.assignee === undefined ? ctx.draft.swimlanes?.[swimlane.laneId] : undefined;
  const assignee = task.assignee ?? (boundTo === undefined ? swimlane.assignee : undefined);
  const candidateUsers = task.candidateUsers ?? swimlane.candidateUsers;
  const candidateGroups = task.candidateGroups ?? swimlane.candidateGroups;
  const merged: UserTaskDefinition = {
    ...task,
    ...(assignee === undefined ? {} : { assignee }),
    ...(candidateUsers === undefined ? {} : { candidateUsers }),
    ...(candidateGroups === undefined ? {} : { candidateGroups }),
  };
  return boundTo === undefined ? { task: merged } : { task: merged, boundTo };
}

/** Opens a user task for people; it completes with `CompleteUserTask`. */
export const userTask: ElementBehavior<ElementOf<'userTask'>> = {
  activate(ctx, element, rec) {
    const { task, boundTo } = assignmentOf(ctx, element);
    const fields = evaluateFields(ctx.at, task, visibleFrom(ctx.draft, rec.elementInstanceId), element.elementId, element.name);
    if (!fields.ok) return raiseIncident(ctx, rec, 'EXPRESSION_FAILED', fields.message, 'activate');
    const assigned = boundTo === undefined ? {} : { assignee: boundTo };
    const wait: UserTaskWait = { kind: 'userTask', ...ids(rec), createdAt: ctx.at, userTaskKey: nextKey(ctx), ...fields.value, ...assigned };
    emit(ctx, { type: 'UserTaskCreated', ...ids(rec), userTask: wait });
  },
  complete: leave,
  terminate: endElementInstance,
};
