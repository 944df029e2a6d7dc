import type { FlowElement } from '@baton/model';
import { elementAt, emit, hasChildren, ids, recordOf, type Ctx } from '../../context.js';
import { scopeKeyOf, type ElementRecord } from '../../state/records.js';
import type { Variables } from '../../types/commands.js';
import type { CompleteOptions } from '../behavior.js';
import { recordCompensation } from './compensation-records.js';
import { isAsyncAt, openContinuation } from './continuation.js';
import { evaluate } from './expressions.js';
import { activateElement, outgoingFlows, takeFlow } from './flow.js';
import { raiseIncident } from './incident.js';
import { completeInstance } from './instance.js';
import { propagate, setLocal, visibleFrom } from './variables.js';
import { closeWaitsOf } from './waits.js';

/** Complete an element instance by its behaviour's `complete`; false when it stopped on an incident. */
export function completeElement(ctx: Ctx, elementInstanceId: string, options: CompleteOptions = {}): boolean {
  const rec = recordOf(ctx, elementInstanceId);
  const element = elementAt(ctx, rec.elementId);
  // asyncAfter: the element is done (its boundary events stop listening) and waits on its continuation to leave.
  // Not when the caller chose how it leaves (a gateway's flows, a link, a trigger): those cannot wait.
  const choosesWay = options.flows !== undefined || options.jumpTo !== undefined || options.triggeredWith !== undefined;
  if (options.continued !== true && !choosesWay && isAsyncAt(element, rec, 'after')) {
    closeWaitsOf(ctx, elementInstanceId);
    openContinuation(ctx, element, rec, 'after');
    return true;
  }
  return ctx.behaviorOf(element, rec).complete(ctx, element, rec, options);
}

/**
 * The shared complete move: apply output mappings (an incident on failure,
 * retried by `ResolveIncident`), close its remaining waits, emit
 * `ElementCompleted`, then leave by its flows and tell its scope.
 * Returns false when it stopped on an incident.
 */
export function leave(ctx: Ctx, element: FlowElement, rec: ElementRecord, options: CompleteOptions): boolean {
  const { elementInstanceId } = rec;
  let outputs: Variables | undefined;
  if (rec.isMultiInstanceBody !== true && element.outputs.length > 0) {
    const variables = visibleFrom(ctx.draft, elementInstanceId);
    outputs = {};
    for (const mapping of element.outputs) {
      const result = evaluate(ctx.at, mapping.source, variables, `output mapping '${mapping.target}'`, element.elementId);
      if (!result.ok) return raiseIncident(ctx, rec, 'EXPRESSION_FAILED', result.message, 'complete'), false;
      outputs[mapping.target] = result.value;
    }
  }
  if (!collectMultiInstanceResult(ctx, rec)) return false;
  closeWaitsOf(ctx, elementInstanceId);
  if (ctx.index.hasCompensation) recordCompensation(ctx, element, rec);
  emit(ctx, { type: 'ElementCompleted', ...ids(rec) });
  const parentId = rec.parentElementInstanceId;
  if (outputs !== undefined) propagate(ctx, parentId, outputs);
  const parent = parentId === undefined ? undefined : ctx.draft.elementInstances[parentId];
  if (parent?.isMultiInstanceBody === true) {
    ctx.agenda.push({ kind: 'innerCompleted', bodyElementInstanceId: parent.elementInstanceId });
    return true;
  }
  if (options.jumpTo !== undefined) activateElement(ctx, options.jumpTo, parentId);
  const flows = options.flows ?? (options.jumpTo === undefined ? outgoingFlows(ctx, element, parentId ?? elementInstanceId) : []);
  for (const flow of flows) takeFlow(ctx, flow, parentId, options.triggeredWith);
  completeScopeIfDone(ctx, parentId);
  return true;
}

/** An inner instance hands its `outputElement` to its body before its scope goes away. */
function collectMultiInstanceResult(ctx: Ctx, rec: ElementRecord): boolean {
  const element = elementAt(ctx, rec.elementId);
  const outputElement = element.multiInstance?.outputElement;
  if (rec.loopCounter === undefined || outputElement === undefined || rec.parentElementInstanceId === undefined) return true;
  const result = evaluate(ctx.at, outputElement, visibleFrom(ctx.draft, rec.elementInstanceId), 'output element', element.elementId);
  if (!result.ok) return raiseIncident(ctx, rec, 'EXPRESSION_FAILED', result.message, 'complete'), false;
  const body = recordOf(ctx, rec.parentElementInstanceId);
  emit(ctx, { type: 'MultiInstanceResultCollected', ...ids(body), index: rec.loopCounter - 1, value: result.value ?? null });
  return true;
}

/**
 * Complete an element with variables from outside (a job, a user task, a message):
 * with output mappings they are local to it; otherwise they propagate.
 */
export function completeWithVariables(ctx: Ctx, elementInstanceId: string, variables: Variables): boolean {
  const rec = recordOf(ctx, elementInstanceId);
  const element = elementAt(ctx, rec.elementId);
  if (element.outputs.length > 0 && rec.isMultiInstanceBody !== true) setLocal(ctx, elementInstanceId, variables);
  else propagate(ctx, elementInstanceId, variables);
  return completeElement(ctx, elementInstanceId);
}

/**
 * When nothing is left inside a scope instance, the instance completes (the
 * process) or the container's `onEmptied` says what follows (a subprocess completes).
 */
export function completeScopeIfDone(ctx: Ctx, scopeElementInstanceId: string | undefined): void {
  if (ctx.draft.status !== 'active') return;
  if (hasChildren(ctx, scopeElementInstanceId)) return;
  if (ctx.draft.joins?.[scopeKeyOf(scopeElementInstanceId)] !== undefined) return;
  if (scopeElementInstanceId === undefined) return completeInstance(ctx);
  const scope = ctx.draft.elementInstances[scopeElementInstanceId];
  if (scope === undefined) return;
  const element = elementAt(ctx, scope.elementId);
  ctx.behaviorOf(element, scope).onEmptied?.(ctx, element, scope);
}
