import { effect, elementAt, emit, type Ctx } from '../context.js';
import { completeElement } from '../elements/common/complete.js';
import { raiseIncident } from '../elements/common/incident.js';
import { terminateInstance } from '../elements/common/instance.js';
import { propagate, setLocal } from '../elements/common/variables.js';
import { closeWaitsOf } from '../elements/common/waits.js';
import { throwEvent } from '../elements/events/throw-event.js';
import type { CancelInstance, CompleteCallActivity, ResolveIncident } from '../types/commands.js';
import type { Rejection } from '../types/decision.js';
import { rejection } from './rejection.js';

/** Cancel: terminate everything (jobs, timers, called children); the instance is terminated. */
export function cancelInstance(ctx: Ctx, _command: CancelInstance): Rejection | undefined {
  terminateInstance(ctx, { type: 'terminated' });
  return undefined;
}

/**
 * Resolve an incident and retry what failed: a job gets retries again and goes
 * back on its queue; an activation runs again from its input mappings; a
 * completion runs its output mappings again.
 */
export function resolveIncident(ctx: Ctx, command: ResolveIncident): Rejection | undefined {
  const incident = ctx.draft.incidents[command.incidentKey];
  if (incident === undefined) return rejection('STALE_COMMAND', `Expected an open incident with key '${command.incidentKey}' but found none; it may already be resolved.`, { incidentKey: command.incidentKey });
  const rec = ctx.draft.elementInstances[incident.elementInstanceId];
  const step = rec?.incidentStep;
  const owner = { elementId: incident.elementId, elementInstanceId: incident.elementInstanceId };
  emit(ctx, { type: 'IncidentResolved', ...owner, incidentKey: incident.incidentKey });
  if (rec === undefined || step === undefined) return undefined;
  const job = incident.jobKey === undefined ? undefined : ctx.draft.waits[incident.jobKey];
  if (step === 'job' && job?.kind === 'job') {
    const retries = Math.max(1, command.retries ?? 1);
    emit(ctx, { type: 'JobRetriesUpdated', ...owner, jobKey: job.jobKey, retries });
    effect(ctx, { type: 'EnqueueJob', jobKey: job.jobKey, instanceId: ctx.draft.instanceId, ...owner, jobType: job.jobType, retries, customHeaders: job.customHeaders });
  } else if (step === 'complete') {
    if (rec.isMultiInstanceBody === true) ctx.agenda.push({ kind: 'innerCompleted', bodyElementInstanceId: rec.elementInstanceId });
    else completeElement(ctx, rec.elementInstanceId);
  } else {
    closeWaitsOf(ctx, rec.elementInstanceId);
    ctx.agenda.push({ kind: 'activate', elementInstanceId: rec.elementInstanceId });
  }
  return undefined;
}

/** The child instance of a call activity ended: complete the call activity, or catch/raise what the child threw. */
export function completeCallActivity(ctx: Ctx, command: CompleteCallActivity): Rejection | undefined {
  const rec = ctx.draft.elementInstances[command.elementInstanceId];
  if (rec?.elementType !== 'callActivity' || rec.childInstanceId !== command.childInstanceId) {
    return rejection('STALE_COMMAND', `Expected call activity instance '${command.elementInstanceId}' to wait for child '${command.childInstanceId}', but it does not.`, {
      elementInstanceId: command.elementInstanceId,
      childInstanceId: command.childInstanceId,
    });
  }
  const { outcome } = command;
  const owner = { elementId: rec.elementId, elementInstanceId: rec.elementInstanceId };
  if (outcome.type === 'escalation') {
    throwEvent(ctx, rec.elementInstanceId, 'escalation', outcome.escalationCode, outcome.variables);
    return undefined;
  }
  emit(ctx, { type: 'ChildInstanceEnded', ...owner, childInstanceId: command.childInstanceId, outcome: outcome.type });
  if (outcome.type === 'completed') {
    const element = elementAt(ctx, rec.elementId);
    if (element.type !== 'callActivity') return undefined;
    if (element.outputs.length > 0) setLocal(ctx, rec.elementInstanceId, outcome.variables);
    else if (element.propagateAllChildVariables) propagate(ctx, rec.elementInstanceId, outcome.variables);
    completeElement(ctx, rec.elementInstanceId);
  } else if (outcome.type === 'notStarted') {
    raiseIncident(ctx, rec, 'CALLED_ELEMENT_ERROR', `The call activity '${rec.elementId}' could not start its process: ${outcome.errorMessage}`, 'activate');
  } else if (outcome.type === 'terminated') {
    raiseIncident(ctx, rec, 'CALLED_ELEMENT_ERROR', `The child instance '${command.childInstanceId}' of '${rec.elementId}' was cancelled; resolve the incident to start it again.`, 'activate');
  } else {
    const thrown = throwEvent(ctx, rec.elementInstanceId, 'error', outcome.errorCode, outcome.variables, outcome.errorMessage);
    if (thrown === 'uncaught') {
      raiseIncident(ctx, rec, 'UNHANDLED_ERROR', `The called process of '${rec.elementId}' threw error '${outcome.errorCode}' but nothing catches it; add an error boundary event.`, 'activate');
    }
  }
  return undefined;
}
