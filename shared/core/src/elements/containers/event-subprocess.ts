import type { EvalResult } from '@baton/feel';
import type { Ctx } from '../../context.js';
import type { StartElement } from '../../definition/definition-index.js';
import type { Variables } from '../../types/commands.js';
import { activateElement } from '../common/flow.js';
import { terminateChildren } from '../common/terminate.js';
import { closeWaitsOf, openEventWait } from '../common/waits.js';

/**
 * Open the start-event waits of the event subprocesses directly inside a scope
 * (timer, message, signal); they stay open while the scope instance is active.
 * `ownerElementInstanceId` is the scope instance, or the instance id for the process.
 */
export function openEventSubprocessWaits(ctx: Ctx, scopeId: string, ownerElementInstanceId: string, variables: Variables): EvalResult<undefined> {
  for (const start of ctx.index.eventSubprocessStarts[scopeId] ?? []) {
    if (start.event === undefined) continue;
    const opened = openEventWait(ctx, { elementId: start.elementId, elementInstanceId: ownerElementInstanceId }, start.event, variables);
    if (!opened.ok) {
      // All or nothing: a start left open would trigger past the incident the caller raises (found by fuzzing, issue 12).
      closeWaitsOf(ctx, ownerElementInstanceId, (wait) => isEventSubprocessStart(ctx, wait));
      return opened;
    }
  }
  return { ok: true, value: undefined };
}

/** Is this wait an event subprocess start? */
function isEventSubprocessStart(ctx: Ctx, wait: { readonly elementId: string }): boolean {
  return ctx.definition.elements[wait.elementId]?.type === 'startEvent';
}

/**
 * An event subprocess starts inside scope instance `scopeElementInstanceId`
 * (undefined: the process). An interrupting one first terminates everything else
 * in the scope and closes the scope's other event subprocess starts.
 */
export function triggerEventSubprocess(ctx: Ctx, start: StartElement, scopeElementInstanceId: string | undefined, variables: Variables): void {
  if (start.isInterrupting) {
    closeWaitsOf(ctx, scopeElementInstanceId ?? ctx.draft.instanceId, (wait) => isEventSubprocessStart(ctx, wait));
    terminateChildren(ctx, scopeElementInstanceId);
  }
  const subprocessId = activateElement(ctx, start.scopeId, scopeElementInstanceId, { manual: true });
  activateElement(ctx, start.elementId, subprocessId, { triggeredWith: variables });
}
