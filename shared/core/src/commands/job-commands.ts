import { effect, emit, recordOf, type Ctx } from '../context.js';
import { completeElement, completeWithVariables } from '../elements/common/complete.js';
import { continuationOf } from '../elements/common/continuation.js';
import { raiseIncident } from '../elements/common/incident.js';
import { propagate } from '../elements/common/variables.js';
import { throwEvent } from '../elements/events/throw-event.js';
import type { CompleteJob, FailJob, ThrowError, UpdateJob } from '../types/commands.js';
import type { Rejection } from '../types/decision.js';
import type { JobWait } from '../types/state.js';
import { rejection } from './rejection.js';

function openJob(ctx: Ctx, jobKey: string): JobWait | Rejection {
  const wait = ctx.draft.waits[jobKey];
  if (wait?.kind === 'job' && wait.state === 'activatable') return wait;
  return rejection(
    'JOB_NOT_OPEN',
    `Expected an open job with key '${jobKey}' but found ${wait?.kind === 'job' ? 'it failed with no retries left (resolve its incident first)' : 'none'}; it may already be completed.`,
    { jobKey },
  );
}

const isRejection = (value: JobWait | Rejection): value is Rejection => 'code' in value;

/** The worker finished: the job closes and its element completes with the variables. */
export function completeJob(ctx: Ctx, command: CompleteJob): Rejection | undefined {
  const job = openJob(ctx, command.jobKey);
  if (isRejection(job)) return job;
  emit(ctx, { type: 'JobCompleted', elementId: job.elementId, elementInstanceId: job.elementInstanceId, jobKey: job.jobKey });
  const continuation = continuationOf(job);
  if (continuation === 'before') ctx.agenda.push({ kind: 'activate', elementInstanceId: job.elementInstanceId, continued: true });
  else if (continuation === 'after') completeElement(ctx, job.elementInstanceId, { continued: true });
  else completeWithVariables(ctx, job.elementInstanceId, command.variables);
  return undefined;
}

/** The worker failed: retry later while retries are left, else an incident JOB_NO_RETRIES. */
export function failJob(ctx: Ctx, command: FailJob): Rejection | undefined {
  const job = openJob(ctx, command.jobKey);
  if (isRejection(job)) return job;
  const owner = { elementId: job.elementId, elementInstanceId: job.elementInstanceId };
  const retries = Math.max(0, command.retries);
  emit(ctx, { type: 'JobFailed', ...owner, jobKey: job.jobKey, retries, errorMessage: command.errorMessage });
  if (command.variables !== undefined) propagate(ctx, job.elementInstanceId, command.variables);
  if (retries > 0) {
    const notBefore = command.at + (command.retryBackOffMs ?? 0);
    effect(ctx, { type: 'EnqueueJob', jobKey: job.jobKey, instanceId: ctx.draft.instanceId, ...owner, jobType: job.jobType, retries, customHeaders: job.customHeaders, notBefore });
    return undefined;
  }
  const message = command.errorMessage === '' ? `The job of '${job.elementId}' failed with no retries left.` : command.errorMessage;
  raiseIncident(ctx, recordOf(ctx, job.elementInstanceId), 'JOB_NO_RETRIES', message, 'job', job.jobKey);
  return undefined;
}

/** The worker ended the job with a BPMN error: the nearest matching catch takes it, else an incident. */
export function throwError(ctx: Ctx, command: ThrowError): Rejection | undefined {
  const job = openJob(ctx, command.jobKey);
  if (isRejection(job)) return job;
  const owner = { elementId: job.elementId, elementInstanceId: job.elementInstanceId };
  const errorMessage = command.errorMessage === undefined ? {} : { errorMessage: command.errorMessage };
  emit(ctx, { type: 'JobErrorThrown', ...owner, jobKey: job.jobKey, errorCode: command.errorCode, ...errorMessage });
  const outcome = throwEvent(ctx, job.elementInstanceId, 'error', command.errorCode, command.variables, command.errorMessage);
  if (outcome === 'uncaught') {
    const message = `The job of '${job.elementId}' threw error '${command.errorCode}'${command.errorMessage ? ` (${command.errorMessage})` : ''} but nothing catches it; add an error boundary event or event subprocess.`;
    raiseIncident(ctx, recordOf(ctx, job.elementInstanceId), 'UNHANDLED_ERROR', message, 'activate');
  }
  return undefined;
}

/**
 * Change a job's retries and/or timeout (Camunda's `PATCH /v2/jobs/{jobKey}`). Retries
 * apply to an open job or to one that failed with none left (its incident stays open:
 * resolving it retries the job); the timeout only to an activatable job.
 */
export function updateJob(ctx: Ctx, command: UpdateJob): Rejection | undefined {
  const { jobKey, retries, timeoutMs } = command;
  const wait = ctx.draft.waits[jobKey];
  const job = wait?.kind === 'job' && timeoutMs === undefined ? wait : openJob(ctx, jobKey);
  if (isRejection(job)) return job;
  if (retries === undefined && timeoutMs === undefined) {
    return rejection('VALIDATION_FAILED', `Expected a change to job '${jobKey}' (retries or timeout) but found neither; send changeset.retries and/or changeset.timeout.`, { jobKey, field: 'changeset' });
  }
  if (retries !== undefined && (!Number.isInteger(retries) || retries < 1)) {
    return rejection('VALIDATION_FAILED', `Expected retries of job '${jobKey}' to be an integer of at least 1 but found ${retries}; to end the job, fail it instead.`, { jobKey, field: 'retries' });
  }
  if (timeoutMs !== undefined && (!Number.isInteger(timeoutMs) || timeoutMs < 1)) {
    return rejection('VALIDATION_FAILED', `Expected the timeout of job '${jobKey}' to be a whole number of ms of at least 1 but found ${timeoutMs}.`, { jobKey, field: 'timeout' });
  }
  const changes = { ...(retries === undefined ? {} : { retries }), ...(timeoutMs === undefined ? {} : { timeoutMs }) };
  emit(ctx, { type: 'JobUpdated', elementId: job.elementId, elementInstanceId: job.elementInstanceId, jobKey, ...changes });
  return undefined;
}
