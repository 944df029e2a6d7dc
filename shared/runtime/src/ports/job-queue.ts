/** What travels with a queued job: the core's EnqueueJob facts (plain JSON). */
export interface JobPayload {
  readonly jobKey: string;
  readonly instanceId: string;
  readonly elementId: string;
  readonly elementInstanceId: string;
  readonly jobType: string;
  readonly retries: number;
  readonly customHeaders: Readonly<Record<string, string>>;
}

export interface EnqueueRequest {
  /** Deterministic (the job key): enqueueing an id the queue already holds is a no-op. */
  readonly jobId: string;
  /** The job type; only consumers of this capability receive it. */
  readonly capability: string;
  readonly payload: JobPayload;
  /** Not deliverable before this epoch ms. */
  readonly notBefore?: number;
  /**
   * The job was created by the commit this node just made and was never queued
   * before: the queue may hand it straight to this node's own consumer of its
   * capability (eager dispatch, as Temporal's eager activities), provided the job
   * stays durable and exclusive (a lease that ends if this node dies) and goes
   * through the shared queue when no local consumer has room.
   */
  readonly eager?: boolean;
}

/** A job handed to one worker until acknowledged, released, cancelled or its lease ends. */
export interface LeasedJob {
  readonly jobId: string;
  readonly capability: string;
  readonly payload: JobPayload;
  /** Deliveries so far, this one included. */
  readonly attempt: number;
  /** Epoch ms when the lease ends and the job becomes deliverable again. */
  readonly leaseUntil: number;
}

/**
 * What a push consumer's handler decides: resolve with nothing to acknowledge
 * (remove) the job, `{ retryAt }` to release it until then; a throw releases it
 * with the queue's exponential back-off.
 */
export type JobHandler = (job: LeasedJob) => Promise<void | { readonly retryAt: number }>;

export interface ConsumeOptions {
  /** Jobs handled at once by this consumer. Default 32. */
  readonly concurrency?: number;
  /** Lease per delivery. Default 60 000 ms. */
  readonly leaseMs?: number;
  /** First back-off after a throw, doubled per attempt. Default 1 000 ms. */
  readonly backoffMs?: number;
}

/** A timer the queue fires at `dueAt`: an instance's timer, or a process's timer start event. */
export type ScheduledTimer =
  | { readonly kind: 'instance'; readonly timerKey: string; readonly dueAt: number; readonly instanceId: string; readonly elementId: string }
  | {
      readonly kind: 'start';
      readonly timerKey: string;
      readonly dueAt: number;
      readonly definitionKey: string;
      readonly elementId: string;
      /** Cycle repetitions left after this firing (-1 unbounded); absent for a one-off. */
      readonly repetitionsLeft?: number;
    };

export type TimerHandler = (timer: ScheduledTimer) => Promise<void>;

/** Stops a consumer; resolves when its handlers in flight have settled. */
export interface ConsumerHandle {
  stop(): Promise<void>;
}

/**
 * Work queues by capability (job type) plus delayed timers.
 *
 * Contract, for every adapter (checked by `jobQueueContract` in @baton/testkit):
 * - **Idempotent enqueue.** A job is known by `jobId` from enqueue until ack or
 *   cancel; enqueueing a known id changes nothing (not its payload, lease or delay).
 * - **Delivery.** At least once: a job is delivered to one consumer (lease or push)
 *   at a time; it comes back when its lease ends unacknowledged, or when released.
 *   Per capability, deliverable jobs go out oldest first; a job with `notBefore`
 *   is not deliverable before it.
 * - **Capabilities.** A consumer receives only jobs of the capabilities it names.
 * - **Ack / release / cancel** of an unknown id is a no-op. After `cancel` the job
 *   is never delivered again (a lease in flight may still finish; its ack is a no-op).
 *   They may name the job's `capability` when the caller knows it (the job's type):
 *   the adapter then need not look the job's queue up, and leaves a job of another
 *   capability alone. Without it they still work.
 * - **Timers.** `scheduleTimer` is idempotent by `timerKey`; the timer handler gets
 *   each timer once, at or after `dueAt`, earliest due first; `cancelTimer` before
 *   that prevents it. A timer due while no handler is registered waits for one. A
 *   handler that throws gets the timer again after a back-off.
 * - Time (delays, leases, back-off) comes from the adapter's Clock.
 * - `close()` stops every consumer and releases connections; idempotent.
 */
export interface JobQueue {
  enqueue(request: EnqueueRequest): Promise<void>;
  /** Removes the job wherever it is (waiting, delayed or leased). */
  cancel(jobId: string, capability?: string): Promise<void>;
  /** Pull: leases up to `max` deliverable jobs of these capabilities for `leaseMs`. */
  lease(capabilities: readonly string[], options: { readonly max: number; readonly leaseMs: number }): Promise<readonly LeasedJob[]>;
  /** The job is done: forget it (a later enqueue of its id adds it anew). */
  ack(jobId: string, capability?: string): Promise<void>;
  /** Gives a leased job back: deliverable again at `notBefore` (default now). */
  release(jobId: string, options?: { readonly notBefore?: number; readonly capability?: string }): Promise<void>;
  /** Push: delivers jobs of these capabilities to `handler` (see {@link JobHandler}). */
  consume(capabilities: readonly string[], handler: JobHandler, options?: ConsumeOptions): ConsumerHandle;

  scheduleTimer(timer: ScheduledTimer): Promise<void>;
  cancelTimer(timerKey: string): Promise<void>;
  /** Registers the one timer handler of this node; due timers start flowing to it. */
  consumeTimers(handler: TimerHandler): ConsumerHandle;

  close(): Promise<void>;
}
