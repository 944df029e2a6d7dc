import type { Effect } from '@baton/core';
import { isBatonError, type BatonError } from '@baton/errors';
import type { ExecuteResult } from '../command-processor.js';
import type { ConsumerHandle, LeasedJob } from '../ports/job-queue.js';
import type { VersionedState } from '../ports/store-records.js';
import { checkVariables, type VariableLimits } from '../variable-limits.js';
import { executeOnWait, isJobOver, jobTypeBefore, stamp, thenSettle, type EngineContext } from './engine-context.js';
import type {
  ActivatedJob,
  ActivateJobsRequest,
  CompleteJobRequest,
  FailJobRequest,
  JobWorker,
  ThrowErrorRequest,
  UpdateJobRequest,
} from './engine-types.js';

/** Thrown by an in-process {@link JobWorker} to end its job with a BPMN error the model may catch. */
export class JobBpmnError extends Error {
  constructor(
    readonly errorCode: string,
    message = `BPMN error ${errorCode}`,
    readonly variables: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'JobBpmnError';
  }
}

/** Thrown by an in-process {@link JobWorker} to fail its job and retry it no sooner than `retryBackOffMs` later. */
export class JobRetryLater extends Error {
  constructor(
    message: string,
    readonly retryBackOffMs: number,
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
    this.name = 'JobRetryLater';
  }
}

/** The refusal `checkVariables` throws for `variables`, or undefined when they are within `limits`. */
function variablesRefusal(variables: unknown, limits: VariableLimits): BatonError | undefined {
  try {
    checkVariables(variables, limits, 'variables');
    return undefined;
  } catch (error) {
    if (isBatonError(error)) return error;
    throw error;
  }
}

/** The job a request names, as {@link executeOnWait} takes it. */
const jobWait = (request: { readonly jobKey: string; readonly instanceId?: string }) => ({ key: request.jobKey, hint: request.instanceId, what: 'job' });

/** Completes, fails and activates jobs, and runs this node's in-process workers. */
export class Jobs {
  constructor(private readonly ctx: EngineContext) {}

  /** `known`: the instance as the job's activation read it, decided on without a second load (see ExecuteRequest). */
  async complete(request: CompleteJobRequest, known?: VersionedState): Promise<ExecuteResult> {
    const command = { type: 'CompleteJob', ...stamp(this.ctx), jobKey: request.jobKey, variables: request.variables ?? {} } as const;
    const execution = executeOnWait(this.ctx, jobWait(request), (instanceId) => ({ instanceId, command, ...(known === undefined ? {} : { known }) }));
    return thenSettle(execution, (result) => this.ctx.queue.ack(request.jobKey, jobTypeBefore(result, request.jobKey)));
  }

  async throwError(request: ThrowErrorRequest): Promise<ExecuteResult> {
    const { jobKey, errorCode, errorMessage } = request;
    const command = {
      type: 'ThrowError',
      ...stamp(this.ctx),
      jobKey,
      errorCode,
      ...(errorMessage === undefined ? {} : { errorMessage }),
      variables: request.variables ?? {},
    } as const;
    return thenSettle(executeOnWait(this.ctx, jobWait(request), (instanceId) => ({ instanceId, command })), (result) => this.ctx.queue.ack(jobKey, jobTypeBefore(result, jobKey)));
  }

  /** Fails the job; a job with retries left goes back to the queue after its back-off. */
  async fail(request: FailJobRequest): Promise<ExecuteResult> {
    const { result, retryAt } = await this.failCommand(request);
    const capability = jobTypeBefore(result, request.jobKey);
    await (retryAt === undefined
      ? this.ctx.queue.ack(request.jobKey, capability)
      : this.ctx.queue.release(request.jobKey, { notBefore: retryAt, ...(capability === undefined ? {} : { capability }) }));
    return result;
  }

  /** Changes retries and/or timeout; a new timeout moves the job's lease end (the queue holds the lease, not the core). */
  async update(request: UpdateJobRequest): Promise<ExecuteResult> {
    const { jobKey, retries, timeoutMs } = request;
    const changes = { ...(retries === undefined ? {} : { retries }), ...(timeoutMs === undefined ? {} : { timeoutMs }) };
    const command = { type: 'UpdateJob', ...stamp(this.ctx), jobKey, ...changes } as const;
    const result = await executeOnWait(this.ctx, jobWait(request), (instanceId) => ({ instanceId, command }));
    if (timeoutMs !== undefined) {
      const capability = jobTypeBefore(result, jobKey);
      await this.ctx.queue.release(jobKey, { notBefore: command.at + timeoutMs, ...(capability === undefined ? {} : { capability }) });
    }
    return result;
  }

  async activate(request: ActivateJobsRequest): Promise<readonly ActivatedJob[]> {
    const leased = await this.ctx.queue.lease([request.type], { max: request.maxJobs, leaseMs: request.timeoutMs });
    const activations = await Promise.all(leased.map((job) => this.toActivated(job, request.worker)));
    return activations.flatMap((activation) => (activation === undefined ? [] : [activation.job]));
  }

  /** Consumes the queues of the handlers' job types; stop the returned handle on close. */
  startWorkers(handlers: Readonly<Record<string, JobWorker>>): ConsumerHandle | undefined {
    const types = Object.keys(handlers);
    if (types.length === 0) return undefined;
    return this.ctx.queue.consume(types, async (leased) => {
      const activation = await this.toActivated(leased, this.ctx.nodeId);
      const worker = handlers[leased.capability];
      if (activation === undefined || worker === undefined) return;
      const { job, loaded } = activation;
      try {
        return await this.runWorker(job, worker, loaded);
      } catch (error) {
        if (isJobOver(error)) {
          // Issue 12, finding 7: the completion was refused because the job is over (a peer
          // ran it after this node's lease lapsed, or its instance ended): finished, never
          // delivered again, whatever this node's copy of the instance said.
          await this.ctx.queue.ack(job.jobKey, leased.capability);
          this.ctx.onError(error, { jobKey: job.jobKey, instanceId: job.instanceId, during: 'worker', outcome: 'job over: acknowledged, not run again' });
          return;
        }
        // The queue retries after its back-off; the refusals that end the job acked it already.
        this.ctx.onError(error, { jobKey: job.jobKey, instanceId: job.instanceId, during: 'worker' });
        throw error;
      }
    });
  }

  private async runWorker(job: ActivatedJob, worker: JobWorker, loaded: VersionedState): Promise<void | { readonly retryAt: number }> {
    let variables: Readonly<Record<string, unknown>> | void;
    try {
      variables = await worker(job);
      checkVariables(variables ?? {}, this.ctx.variableLimits, 'variables');
    } catch (error) {
      return this.workerFailed(job, error);
    }
    await this.complete({ jobKey: job.jobKey, instanceId: job.instanceId, variables: variables ?? {} }, loaded);
  }

  private async workerFailed(job: ActivatedJob, error: unknown): Promise<void | { readonly retryAt: number }> {
    const { jobKey, instanceId } = job;
    const refusal = error instanceof JobBpmnError ? variablesRefusal(error.variables, this.ctx.variableLimits) : undefined;
    if (error instanceof JobBpmnError && refusal === undefined) {
      const { errorCode, message, variables } = error;
      await this.throwError({ jobKey, instanceId, errorCode, errorMessage: message, variables });
      return;
    }
    // Variables over the limits are never stored (issue 12): the job becomes an incident naming the limit; retrying cannot help.
    const over = refusal ?? (isBatonError(error) && error.code === 'VARIABLE_LIMIT_EXCEEDED' ? error : undefined);
    const errorMessage = over !== undefined ? `${over.code}: ${over.message}` : error instanceof Error ? error.message : String(error);
    const retries = over !== undefined ? 0 : job.retries - 1;
    const backOff = error instanceof JobRetryLater ? { retryBackOffMs: error.retryBackOffMs } : {};
    const { retryAt } = await this.failCommand({ jobKey, instanceId, retries, errorMessage, ...backOff });
    return retryAt === undefined ? undefined : { retryAt };
  }

  private async failCommand(request: FailJobRequest): Promise<{ result: ExecuteResult; retryAt: number | undefined }> {
    const { jobKey, retries, errorMessage, retryBackOffMs, variables } = request;
    const command = {
      type: 'FailJob',
      ...stamp(this.ctx),
      jobKey,
      retries,
      errorMessage,
      ...(retryBackOffMs === undefined ? {} : { retryBackOffMs }),
      ...(variables === undefined ? {} : { variables }),
    } as const;
    const result = await executeOnWait(this.ctx, jobWait(request), (instanceId) => ({ instanceId, command }));
    const wait = result.state.waits[jobKey];
    if (wait?.kind !== 'job' || wait.state !== 'activatable') return { result, retryAt: undefined };
    const requeued = result.effects.find((e): e is Extract<Effect, { type: 'EnqueueJob' }> => e.type === 'EnqueueJob' && e.jobKey === jobKey);
    return { result, retryAt: requeued?.notBefore ?? command.at + (retryBackOffMs ?? 0) };
  }

  /** The job with its variables and the state it was read from, or undefined (and dropped from the queue) when it is no longer open. */
  private async toActivated(leased: LeasedJob, worker: string): Promise<{ readonly job: ActivatedJob; readonly loaded: VersionedState } | undefined> {
    const { jobKey, instanceId } = leased.payload;
    // This node's own recent commit (it likely created the job) saves a load; it is
    // only a guess, so an absent or closed job is confirmed on a load before dropping.
    const isOpen = (state: VersionedState | undefined): boolean => {
      const wait = state?.state.waits[jobKey];
      return wait?.kind === 'job' && wait.state === 'activatable';
    };
    const recent = this.ctx.processor.recentState(instanceId);
    const loaded = recent !== undefined && isOpen(recent) ? recent : await this.ctx.store.load(instanceId);
    const wait = loaded?.state.waits[jobKey];
    if (loaded === undefined || wait?.kind !== 'job' || !isOpen(loaded)) {
      await this.ctx.queue.ack(leased.jobId, leased.capability);
      return undefined;
    }
    const { state } = loaded;
    const job: ActivatedJob = {
      jobKey,
      type: wait.jobType,
      instanceId,
      processId: state.processId,
      definitionKey: state.definitionKey,
      elementId: wait.elementId,
      elementInstanceId: wait.elementInstanceId,
      retries: wait.retries,
      customHeaders: wait.customHeaders,
      variables: this.ctx.visibleVariables(state, wait.elementInstanceId),
      worker,
      deadline: leased.leaseUntil,
    };
    return { job, loaded };
  }
}
