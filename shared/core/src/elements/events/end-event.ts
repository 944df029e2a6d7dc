import type { EventDefinition, JobDefinition } from '@baton/model';
import type { Ctx } from '../../context.js';
import type { ElementRecord } from '../../state/records.js';
import type { ElementBehavior, ElementOf } from '../behavior.js';
import { completeElement, leave } from '../common/complete.js';
import { raiseIncident } from '../common/incident.js';
import { endElementInstance, terminateChildren } from '../common/terminate.js';
import { activateJob } from '../tasks/job-task.js';
import { broadcastSignal } from './signal-throw.js';
import { cancelTransaction, compensationScopeOf, leaveTransaction, startCompensation } from './compensation-throw.js';
import { throwEvent } from './throw-event.js';

/**
 * What throw events (end and intermediate) do with their event definition before
 * completing: a job (message), a signal broadcast, an error or an escalation.
 * Returns true when the element should complete now.
 */
export function throwDefinition(ctx: Ctx, rec: ElementRecord, event: EventDefinition | undefined, job: JobDefinition | undefined): boolean {
  if (job !== undefined) return activateJob(ctx, rec, job), false;
  switch (event?.type) {
    case 'signal':
      return broadcastSignal(ctx, rec, event.signalName);
    case 'error': {
      const outcome = throwEvent(ctx, rec.elementInstanceId, 'error', event.errorCode ?? '', {});
      if (outcome === 'uncaught') {
        raiseIncident(ctx, rec, 'UNHANDLED_ERROR', `An error with code '${event.errorCode ?? ''}' was thrown by '${rec.elementId}' but not caught; add an error boundary or event subprocess that catches it.`, 'activate');
      }
      return false;
    }
    case 'compensation':
      return startCompensation(ctx, rec, compensationScopeOf(ctx, rec), event.activityRef) === 0;
    case 'cancel':
      return cancelTransaction(ctx, rec);
    case 'escalation':
      throwEvent(ctx, rec.elementInstanceId, 'escalation', event.escalationCode ?? '', {});
      return ctx.draft.elementInstances[rec.elementInstanceId] !== undefined && ctx.draft.status === 'active';
    case undefined:
    case 'message':
    case 'timer':
    case 'terminate':
    case 'link':
    case 'conditional':
      return true;
  }
}

/**
 * End events: none, terminate (ends its scope), error, escalation, message (a job),
 * signal, compensation (completes after its handlers) and cancel (compensates its
 * transaction, then leaves it by the cancel boundary event).
 */
export const endEvent: ElementBehavior<ElementOf<'endEvent'>> = {
  activate(ctx, element, rec) {
    if (element.event?.type === 'terminate') {
      terminateChildren(ctx, rec.parentElementInstanceId, rec.elementInstanceId);
      completeElement(ctx, rec.elementInstanceId);
      return;
    }
    if (throwDefinition(ctx, rec, element.event, element.job)) completeElement(ctx, rec.elementInstanceId);
  },
  complete: leave,
  terminate: endElementInstance,
  onEmptied(ctx, element, rec) {
    if (element.event?.type === 'cancel') leaveTransaction(ctx, rec);
    else completeElement(ctx, rec.elementInstanceId);
  },
};
