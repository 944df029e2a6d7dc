import { BatonError } from '@baton/errors';
import type { BatonClient } from './client.js';
import type { WorkerLogger } from './logger.js';
import type { ActivatedJob, Variables } from './types.js';

/**
 * What a handler returns: proof that it reported the job's outcome (Camunda's SDK
 * uses the same literal), so a handler that forgets to is a type error.
 */
export type JobActionReceipt = 'JOB_ACTION_ACKNOWLEDGEMENT';

export const jobActionReceipt: JobActionReceipt = 'JOB_ACTION_ACKNOWLEDGEMENT';

/** Options of `job.fail`. */
export interface JobFailure {
  readonly errorMessage: string;
  /** Retries left after this failure; default `job.retries - 1` (0 raises an incident). */
  readonly retries?: number;
  /** Wait this long (ms) before the job is handed out again; default 0. */
  readonly retryBackOff?: number;
  readonly variables?: Variables;
}

/** Options of `job.error`: a BPMN error, caught by an error event of the model. */
export interface JobBpmnError {
  readonly errorCode: string;
  readonly errorMessage?: string;
  readonly variables?: Variables;
}

/** An activated job as a handler sees it, with the three ways to end it. */
export interface Job<V extends Variables = Variables, H extends Record<string, string> = Record<string, string>>
  extends Omit<ActivatedJob, 'variables' | 'customHeaders'> {
  readonly variables: Readonly<V>;
  readonly customHeaders: Readonly<H>;
  /** Completes the job, merging `variables` into the process. */
  complete(variables?: Variables): Promise<JobActionReceipt>;
  /** Fails the job: retried while retries remain, else an incident. */
  fail(failure: JobFailure): Promise<JobActionReceipt>;
  /** Ends the job with a BPMN error (`errorCode`), caught by the model or else an incident. */
  error(error: JobBpmnError): Promise<JobActionReceipt>;
}

/** A job plus whether one of its actions was called (the worker's view). */
export type WorkerJob<V extends Variables, H extends Record<string, string>> = Job<V, H> & { readonly isAcknowledged: boolean };

/**
 * Wraps an activated job with its actions. Each action reports to the engine once; a
 * second call rejects with `STALE_COMMAND`. When the report fails (the node is gone, or
 * the job already timed out: `JOB_NOT_OPEN`), the failure is logged and the action still
 * resolves: the engine hands the job out again after its timeout.
 */
/** Codes with which the engine says a job is finished: its outcome can no longer be reported, and retrying is pointless. */
const jobIsOver = new Set(['JOB_NOT_OPEN', 'STALE_COMMAND', 'INSTANCE_NOT_ACTIVE', 'INSTANCE_NOT_FOUND']);

export function createJob<V extends Variables, H extends Record<string, string>>(
  activated: ActivatedJob,
  client: BatonClient,
  logger: WorkerLogger,
): WorkerJob<V, H> {
  let acknowledged: string | undefined;
  const context = { jobKey: activated.jobKey, taskType: activated.type, processInstanceKey: activated.processInstanceKey, elementId: activated.elementId };
  const report = async (action: string, send: () => Promise<void>): Promise<JobActionReceipt> => {
    if (acknowledged !== undefined) {
      throw new BatonError('STALE_COMMAND', `Job ${activated.jobKey} already reported its outcome (${acknowledged}); ${action} is ignored.`, {
        jobKey: activated.jobKey,
        elementId: activated.elementId,
      });
    }
    acknowledged = action;
    try {
      await send();
      logger.debug?.(context, `job ${action}`);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      // Issue 12: a refusal saying the job is over is what at-least-once delivery looks
      // like (its lease ran out and another worker has it, or its instance ended), not a failure.
      if (typeof code === 'string' && jobIsOver.has(code)) {
        logger.info({ ...context, code }, `job ${action} refused: the job is no longer open (its lease ran out and it was handed out again, or its instance ended); nothing to do`);
      } else {
        logger.error({ ...context, err: error, code }, `could not report job ${action}; the engine will hand the job out again after its timeout`);
      }
    }
    return jobActionReceipt;
  };
  return {
    ...activated,
    variables: activated.variables as V,
    customHeaders: activated.customHeaders as H,
    get isAcknowledged() {
      return acknowledged !== undefined;
    },
    complete: (variables = {}) => report('complete', () => client.completeJob(activated.jobKey, variables)),
    fail: (failure) =>
      report('fail', () =>
        client.failJob(activated.jobKey, {
          errorMessage: failure.errorMessage,
          retries: failure.retries ?? Math.max(activated.retries - 1, 0),
          retryBackOff: failure.retryBackOff ?? 0,
          ...(failure.variables === undefined ? {} : { variables: failure.variables }),
        }),
      ),
    error: (error) =>
      report('error', () =>
        client.throwJobError(activated.jobKey, {
          errorCode: error.errorCode,
          ...(error.errorMessage === undefined ? {} : { errorMessage: error.errorMessage }),
          variables: error.variables ?? {},
        }),
      ),
  };
}
