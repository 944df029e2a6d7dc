import type { FlowElement, MultiInstanceDefinition } from '@baton/model';
import { childrenOf, elementAt, emit, ids, recordOf, type Ctx } from '../../context.js';
import type { ElementRecord } from '../../state/records.js';
import type { Variables } from '../../types/commands.js';
import type { ElementBehavior } from '../behavior.js';
import { completeElement, leave } from '../common/complete.js';
import { condition, describe, evaluate, evaluateNumber } from '../common/expressions.js';
import { activateElement } from '../common/flow.js';
import { raiseIncident } from '../common/incident.js';
import { endElementInstance, terminateElement } from '../common/terminate.js';
import { propagate, setLocal, visibleFrom } from '../common/variables.js';

type Count = { ok: true; total: number; items?: unknown[] } | { ok: false; message: string };

function countInstances(at: number, mi: MultiInstanceDefinition, variables: Variables, elementId: string): Count {
  if (mi.inputCollection !== undefined) {
    const result = evaluate(at, mi.inputCollection, variables, 'input collection', elementId);
    if (!result.ok) return result;
    if (!Array.isArray(result.value)) {
      return { ok: false, message: `Expected the input collection '${mi.inputCollection}' of '${elementId}' to be a list, but found ${describe(result.value)}.` };
    }
    return { ok: true, total: result.value.length, items: result.value as unknown[] };
  }
  if (mi.loopCardinality === undefined) return { ok: false, message: `Multi-instance '${elementId}' has neither an input collection nor a loop cardinality.` };
  const result = evaluateNumber(at, mi.loopCardinality, variables, 'loop cardinality', elementId);
  if (!result.ok) return result;
  return { ok: true, total: Math.max(0, Math.floor(result.value)) };
}

/**
 * Activate a multi-instance body: evaluate the collection (or cardinality), then
 * start every inner instance (parallel) or the first (sequential). An empty
 * collection completes the body at once.
 */
function activateBody(ctx: Ctx, element: FlowElement, body: ElementRecord): void {
  const mi = element.multiInstance as MultiInstanceDefinition;
  const count = countInstances(ctx.at, mi, visibleFrom(ctx.draft, body.elementInstanceId), element.elementId);
  if (!count.ok) return raiseIncident(ctx, body, 'EXPRESSION_FAILED', count.message, 'activate');
  emit(ctx, { type: 'MultiInstanceStarted', ...ids(body), total: count.total, ...(count.items === undefined ? {} : { items: count.items }) });
  // Records are replaced on every change: read the body again after each event.
  if (count.total === 0) return completeBody(ctx, element, recordOf(ctx, body.elementInstanceId));
  const first = mi.isSequential ? 1 : count.total;
  for (let loopCounter = 1; loopCounter <= first; loopCounter++) startInner(ctx, element, body.elementInstanceId, loopCounter);
}

function startInner(ctx: Ctx, element: FlowElement, bodyElementInstanceId: string, loopCounter: number): void {
  const inputElement = element.multiInstance?.inputElement;
  const item = recordOf(ctx, bodyElementInstanceId).mi?.items?.[loopCounter - 1];
  const innerId = activateElement(ctx, element.elementId, bodyElementInstanceId, { loopCounter });
  const local: Variables = { loopCounter };
  if (inputElement !== undefined) local[inputElement] = item ?? null;
  setLocal(ctx, innerId, local);
}

function completeBody(ctx: Ctx, element: FlowElement, body: ElementRecord): void {
  const outputCollection = element.multiInstance?.outputCollection;
  if (outputCollection !== undefined) {
    const results = body.mi?.results ?? [];
    const collection = Array.from({ length: body.mi?.total ?? 0 }, (_, i) => results[i] ?? null);
    propagate(ctx, body.parentElementInstanceId, { [outputCollection]: collection });
  }
  completeElement(ctx, body.elementInstanceId);
}

/**
 * After an inner instance completed: the completion condition may end the body
 * early (terminating the other inner instances); a sequential body starts the
 * next inner instance; the body completes when all are done.
 */
export function onInnerCompleted(ctx: Ctx, bodyElementInstanceId: string): void {
  const body = ctx.draft.elementInstances[bodyElementInstanceId];
  if (body?.mi === undefined) return;
  const element = elementAt(ctx, body.elementId);
  const mi = element.multiInstance as MultiInstanceDefinition;
  const active = childrenOf(ctx, body.elementInstanceId);
  if (mi.completionCondition !== undefined) {
    const variables = {
      ...visibleFrom(ctx.draft, body.elementInstanceId),
      numberOfInstances: body.mi.total,
      numberOfActiveInstances: active.length,
      numberOfCompletedInstances: body.mi.completed,
      numberOfTerminatedInstances: 0,
    };
    const done = condition(ctx.at, mi.completionCondition, variables, element.elementId);
    if (!done.ok) return raiseIncident(ctx, body, 'EXPRESSION_FAILED', done.message, 'complete');
    if (done.value) {
      for (const inner of active) terminateElement(ctx, inner.elementInstanceId);
      return completeBody(ctx, element, recordOf(ctx, bodyElementInstanceId));
    }
  }
  if (active.length > 0) return;
  if (body.mi.started < body.mi.total) return startInner(ctx, element, body.elementInstanceId, body.mi.started + 1);
  completeBody(ctx, element, body);
}

/**
 * The body of a multi-instance activity (whatever the element's type): it owns the
 * boundary events and the outgoing flows, and its inner instances are the element.
 * Inner instances hand their completion to it (`innerCompleted` on the agenda).
 */
export const multiInstanceBody: ElementBehavior = {
  activate: activateBody,
  complete: leave,
  terminate: endElementInstance,
};
