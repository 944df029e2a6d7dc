import { DelayedError, Worker, type ConnectionOptions, type Job } from 'bullmq';

/** What the processor decided: done (complete the job) or deliver again at `retryAt`. */
export type Outcome = { readonly retryAt: number } | undefined;

export interface ConsumerSpec<D> {
  readonly queueName: string;
  readonly prefix: string;
  /** BullMQ makes its own connections from these (it bundles its own ioredis). */
  readonly connection: ConnectionOptions;
  readonly concurrency: number;
  /** BullMQ lock per delivery; renewed by the worker while the handler runs. */
  readonly lockMs: number;
  /** Runs one delivery; resolves with its outcome (never throws). */
  readonly process: (job: Job<D>) => Promise<Outcome>;
  /** True when the job was acknowledged or cancelled meanwhile: it must not come back. */
  readonly isSettled: (job: Job<D>) => Promise<boolean>;
  readonly onError: (error: unknown) => void;
}

/**
 * One BullMQ Worker and the means to replace it. A retry moves the job to BullMQ's
 * delayed set under its lock (`moveToDelayed` + `DelayedError`, BullMQ's pattern
 * for a processor that reschedules its job), so it survives this node. A node that
 * dies mid-job loses its lock; BullMQ's stalled checker (every `stalledInterval`)
 * moves the job back to wait for another node. `maxStalledCount` is unbounded:
 * delivery is at least once, a stalled job is never failed for stalling. The
 * processor never fails a job either: a retry Redis refused leaves the job to the
 * stalled checker too.
 */
export class BullmqConsumer<D> {
  private worker: Worker<D>;
  private isStopped = false;

  constructor(private readonly spec: ConsumerSpec<D>) {
    this.worker = this.start();
  }

  private start(): Worker<D> {
    const { spec } = this;
    const worker = new Worker<D>(
      spec.queueName,
      async (job, token) => {
        const outcome = await spec.process(job);
        if (outcome === undefined || token === undefined) return;
        try {
          if (await spec.isSettled(job)) return;
          await job.moveToDelayed(outcome.retryAt, token);
        } catch (error) {
          // Redis did not take the retry (down, restarting, or our lock is gone). Throwing
          // this error would fail the job, and a failed job is deleted (removeOnFail): its
          // instance would wait forever. Left active instead, its lock lapses and the
          // stalled checker delivers it again, as for a node that died.
          spec.onError(error);
        }
        throw new DelayedError();
      },
      {
        connection: spec.connection,
        prefix: spec.prefix,
        concurrency: spec.concurrency,
        lockDuration: spec.lockMs,
        stalledInterval: Math.min(spec.lockMs, 30_000),
        maxStalledCount: Number.MAX_SAFE_INTEGER,
        removeOnComplete: { count: 0 },
        removeOnFail: { count: 0 },
      },
    );
    worker.on('error', (error) => spec.onError(error));
    return worker;
  }

  /** True while the worker runs; false after a crash of its loop or once stopped. */
  get isReady(): boolean {
    return !this.isStopped && this.worker.isRunning();
  }

  /**
   * Replaces a worker that stopped consuming (a known failure after a Redis
   * restart): the old one is force-closed (its in-flight jobs' locks lapse and the
   * stalled checker returns them), a new one starts.
   */
  async recreate(): Promise<void> {
    if (this.isStopped) return;
    const old = this.worker;
    this.worker = this.start();
    await old.close(true).catch((error: unknown) => this.spec.onError(error));
  }

  /** Stops fetching and waits for the handlers in flight. */
  async stop(): Promise<void> {
    if (this.isStopped) return;
    this.isStopped = true;
    await this.worker.close();
  }
}
