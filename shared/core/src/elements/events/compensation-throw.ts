import { elementAt, emit, ids, recordOf, type Ctx } from '../../context.js';
import { scopeKeyOf, type ElementRecord } from '../../state/records.js';
import type { CompensationRecord } from '../../types/state.js';
import { completeScopeIfDone } from '../common/complete.js';
import { activateElement } from '../common/flow.js';
import { terminateChildren, terminateElement } from '../common/terminate.js';
import { setLocal } from '../common/variables.js';
import { triggerBoundary } from './boundary-event.js';

/**
 * The scope a compensation throw compensates: its flow scope, or for a throw inside
 * an event subprocess the scope that event subprocess runs in (Camunda 8).
 */
export function compensationScopeOf(ctx: Ctx, thrower: ElementRecord): string | undefined {
  const parentId = thrower.parentElementInstanceId;
  const parent = parentId === undefined ? undefined : ctx.draft.elementInstances[parentId];
  if (parent === undefined) return parentId;
  if (parent.compensates !== undefined) return parent.compensates;
  const element = elementAt(ctx, parent.elementId);
  return element.type === 'subProcess' && element.triggeredByEvent ? parent.parentElementInstanceId : parentId;
}

/**
 * Start the compensation handlers of the activity instances that completed in scope
 * instance `scopeElementInstanceId` (undefined: the process), also inside completed
 * containers there; with `activityRef`, only those of that activity (or inside it).
 * All start at once as children of the thrower, each with the variables its activity
 * completed with; the thrower completes when they all have (scenario spec v1.1
 * "Compensation"). Returns how many started.
 */
export function startCompensation(ctx: Ctx, thrower: ElementRecord, scopeElementInstanceId: string | undefined, activityRef?: string): number {
  const records = ctx.draft.compensations;
  if (records === undefined) return 0;
  const scopeKey = scopeKeyOf(scopeElementInstanceId);
  const matched: CompensationRecord[] = [];
  for (const key in records) {
    const record = records[key] as CompensationRecord;
    if (record.handlerId === undefined && ctx.index.compensationEventSubprocesses[record.elementId] === undefined) continue;
    const path = pathTo(ctx, records, record, scopeKey);
    if (path !== undefined && (activityRef === undefined || path.includes(activityRef))) matched.push(record);
  }
  if (matched.length === 0) return 0;
  emit(ctx, { type: 'CompensationTriggered', ...ids(thrower), compensatedElementInstanceIds: matched.map((record) => record.elementInstanceId) });
  for (const record of matched) startHandler(ctx, record, thrower.elementInstanceId);
  return matched.length;
}

/**
 * The handlers run as children of the thrower, seeing the recorded variables: the
 * boundary event's handler activity, and a subprocess's compensation event subprocess
 * (Camunda 7), started at its compensation start event.
 */
function startHandler(ctx: Ctx, record: CompensationRecord, throwerInstanceId: string): void {
  if (record.handlerId !== undefined) {
    const handlerInstanceId = activateElement(ctx, record.handlerId, throwerInstanceId);
    if (record.variables !== undefined) setLocal(ctx, handlerInstanceId, record.variables);
  }
  const start = ctx.index.compensationEventSubprocesses[record.elementId];
  if (start === undefined) return;
  const subprocessInstanceId = activateElement(ctx, start.scopeId, throwerInstanceId, { manual: true });
  if (record.variables !== undefined) setLocal(ctx, subprocessInstanceId, record.variables);
  emit(ctx, { type: 'CompensationHandlerActivated', elementId: start.scopeId, elementInstanceId: subprocessInstanceId, compensatedElementInstanceId: record.elementInstanceId });
  activateElement(ctx, start.elementId, subprocessInstanceId, { triggeredWith: {} });
}

/**
 * The element ids from a record up through completed containers to the scope, or
 * undefined when an active or terminated scope is on the way, or a container whose
 * compensation event subprocess compensates its insides instead.
 */
function pathTo(ctx: Ctx, records: Readonly<Record<string, CompensationRecord>>, record: CompensationRecord, scopeKey: string): string[] | undefined {
  const path = [record.elementId];
  let current = record.scopeElementInstanceId;
  for (;;) {
    if (scopeKeyOf(current) === scopeKey) return path;
    const container = current === undefined ? undefined : records[current];
    if (container === undefined || ctx.index.compensationEventSubprocesses[container.elementId] !== undefined) return undefined;
    path.push(container.elementId);
    current = container.scopeElementInstanceId;
  }
}

/**
 * A cancel end event (Camunda 7 transactions): terminate what else runs in the
 * transaction, compensate what completed in it, then leave by its cancel boundary.
 * Returns false: it never completes (the transaction is left, not completed).
 */
export function cancelTransaction(ctx: Ctx, cancelEnd: ElementRecord): boolean {
  const transaction = transactionOf(ctx, cancelEnd);
  if (transaction === undefined) return false;
  terminateInside(ctx, transaction.elementInstanceId, cancelEnd);
  if (startCompensation(ctx, cancelEnd, transaction.elementInstanceId) === 0) leaveTransaction(ctx, cancelEnd);
  return false;
}

/** The transaction instance a cancel end event sits in, at any depth (the model checked there is one). */
function transactionOf(ctx: Ctx, rec: ElementRecord): ElementRecord | undefined {
  for (let id = rec.parentElementInstanceId; id !== undefined; id = ctx.draft.elementInstances[id]?.parentElementInstanceId) {
    const scope = recordOf(ctx, id);
    const element = elementAt(ctx, scope.elementId);
    if (element.type === 'subProcess' && element.isTransaction === true) return scope;
  }
  return undefined;
}

/** Terminate everything in the transaction but the cancel end event and the scopes that hold it. */
function terminateInside(ctx: Ctx, transactionId: string, cancelEnd: ElementRecord): void {
  let keep = cancelEnd;
  while (keep.parentElementInstanceId !== undefined) {
    terminateChildren(ctx, keep.parentElementInstanceId, keep.elementInstanceId);
    if (keep.parentElementInstanceId === transactionId) return;
    keep = recordOf(ctx, keep.parentElementInstanceId);
  }
}

/**
 * The cancel end event's compensation is done: the transaction (all of a
 * multi-instance one) is interrupted by its cancel boundary event, which takes its
 * flow. Neither the cancel end event nor the transaction counts as completed.
 */
export function leaveTransaction(ctx: Ctx, cancelEnd: ElementRecord): void {
  const transaction = transactionOf(ctx, cancelEnd);
  if (transaction === undefined) return;
  const parent = transaction.parentElementInstanceId === undefined ? undefined : ctx.draft.elementInstances[transaction.parentElementInstanceId];
  const activity = parent?.isMultiInstanceBody === true ? parent : transaction;
  const boundary = (ctx.index.boundaries[activity.elementId] ?? []).find((candidate) => candidate.event.type === 'cancel');
  if (boundary !== undefined) return triggerBoundary(ctx, boundary, activity, {});
  terminateElement(ctx, activity.elementInstanceId);
  completeScopeIfDone(ctx, activity.parentElementInstanceId);
}
