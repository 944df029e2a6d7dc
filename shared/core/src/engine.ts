import { elementAt, type AgendaItem, type Ctx } from './context.js';
import { completeWithVariables } from './elements/common/complete.js';
import { raiseIncident } from './elements/common/incident.js';
import { setLocal, visibleFrom } from './elements/common/variables.js';
import { isAsyncAt, openContinuation } from './elements/common/continuation.js';
import { evaluate } from './elements/common/expressions.js';
import { onInnerCompleted } from './elements/containers/multi-instance.js';
import { openBoundaryWaits } from './elements/events/boundary-event.js';
import { triggerCondition } from './elements/events/conditional-trigger.js';
import { fireReadyInclusiveJoins } from './elements/gateways/inclusive-gateway.js';
import type { Variables } from './types/commands.js';

/**
 * Most element steps one command may run. A model that cycles through gateways and
 * pass-through activities with nothing to wait at would otherwise never return.
 */
export const maxStepsPerCommand = 100_000;

/** Thrown when a command runs more than {@link maxStepsPerCommand} steps; `decide` turns it into a rejection. */
export class StepLimitExceeded {
  constructor(readonly elementId: string) {}
}

/** Run queued work until nothing is left, then fire inclusive joins that became ready, and repeat. */
export function runAgenda(ctx: Ctx): void {
  let steps = 0;
  for (;;) {
    let item = ctx.agenda.shift();
    while (item !== undefined) {
      if ((steps += 1) > maxStepsPerCommand) {
        const id = subjectOf(ctx, item);
        throw new StepLimitExceeded(ctx.draft.elementInstances[id]?.elementId ?? id);
      }
      if (item.kind === 'triggerCondition') {
        if (ctx.draft.status === 'active') triggerCondition(ctx, item.subscriptionKey);
      } else if (ctx.draft.status === 'active' && ctx.draft.elementInstances[subjectOf(ctx, item)] !== undefined) {
        switch (item.kind) {
          case 'activate':
            runActivation(ctx, item.elementInstanceId, item.continued === true);
            break;
          case 'completeWith':
            completeWithVariables(ctx, item.elementInstanceId, item.variables);
            break;
          case 'innerCompleted':
            onInnerCompleted(ctx, item.bodyElementInstanceId);
            break;
        }
      }
      item = ctx.agenda.shift();
    }
    if (ctx.draft.status !== 'active' || !fireReadyInclusiveJoins(ctx)) return;
  }
}

/** The element instance an agenda item is about (a condition: its owner). */
function subjectOf(ctx: Ctx, item: AgendaItem): string {
  switch (item.kind) {
    case 'innerCompleted':
      return item.bodyElementInstanceId;
    case 'triggerCondition':
      return ctx.draft.conditions?.[item.subscriptionKey]?.elementInstanceId ?? item.subscriptionKey;
    case 'activate':
    case 'completeWith':
      return item.elementInstanceId;
  }
}

/** Input mappings into the element's local scope; an incident when one fails. */
function applyInputs(ctx: Ctx, elementInstanceId: string): boolean {
  const rec = ctx.draft.elementInstances[elementInstanceId];
  if (rec === undefined) return false;
  const element = elementAt(ctx, rec.elementId);
  if (element.inputs.length === 0) return true;
  const variables = visibleFrom(ctx.draft, elementInstanceId);
  const mapped: Variables = {};
  for (const mapping of element.inputs) {
    const result = evaluate(ctx.at, mapping.source, Object.assign({}, variables, mapped), `input mapping '${mapping.target}'`, element.elementId);
    if (!result.ok) return raiseIncident(ctx, rec, 'EXPRESSION_FAILED', result.message, 'activate'), false;
    mapped[mapping.target] = result.value ?? null;
  }
  setLocal(ctx, elementInstanceId, mapped);
  return true;
}

/**
 * Activate an element instance: a multi-instance body opens its boundary waits and
 * starts inner instances; any other element maps its inputs, opens its boundary
 * waits (unless it is an inner instance: the body owns them) and runs its behaviour.
 * `continued`: its asyncBefore continuation ran, so it starts now.
 */
export function runActivation(ctx: Ctx, elementInstanceId: string, continued = false): void {
  const rec = ctx.draft.elementInstances[elementInstanceId];
  if (rec === undefined) return;
  const element = elementAt(ctx, rec.elementId);
  // asyncBefore: a commit point before the element starts; its continuation job comes back here (issue 16).
  if (!continued && isAsyncAt(element, rec, 'before')) return openContinuation(ctx, element, rec, 'before');
  if (rec.isMultiInstanceBody !== true && !applyInputs(ctx, elementInstanceId)) return;
  if (rec.loopCounter === undefined) {
    const opened = openBoundaryWaits(ctx, element, rec);
    if (!opened.ok) return raiseIncident(ctx, rec, 'EXPRESSION_FAILED', opened.message, 'activate');
  }
  ctx.behaviorOf(element, rec).activate(ctx, element, rec);
}
