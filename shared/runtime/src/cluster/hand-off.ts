import type { Variables } from '@baton/core';
import { BatonError } from '@baton/errors';
import { JobBpmnError, JobRetryLater } from '../engine/jobs.js';
import type { ActivatedJob, JobWorker } from '../engine/engine-types.js';
import type { BusSubscription, MessageBus } from '../ports/message-bus.js';
import type { ClusterSubjects } from './subjects.js';

/** A job handed to a capable peer on `baton.<cluster>.actions.<jobType>`. */
export interface HandOffJobRequest {
  readonly kind: 'job';
  /** The node that leased the job and will complete or fail it with the reply. */
  readonly fromNodeId: string;
  readonly job: ActivatedJob;
}

/** How the peer's handler ended. */
export type HandOffJobReply =
  | { readonly outcome: 'completed'; readonly variables: Variables }
  | { readonly outcome: 'bpmnError'; readonly errorCode: string; readonly errorMessage: string; readonly variables: Variables }
  | { readonly outcome: 'failed'; readonly errorMessage: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toReply(data: unknown, subject: string): HandOffJobReply {
  if (isRecord(data)) {
    const variables = isRecord(data['variables']) ? (data['variables'] as Variables) : {};
    const errorMessage = typeof data['errorMessage'] === 'string' ? data['errorMessage'] : '';
    if (data['outcome'] === 'completed') return { outcome: 'completed', variables };
    if (data['outcome'] === 'failed') return { outcome: 'failed', errorMessage };
    if (data['outcome'] === 'bpmnError' && typeof data['errorCode'] === 'string') {
      return { outcome: 'bpmnError', errorCode: data['errorCode'], errorMessage, variables };
    }
  }
  throw new BatonError('INTERNAL', `The peer answering on "${subject}" sent a malformed hand-off reply; expected {outcome: completed|bpmnError|failed}.`, {
    subject,
  });
}

/** Options of {@link createHandOffWorker}. */
export interface HandOffWorkerOptions {
  readonly bus: MessageBus;
  readonly subjects: ClusterSubjects;
  readonly nodeId: string;
  /**
   * How long to wait for the peer's answer. Keep it below the job's lease (the queue's
   * `leaseMs`), so the job stays leased to this node while the peer works on it.
   */
  readonly timeoutMs: number;
  /** Wait before a job whose peer did not answer is offered again (while it has retries). Default 5 000 ms. */
  readonly retryBackOffMs?: number;
}

/**
 * A worker that runs a job on a capable peer instead of here: it sends the job as a
 * request to the queue group on `baton.<cluster>.actions.<jobType>` and turns the
 * answer into the job's outcome (variables, a {@link JobBpmnError}, or a failure).
 * No answer in time (`NO_CAPABLE_NODE` from the bus) fails the job with a back-off of
 * `retryBackOffMs`: it is retried while it has retries, then becomes an incident. The job is
 * never run here.
 */
export function createHandOffWorker(options: HandOffWorkerOptions): JobWorker {
  return async (job) => {
    const subject = options.subjects.action(job.type);
    const request: HandOffJobRequest = { kind: 'job', fromNodeId: options.nodeId, job };
    let answer: unknown;
    try {
      answer = await options.bus.request(subject, request, { timeoutMs: options.timeoutMs });
    } catch (error) {
      // The peer is gone or busy: give it time to come back before the next attempt uses a retry.
      throw new JobRetryLater(error instanceof Error ? error.message : String(error), options.retryBackOffMs ?? 5_000, { cause: error });
    }
    const reply = toReply(answer, subject);
    switch (reply.outcome) {
      case 'completed':
        return reply.variables;
      case 'bpmnError':
        throw new JobBpmnError(reply.errorCode, reply.errorMessage, reply.variables);
      case 'failed':
        throw new Error(reply.errorMessage);
      default:
        return assertNeverReply(reply);
    }
  };
}

function assertNeverReply(reply: never): never {
  throw new BatonError('INTERNAL', `Unexpected hand-off reply ${JSON.stringify(reply)}.`);
}

/** Options of {@link serveCapabilities}. */
export interface ServeCapabilitiesOptions {
  readonly bus: MessageBus;
  readonly subjects: ClusterSubjects;
  /** The in-process handlers of this node, by job type. */
  readonly handlers: Readonly<Record<string, JobWorker>>;
  readonly onError?: (error: unknown, context: Readonly<Record<string, unknown>>) => void;
}

/** Runs one handed-off job and says how it ended. */
async function runHandedOff(worker: JobWorker, job: ActivatedJob): Promise<HandOffJobReply> {
  try {
    return { outcome: 'completed', variables: (await worker(job)) ?? {} };
  } catch (error) {
    if (error instanceof JobBpmnError) {
      return { outcome: 'bpmnError', errorCode: error.errorCode, errorMessage: error.message, variables: { ...error.variables } };
    }
    return { outcome: 'failed', errorMessage: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The capable side of job hand-off (an edge node without a store): joins the queue
 * group of `baton.<cluster>.actions.<jobType>` for each handler and answers every
 * request with how its handler ended. Resolves once subscribed; `stop()` leaves.
 */
export async function serveCapabilities(options: ServeCapabilitiesOptions): Promise<{ stop(): Promise<void> }> {
  const onError = options.onError ?? (() => undefined);
  const subscriptions: BusSubscription[] = [];
  for (const [jobType, worker] of Object.entries(options.handlers)) {
    const subject = options.subjects.action(jobType);
    const subscription = await options.bus.subscribe(
      subject,
      async (message) => {
        const request = message.data as Partial<HandOffJobRequest> | null;
        if (message.respond === undefined || request?.kind !== 'job' || request.job === undefined) {
          onError(new Error(`Ignored a malformed hand-off request on ${subject}.`), { subject });
          return;
        }
        message.respond(await runHandedOff(worker, request.job));
      },
      { queue: subject },
    );
    subscriptions.push(subscription);
  }
  return { stop: async () => void (await Promise.all(subscriptions.map((s) => s.unsubscribe()))) };
}
