import type {
  Clock,
  ConsumeOptions,
  ConsumerHandle,
  EnqueueRequest,
  JobHandler,
  JobQueue,
  LeasedJob,
  ScheduledCallback,
  ScheduledTimer,
  TimerHandler,
} from '@baton/runtime';
import { InMemoryTimers } from './in-memory-timers.js';

interface Entry {
  readonly jobId: string;
  readonly capability: string;
  readonly request: EnqueueRequest;
  state: 'ready' | 'delayed' | 'leased';
  attempt: number;
  /** Bumped per delivery, so a stale lease expiry or handler outcome is ignored. */
  lease: number;
  wakeUp?: ScheduledCallback;
}

interface Consumer {
  readonly capabilities: readonly string[];
  readonly handler: JobHandler;
  readonly concurrency: number;
  readonly leaseMs: number;
  readonly backoffMs: number;
  inFlight: number;
  isStopped: boolean;
  readonly settled: Set<Promise<void>>;
}

export interface InMemoryJobQueueOptions {
  readonly clock: Clock;
  /** Reported handler and timer failures (the job or timer is retried). */
  readonly onError?: (error: unknown) => void;
}

/**
 * JobQueue in this process's memory. Delays, leases and timers run on the given
 * Clock: with a VirtualClock they fire only as the clock advances. Push delivery
 * happens on a microtask after the enqueue, never inside it.
 */
export class InMemoryJobQueue implements JobQueue {
  private readonly jobs = new Map<string, Entry>();
  /** Ready jobs per capability, oldest first (Map keeps insertion order). */
  private readonly ready = new Map<string, Map<string, Entry>>();
  private readonly consumers = new Set<Consumer>();
  private readonly timers: InMemoryTimers;
  private isPumpScheduled = false;

  constructor(private readonly options: InMemoryJobQueueOptions) {
    this.timers = new InMemoryTimers(options.clock, options.onError ?? (() => undefined));
  }

  async enqueue(request: EnqueueRequest): Promise<void> {
    if (this.jobs.has(request.jobId)) return;
    const entry: Entry = { jobId: request.jobId, capability: request.capability, request, state: 'delayed', attempt: 0, lease: 0 };
    this.jobs.set(entry.jobId, entry);
    this.makeDeliverable(entry, request.notBefore);
  }

  /** The job `jobId`, if known (and of `capability`, when the caller names one). */
  private find(jobId: string, capability: string | undefined): Entry | undefined {
    const entry = this.jobs.get(jobId);
    return capability === undefined || entry?.capability === capability ? entry : undefined;
  }

  async cancel(jobId: string, capability?: string): Promise<void> {
    const entry = this.find(jobId, capability);
    if (entry !== undefined) this.forget(entry);
  }

  async lease(capabilities: readonly string[], options: { readonly max: number; readonly leaseMs: number }): Promise<readonly LeasedJob[]> {
    const leased: LeasedJob[] = [];
    for (const capability of capabilities) {
      for (const entry of this.ready.get(capability)?.values() ?? []) {
        if (leased.length >= options.max) return leased;
        leased.push(this.deliver(entry, options.leaseMs, true));
      }
    }
    return leased;
  }

  async ack(jobId: string, capability?: string): Promise<void> {
    const entry = this.find(jobId, capability);
    if (entry !== undefined) this.forget(entry);
  }

  async release(jobId: string, options: { readonly notBefore?: number; readonly capability?: string } = {}): Promise<void> {
    const entry = this.find(jobId, options.capability);
    if (entry === undefined) return;
    this.unready(entry);
    entry.wakeUp?.cancel();
    entry.lease++;
    this.makeDeliverable(entry, options.notBefore);
  }

  consume(capabilities: readonly string[], handler: JobHandler, options: ConsumeOptions = {}): ConsumerHandle {
    const consumer: Consumer = {
      capabilities,
      handler,
      concurrency: options.concurrency ?? 32,
      leaseMs: options.leaseMs ?? 60_000,
      backoffMs: options.backoffMs ?? 1_000,
      inFlight: 0,
      isStopped: false,
      settled: new Set(),
    };
    this.consumers.add(consumer);
    this.schedulePump();
    return {
      stop: async () => {
        consumer.isStopped = true;
        this.consumers.delete(consumer);
        await Promise.all([...consumer.settled]);
      },
    };
  }

  scheduleTimer(timer: ScheduledTimer): Promise<void> {
    return this.timers.schedule(timer);
  }

  cancelTimer(timerKey: string): Promise<void> {
    return this.timers.cancel(timerKey);
  }

  consumeTimers(handler: TimerHandler): ConsumerHandle {
    return this.timers.consume(handler);
  }

  /** Jobs known to the queue (any state): for tests and diagnostics. */
  size(): number {
    return this.jobs.size;
  }

  async close(): Promise<void> {
    for (const consumer of this.consumers) consumer.isStopped = true;
    this.consumers.clear();
    for (const entry of this.jobs.values()) entry.wakeUp?.cancel();
    this.timers.close();
  }

  private makeDeliverable(entry: Entry, notBefore: number | undefined): void {
    const clock = this.options.clock;
    if (notBefore !== undefined && notBefore > clock.now()) {
      entry.state = 'delayed';
      const lease = entry.lease;
      entry.wakeUp = clock.schedule(notBefore, () => {
        if (this.jobs.get(entry.jobId) === entry && entry.lease === lease && entry.state === 'delayed') this.makeReady(entry);
      });
      return;
    }
    this.makeReady(entry);
  }

  private makeReady(entry: Entry): void {
    entry.state = 'ready';
    let members = this.ready.get(entry.capability);
    if (members === undefined) this.ready.set(entry.capability, (members = new Map()));
    members.set(entry.jobId, entry);
    this.schedulePump();
  }

  private unready(entry: Entry): void {
    if (entry.state !== 'ready') return;
    const members = this.ready.get(entry.capability);
    members?.delete(entry.jobId);
    if (members?.size === 0) this.ready.delete(entry.capability);
  }

  private forget(entry: Entry): void {
    this.unready(entry);
    entry.wakeUp?.cancel();
    entry.lease++;
    this.jobs.delete(entry.jobId);
  }

  /** Leases one ready entry; pull leases end on the clock, push leases end with their handler. */
  private deliver(entry: Entry, leaseMs: number, expires: boolean): LeasedJob {
    this.unready(entry);
    entry.state = 'leased';
    entry.attempt++;
    const lease = ++entry.lease;
    const leaseUntil = this.options.clock.now() + leaseMs;
    if (expires) {
      entry.wakeUp = this.options.clock.schedule(leaseUntil, () => {
        if (this.jobs.get(entry.jobId) === entry && entry.lease === lease) this.makeReady(entry);
      });
    }
    return { jobId: entry.jobId, capability: entry.capability, payload: entry.request.payload, attempt: entry.attempt, leaseUntil };
  }

  private schedulePump(): void {
    if (this.isPumpScheduled || this.consumers.size === 0) return;
    this.isPumpScheduled = true;
    void Promise.resolve().then(() => {
      this.isPumpScheduled = false;
      for (const consumer of this.consumers) this.pump(consumer);
    });
  }

  private pump(consumer: Consumer): void {
    for (const capability of consumer.capabilities) {
      const members = this.ready.get(capability);
      if (members === undefined) continue;
      for (const entry of members.values()) {
        if (consumer.isStopped || consumer.inFlight >= consumer.concurrency) return;
        this.run(consumer, entry, this.deliver(entry, consumer.leaseMs, false));
      }
    }
  }

  private run(consumer: Consumer, entry: Entry, job: LeasedJob): void {
    consumer.inFlight++;
    const lease = entry.lease;
    const done = (async () => {
      try {
        const outcome = await consumer.handler(job);
        if (this.jobs.get(entry.jobId) !== entry || entry.lease !== lease) return;
        if (outcome === undefined) this.forget(entry);
        else await this.release(entry.jobId, { notBefore: outcome.retryAt });
      } catch (error) {
        this.options.onError?.(error);
        if (this.jobs.get(entry.jobId) !== entry || entry.lease !== lease) return;
        await this.release(entry.jobId, { notBefore: this.options.clock.now() + consumer.backoffMs * 2 ** (job.attempt - 1) });
      }
    })().finally(() => {
      consumer.inFlight--;
      consumer.settled.delete(done);
      this.schedulePump();
    });
    consumer.settled.add(done);
  }
}

/** Builds an {@link InMemoryJobQueue}. */
export function createInMemoryJobQueue(options: InMemoryJobQueueOptions): InMemoryJobQueue {
  return new InMemoryJobQueue(options);
}
