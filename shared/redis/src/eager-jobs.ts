import { AsyncLocalStorage } from 'node:async_hooks';
import type { JobHandler, LeasedJob } from '@baton/runtime';
import type { Job } from 'bullmq';
import type { JobData } from './bullmq-names.js';

/** One eager run: `slotGone` once its slot went back to the pool or over to the instance's next job. */
interface RunContext {
  readonly capability: string;
  slotGone: boolean;
}

/** This node's push consumer of one capability, as eager dispatch runs it. */
export interface LocalConsumer {
  readonly handler: JobHandler;
  readonly leaseMs: number;
  readonly backoffMs: number;
  readonly concurrency: number;
}

/** What the queue lends eager runs: the job's lease in BullMQ and the settlement marks. */
export interface EagerHost {
  /** Adds the job to BullMQ as delayed until `leaseUntil`: durable, and no worker sees it before then. */
  addLeased(capability: string, jobId: string, data: JobData, leaseUntil: number): Promise<Job<JobData>>;
  /** Marks `bullId` held by this node; `take` returns whether it was acked or cancelled meanwhile and forgets it. */
  hold(bullId: string): void;
  take(bullId: string): boolean;
  reportError(error: unknown): void;
}

/**
 * Eager dispatch (issue #5, "Speed"): a job the engine just created for a capability
 * this node consumes in process runs here at once, without a trip through BullMQ's
 * wait list and a worker's fetch. It is still a BullMQ job, added as delayed until
 * its lease ends, so it is durable and no other worker sees it meanwhile; the lease
 * is renewed at half-time while the handler runs. Done or acked: the job is removed.
 * A retry moves its delay to the retry time, where any worker takes it. If this node
 * dies, the lease runs out and the job is delivered to another node (at least once,
 * one consumer at a time, as for a stalled BullMQ job). At most `concurrency` eager
 * jobs per capability hold a slot; beyond that the job goes through the queue. A run
 * whose own completion creates the instance's next job of the same capability hands
 * its slot over to it (the run is about to end): a process of several tasks in a row
 * keeps its slot instead of sending each next task through the queue when the node is
 * busy.
 */
export class EagerJobs {
  private readonly consumers = new Map<string, LocalConsumer>();
  private readonly running = new Map<string, Set<Promise<void>>>();
  /** Slots held per capability (a run that handed its slot over no longer holds one). */
  private readonly slots = new Map<string, number>();
  /** The eager run whose handler is executing (its async context), if any: it may hand its slot over once. */
  private readonly current = new AsyncLocalStorage<RunContext>();
  /** Runs by BullMQ id, until they end. */
  private readonly byId = new Map<string, RunContext>();

  constructor(private readonly host: EagerHost) {}

  register(capability: string, consumer: LocalConsumer): void {
    this.consumers.set(capability, consumer);
  }

  /** Stops eager dispatch for `capability` and waits for its runs in flight. */
  async unregister(capability: string): Promise<void> {
    this.consumers.delete(capability);
    await Promise.all(this.running.get(capability) ?? []);
  }

  /** Stops eager dispatch and waits for every run in flight (a graceful close). */
  async drain(): Promise<void> {
    await Promise.all([...this.consumers.keys()].map((capability) => this.unregister(capability)));
  }

  /**
   * Adds the job leased to this node and starts its handler, when a local consumer
   * of the capability has room; else returns false (the caller queues it).
   */
  async tryRun(capability: string, jobId: string, bullId: string, data: JobData): Promise<boolean> {
    const consumer = this.consumers.get(capability);
    const runs = this.running.get(capability) ?? new Set<Promise<void>>();
    if (consumer === undefined) return false;
    const parent = this.current.getStore();
    if (parent !== undefined && parent.capability === capability && !parent.slotGone) {
      parent.slotGone = true;
    } else {
      const held = this.slots.get(capability) ?? 0;
      if (held >= consumer.concurrency) return false;
      this.slots.set(capability, held + 1);
    }
    const leaseUntil = Date.now() + consumer.leaseMs;
    let job: Job<JobData>;
    try {
      job = await this.host.addLeased(capability, jobId, data, leaseUntil);
    } catch (error) {
      this.release(capability);
      throw error;
    }
    this.host.hold(bullId);
    const context: RunContext = { capability, slotGone: false };
    this.byId.set(bullId, context);
    const run = this.run(consumer, job, { jobId, capability, payload: data.payload, attempt: 1, leaseUntil }, bullId, context).finally(() => {
      runs.delete(run);
      this.byId.delete(bullId);
      this.free(context);
    });
    runs.add(run);
    this.running.set(capability, runs);
    return true;
  }

  /**
   * The engine acked or cancelled job `bullId`: if it is an eager run here, its slot
   * is free at once (the run only removes the job from BullMQ now), so the next start
   * finds room.
   */
  settled(bullId: string): void {
    const context = this.byId.get(bullId);
    if (context !== undefined) this.free(context);
  }

  private free(context: RunContext): void {
    if (context.slotGone) return;
    context.slotGone = true;
    this.release(context.capability);
  }

  private release(capability: string): void {
    this.slots.set(capability, Math.max(0, (this.slots.get(capability) ?? 1) - 1));
  }

  private async run(
    consumer: LocalConsumer,
    job: Job<JobData>,
    leased: LeasedJob,
    bullId: string,
    context: RunContext,
  ): Promise<void> {
    const renew = setInterval(() => {
      job.changeDelay(consumer.leaseMs).catch((error: unknown) => this.host.reportError(error));
    }, consumer.leaseMs / 2);
    renew.unref();
    let outcome: { readonly retryAt: number } | undefined;
    try {
      outcome = (await this.current.run(context, () => consumer.handler(leased))) ?? undefined;
    } catch {
      outcome = { retryAt: Date.now() + consumer.backoffMs };
    } finally {
      clearInterval(renew);
    }
    const isSettledHere = this.host.take(bullId);
    try {
      if (isSettledHere || outcome === undefined) await job.remove();
      else await job.changeDelay(Math.max(1, outcome.retryAt - Date.now()));
    } catch (error) {
      // Left in BullMQ: its lease ends and a worker takes it; the engine drops a job whose wait closed.
      this.host.reportError(error);
    }
  }
}
