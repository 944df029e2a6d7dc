import { randomUUID } from 'node:crypto';
import { BatonError } from '@baton/errors';
import type { ConsumeOptions, ConsumerHandle, EnqueueRequest, JobHandler, JobQueue, LeasedJob, ScheduledTimer, TimerHandler } from '@baton/runtime';
import { Queue, Worker, type ConnectionOptions, type Job } from 'bullmq';
import { BullmqConsumer, type Outcome } from './bullmq-consumer.js';
import { bullId, jobQueueName, keyOfBullId, timerQueueName, type JobData } from './bullmq-names.js';
import { checkRedisServer, clusterNodesOf, connectionOptions, connectRedis, emitWarning, guarded, namespacePrefix, newRedisClient, type RedisClient, unavailable } from './connection.js';
import { EagerJobs } from './eager-jobs.js';

export interface BullmqJobQueueOptions {
  readonly url: string;
  /** BullMQ key prefix; default `baton`. Nodes of one cluster share it. */
  readonly prefix?: string;
  /** Errors of background work (workers, handlers' settlement); default ignored. */
  readonly onError?: (error: unknown) => void;
  readonly onWarning?: (message: string) => void;
  /** Timers handled at once by this node. Default 8 (they start in due order). */
  readonly timerConcurrency?: number;
  /** How often the watchdog checks that workers still consume. Default 5 000 ms. */
  readonly watchdogIntervalMs?: number;
  /**
   * Lease of a pushed job when `consume` names none: how long a job stays with a node
   * that died holding it before a peer takes it over (BullMQ's lock; its stalled check
   * runs as often, at most every 30 s). Default 60 000 ms.
   */
  readonly defaultLeaseMs?: number;
  /**
   * Eager dispatch (see `EagerJobs`): a job the engine just created for a capability
   * this node consumes runs here at once, leased, instead of through BullMQ's wait
   * list. Default true; false sends every job through the shared queue.
   */
  readonly eagerDispatch?: boolean;
  /**
   * Length each queue's BullMQ event stream is trimmed to (approximately: `XADD MAXLEN
   * ~`, so up to one stream node, ~100 entries, stays). Baton reads none of these
   * events (no QueueEvents), so the default is 0; raise it to watch a queue with
   * BullMQ's tools. BullMQ's own default keeps 10,000 per queue.
   */
  readonly eventStreamMaxLen?: number;
}

const DAY_MS = 86_400_000;

/** A push consumer as the queue keeps it (see {@link BullmqConsumer}). */
interface Consumer {
  readonly isReady: boolean;
  recreate(): Promise<void>;
  stop(): Promise<void>;
}
const jobOptions = { removeOnComplete: true, removeOnFail: true } as const;

/**
 * JobQueue on BullMQ: one queue per capability plus one `timers` queue, on wall
 * time (BullMQ reads `Date.now()` itself, so this adapter has no Clock option).
 *
 * - Ids: the Baton key escaped (see `bullId`); BullMQ ignores an add whose id it
 *   holds, so a repeated dispatch is a no-op.
 * - Pull leases: `getNextJob` then `moveToDelayed(leaseUntil)`. A leased job waits
 *   in BullMQ's delayed set until its lease ends, which makes the lease durable
 *   (no stalled check needed) and `release` a `changeDelay`.
 * - Push: BullMQ workers (see {@link BullmqConsumer}): lock + stalled checker.
 * - `ack`/`cancel`/`release` name the job's capability when the caller knows it
 *   (the engine always does, but for a job whose wait is already gone); without
 *   it they look in each capability's queue (a global SET lists them). A job held
 *   by a running handler cannot be removed; it gets a tombstone so the handler's
 *   retry completes it instead of delivering it again. When that handler runs on
 *   this node (the in-process worker acking its own job, the common case), a local
 *   mark does the tombstone's work without a round trip: the consumer then
 *   finishes the job (removed on completion) whatever the handler returns.
 */
export class BullmqJobQueue implements JobQueue {
  private readonly queues = new Map<string, Queue>();
  private readonly pullers = new Map<string, Worker>();
  private readonly consumers = new Set<Consumer>();
  /** `P:jobs:capabilities`: every capability a job was ever enqueued for (SET). */
  private readonly capabilitiesKey: string;
  /** Capabilities this node added to that SET already. */
  private readonly knownCapabilities = new Set<string>();
  private readonly token = randomUUID();
  /** BullMQ ids of the jobs this node's push consumers are running → whether acked or cancelled meanwhile. */
  private readonly held = new Map<string, boolean>();
  private readonly watchdog: ReturnType<typeof setInterval>;
  private readonly eager = new EagerJobs({
    addLeased: (capability, jobId, data, leaseUntil) =>
      this.queue(jobQueueName(capability)).add('job', data, { ...jobOptions, jobId: bullId(jobId), ...timing(leaseUntil) }),
    hold: (id) => void this.held.set(id, false),
    take: (id) => {
      const settled = this.held.get(id) === true;
      this.held.delete(id);
      return settled;
    },
    reportError: (error) => this.reportError(error),
  });
  private closing: Promise<void> | undefined;
  /** Acknowledged or cancelled jobs whose removal is on its way, by BullMQ id (see `settle`). */
  private readonly removals = new Map<string, Promise<void>>();

  /** BullMQ bundles its own ioredis, so it gets options and makes (and closes) its connections. */
  private readonly producerConnection: ConnectionOptions;
  private readonly workerConnection: ConnectionOptions;
  /** On a Redis Cluster: the connections handed to BullMQ as instances, closed by this queue. */
  private readonly sharedClusters: readonly RedisClient[] = [];

  constructor(
    private readonly producer: RedisClient,
    private readonly options: BullmqJobQueueOptions & { readonly prefix: string },
  ) {
    if (clusterNodesOf(options.url) === undefined) {
      this.producerConnection = { url: options.url, ...connectionOptions('producer'), lazyConnect: false } as ConnectionOptions;
      this.workerConnection = { url: options.url, ...connectionOptions('worker'), lazyConnect: false } as ConnectionOptions;
    } else {
      // BullMQ takes a Cluster only as an instance (shared: it duplicates it for blocking
      // reads and never closes it); this queue closes both once its queues and workers are.
      // With the offline queue: BullMQ sends its INFO before the cluster's slot map is in.
      const producerCluster = newRedisClient(options.url, { ...connectionOptions('producer'), enableOfflineQueue: true, lazyConnect: false, connectionName: 'baton-bullmq' });
      const workerCluster = newRedisClient(options.url, { ...connectionOptions('worker'), lazyConnect: false, connectionName: 'baton-bullmq-worker' });
      for (const cluster of [producerCluster, workerCluster]) cluster.on('error', (error: unknown) => this.reportError(error));
      this.sharedClusters = [producerCluster, workerCluster];
      this.producerConnection = producerCluster as ConnectionOptions;
      this.workerConnection = workerCluster as ConnectionOptions;
    }
    this.capabilitiesKey = `${options.prefix}:jobs:capabilities`;
    this.watchdog = setInterval(() => void this.revive(), options.watchdogIntervalMs ?? 5_000);
    this.watchdog.unref();
  }

  /** False while a consumer's worker does not run (e.g. after a Redis restart, until the watchdog recreated it). */
  get isReady(): boolean {
    return this.closing === undefined && this.producer.status === 'ready' && [...this.consumers].every((c) => c.isReady);
  }

  private async revive(): Promise<void> {
    for (const consumer of this.consumers) {
      if (!consumer.isReady && this.producer.status === 'ready') await consumer.recreate();
    }
  }

  private queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (queue === undefined) {
      // The stream length lives in the queue's meta HASH, where every worker's script reads it.
      const streams = { events: { maxLen: this.options.eventStreamMaxLen ?? 0 } };
      queue = new Queue(name, { connection: this.producerConnection, prefix: this.options.prefix, streams });
      queue.on('error', (error) => this.reportError(error));
      this.queues.set(name, queue);
    }
    return queue;
  }

  private puller(capability: string): Worker {
    let worker = this.pullers.get(capability);
    if (worker === undefined) {
      worker = new Worker(jobQueueName(capability), null, { connection: this.workerConnection, prefix: this.options.prefix, autorun: false });
      worker.on('error', (error) => this.reportError(error));
      this.pullers.set(capability, worker);
    }
    return worker;
  }

  private reportError(error: unknown): void {
    this.options.onError?.(error);
  }

  enqueue(request: EnqueueRequest): Promise<void> {
    return this.guard(async () => {
      const { jobId, capability, payload, notBefore } = request;
      const data: JobData = { capability, payload };
      await this.removed([bullId(jobId)]);
      // Once per capability and node: lets a settle without a capability find the job's queue.
      if (!this.knownCapabilities.has(capability)) await this.rememberCapability(capability);
      if (request.eager === true && notBefore === undefined && this.options.eagerDispatch !== false) {
        if (await this.eager.tryRun(capability, jobId, bullId(jobId), data)) return;
      }
      // A failed add leaves its outbox entry for the sweep, and a repeated add is a no-op.
      await this.queue(jobQueueName(capability)).add('job', data, { ...jobOptions, jobId: bullId(jobId), ...timing(notBefore) });
    });
  }

  private async rememberCapability(capability: string): Promise<void> {
    await this.producer.sadd(this.capabilitiesKey, capability);
    this.knownCapabilities.add(capability);
  }

  /** The queues job `jobId` may be in: its capability's when named, else every capability's. */
  private async capabilitiesOf(capability: string | undefined): Promise<readonly string[]> {
    return capability === undefined ? this.producer.smembers(this.capabilitiesKey) : [capability];
  }

  cancel(jobId: string, capability?: string): Promise<void> {
    return this.settle(jobId, capability);
  }

  ack(jobId: string, capability?: string): Promise<void> {
    return this.settle(jobId, capability);
  }

  /**
   * Removes the job wherever it is; one held by a running handler gets a tombstone instead.
   * The removal leaves after the caller's command (issue 18: a job completion is the
   * state read and the commit, 2 round trips, not 3): until it ran, this queue's own
   * `enqueue` of that id, `release` and `lease` wait for it, and `close` flushes it. A
   * peer that leases the job meanwhile finds its wait closed and acknowledges it again;
   * a removal Redis refused is reported and leaves the job to come back the same way.
   */
  private settle(jobId: string, capability: string | undefined): Promise<void> {
    return this.guard(async () => {
      const id = bullId(jobId);
      if (this.held.has(id)) {
        // Held by this node's running handler: the consumer finishes it (no round trip).
        this.held.set(id, true);
        this.eager.settled(id);
        return;
      }
      const before = this.removals.get(id) ?? Promise.resolve();
      const removal = before
        .then(() => this.remove(jobId, capability))
        .catch((error: unknown) => this.reportError(error))
        .finally(() => {
          if (this.removals.get(id) === removal) this.removals.delete(id);
        });
      this.removals.set(id, removal);
    });
  }

  private async remove(jobId: string, capability: string | undefined): Promise<void> {
    for (const candidate of await this.capabilitiesOf(capability)) {
      const queue = this.queue(jobQueueName(candidate));
      if ((await queue.remove(bullId(jobId))) === 1) return;
      if ((await queue.getJobState(bullId(jobId))) === 'active') {
        await this.producer.set(this.tombstone(candidate, jobId), '1', 'PX', DAY_MS);
        return;
      }
    }
  }

  /** Waits for the deferred removals of these BullMQ ids (all when none named). */
  private async removed(ids?: readonly string[]): Promise<void> {
    if (this.removals.size === 0) return;
    const pending = ids === undefined ? [...this.removals.values()] : ids.flatMap((id) => this.removals.get(id) ?? []);
    await Promise.all(pending);
  }

  private tombstone(capability: string, jobId: string): string {
    return `${this.options.prefix}:${jobQueueName(capability)}:settled:${bullId(jobId)}`;
  }

  lease(capabilities: readonly string[], options: { readonly max: number; readonly leaseMs: number }): Promise<readonly LeasedJob[]> {
    return this.guard(async () => {
      await this.removed();
      const leased: LeasedJob[] = [];
      for (const capability of capabilities) {
        const worker = this.puller(capability);
        while (leased.length < options.max) {
          const job = (await worker.getNextJob(this.token, { block: false })) as Job<JobData> | undefined;
          if (job === undefined) break;
          const leaseUntil = Date.now() + options.leaseMs;
          await job.moveToDelayed(leaseUntil, this.token);
          leased.push(toLeased(job, leaseUntil));
        }
      }
      return leased;
    });
  }

  release(jobId: string, options?: { readonly notBefore?: number; readonly capability?: string }): Promise<void> {
    return this.guard(async () => {
      await this.removed([bullId(jobId)]);
      for (const candidate of await this.capabilitiesOf(options?.capability)) {
        const job = await this.queue(jobQueueName(candidate)).getJob(bullId(jobId));
        if (job === undefined) continue;
        if (!(await job.isDelayed())) return;
        const delay = (options?.notBefore ?? 0) - Date.now();
        await (delay > 0 ? job.changeDelay(delay) : job.promote());
        return;
      }
    });
  }

  consume(capabilities: readonly string[], handler: JobHandler, options: ConsumeOptions = {}): ConsumerHandle {
    const leaseMs = options.leaseMs ?? this.options.defaultLeaseMs ?? 60_000;
    const backoffMs = options.backoffMs ?? 1_000;
    const concurrency = options.concurrency ?? 32;
    for (const capability of capabilities) this.eager.register(capability, { handler, leaseMs, backoffMs, concurrency });
    const started = capabilities.map((capability) =>
      this.addConsumer<JobData>(jobQueueName(capability), concurrency, leaseMs, async (job) => {
        const leased = toLeased(job, Date.now() + leaseMs);
        const id = job.id ?? '';
        this.held.set(id, false);
        let outcome: Outcome;
        try {
          outcome = (await handler(leased)) ?? undefined;
        } catch {
          outcome = { retryAt: Date.now() + backoffMs * 2 ** Math.max(0, leased.attempt - 1) };
        }
        // Acked or cancelled here while the handler ran: finish it, never deliver it again.
        const isSettledHere = this.held.get(id) === true;
        this.held.delete(id);
        return isSettledHere ? undefined : outcome;
      }, (job) => this.isSettled(job.data.capability, keyOfBullId(job.id ?? ''))),
    );
    return {
      stop: async () => {
        await Promise.all(capabilities.map((capability) => this.eager.unregister(capability)));
        await this.stopConsumers(started);
      },
    };
  }

  private async isSettled(capability: string, jobId: string): Promise<boolean> {
    return (await this.producer.exists(this.tombstone(capability, jobId))) === 1;
  }

  private addConsumer<D>(queueName: string, concurrency: number, lockMs: number, process: (job: Job<D>) => Promise<Outcome>, isSettled: (job: Job<D>) => Promise<boolean>): BullmqConsumer<D> {
    if (this.closing !== undefined) throw new BatonError('STORE_UNAVAILABLE', 'The BullMQ job queue is closed; create a new one.');
    // A Queue writes the event stream's length to the meta HASH the worker's scripts read.
    this.queue(queueName);
    const consumer = new BullmqConsumer<D>({
      queueName,
      prefix: this.options.prefix,
      connection: this.workerConnection,
      concurrency,
      lockMs,
      process,
      isSettled,
      onError: (error) => this.reportError(error),
    });
    this.consumers.add(consumer);
    return consumer;
  }

  private async stopConsumers(consumers: readonly Consumer[]): Promise<void> {
    await Promise.all(consumers.map((c) => c.stop()));
    for (const c of consumers) this.consumers.delete(c);
  }

  scheduleTimer(timer: ScheduledTimer): Promise<void> {
    return this.guard(async () => {
      await this.queue(timerQueueName).add('timer', timer, { ...jobOptions, jobId: bullId(timer.timerKey), ...timing(timer.dueAt) });
    });
  }

  cancelTimer(timerKey: string): Promise<void> {
    return this.guard(async () => {
      await this.queue(timerQueueName).remove(bullId(timerKey));
    });
  }

  consumeTimers(handler: TimerHandler): ConsumerHandle {
    let attempt = 0;
    const consumer = this.addConsumer<ScheduledTimer>(timerQueueName, this.options.timerConcurrency ?? 8, 60_000, async (job) => {
      try {
        await handler(job.data);
        return undefined;
      } catch {
        attempt = job.attemptsStarted;
        return { retryAt: Date.now() + 1_000 * 2 ** Math.min(10, Math.max(0, attempt - 1)) };
      }
    }, async () => false);
    return { stop: () => this.stopConsumers([consumer]) };
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      clearInterval(this.watchdog);
      await this.eager.drain();
      await this.removed();
      await Promise.all([...this.consumers].map((c) => c.stop()));
      await Promise.all([...this.pullers.values()].map((w) => w.close()));
      await Promise.all([...this.queues.values()].map((q) => q.close()));
      await Promise.all(this.sharedClusters.map((c) => c.quit().catch(() => c.disconnect())));
      await this.producer.quit().catch(() => this.producer.disconnect());
    })();
    return this.closing;
  }

  private guard<T>(work: () => Promise<T>): Promise<T> {
    return guarded(this.closing !== undefined, 'BullMQ job queue', work);
  }
}

/** BullMQ schedules at `timestamp + delay`: both from one reading of the clock, so that sum is exactly `notBefore`. */
function timing(notBefore: number | undefined): { readonly timestamp: number; readonly delay: number } {
  const timestamp = Date.now();
  return { timestamp, delay: notBefore === undefined ? 0 : Math.max(0, notBefore - timestamp) };
}

function toLeased(job: Job<JobData>, leaseUntil: number): LeasedJob {
  const { capability, payload } = job.data;
  return { jobId: keyOfBullId(job.id ?? ''), capability, payload, attempt: job.attemptsStarted, leaseUntil };
}

/**
 * Connects a producer connection (fail fast) and a worker connection
 * (`maxRetriesPerRequest: null`), checks the server like the store does, and
 * returns the queue. Throws STORE_UNAVAILABLE otherwise.
 */
export async function createBullmqJobQueue(options: BullmqJobQueueOptions): Promise<BullmqJobQueue> {
  const producer = await connectRedis(options.url, 'producer', 'baton-queue');
  try {
    await checkRedisServer(producer, options.onWarning ?? emitWarning);
  } catch (error) {
    producer.disconnect();
    throw unavailable(error, options.url);
  }
  return new BullmqJobQueue(producer, { ...options, prefix: namespacePrefix(options.url, options.prefix ?? 'baton') });
}
