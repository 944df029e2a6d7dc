import type { FlowElement } from '@baton/model';
import type { EvalResult } from '@baton/feel';
import type { Ctx } from '../../context.js';
import type { BoundaryElement } from '../../definition/definition-index.js';
import type { ElementRecord } from '../../state/records.js';
import type { Variables } from '../../types/commands.js';
import { completeWithVariables } from '../common/complete.js';
import { activateElement } from '../common/flow.js';
import { terminateElement } from '../common/terminate.js';
import { visibleFrom } from '../common/variables.js';
import { closeWaitsOf, openEventWait } from '../common/waits.js';

/**
 * Boundary events listen while their activity is active: a timer, message or
 * signal wait owned by the activity instance under the boundary event's id.
 * Error and escalation boundaries need no wait; throws look them up. When one
 * cannot open, none stays open.
 */
export function openBoundaryWaits(ctx: Ctx, element: FlowElement, rec: ElementRecord): EvalResult<undefined> {
  const boundaries = ctx.index.boundaries[element.elementId];
  if (boundaries === undefined) return { ok: true, value: undefined };
  const variables = visibleFrom(ctx.draft, rec.elementInstanceId);
  for (const boundary of boundaries) {
    const owner = { elementId: boundary.elementId, elementInstanceId: rec.elementInstanceId };
    const opened = openEventWait(ctx, owner, boundary.event, variables);
    if (!opened.ok) {
      // All or nothing: a boundary wait left open would fire past the incident the caller raises (found by fuzzing, issue 12).
      closeWaitsOf(ctx, rec.elementInstanceId);
      return opened;
    }
  }
  return { ok: true, value: undefined };
}

/**
 * A boundary event triggers: an interrupting one terminates its activity (and
 * everything inside) first; then the boundary event completes in the activity's
 * scope with the trigger's variables and leaves by its flows.
 */
export function triggerBoundary(ctx: Ctx, boundary: BoundaryElement, activity: ElementRecord, variables: Variables): void {
  if (boundary.cancelActivity) terminateElement(ctx, activity.elementInstanceId);
  const elementInstanceId = activateElement(ctx, boundary.elementId, activity.parentElementInstanceId, { manual: true });
  completeWithVariables(ctx, elementInstanceId, variables);
}
