import { BatonError } from '@baton/errors';
import { createClient, type BatonClient } from './client.js';
import { createJob, type Job, type JobActionReceipt } from './job.js';
import { consoleLogger, type WorkerLogger } from './logger.js';
import type { ActivatedJob, Variables } from './types.js';

/** Does the work of one job and reports its outcome through `job.complete`, `job.fail` or `job.error`. */
export type JobHandler<V extends Variables = Variables, H extends Record<string, string> = Record<string, string>> = (
  job: Job<V, H>,
) => Promise<JobActionReceipt>;

/** Options of {@link createWorker}. Give `client`, or `baseUrl` (with `apiKey`/`bearerToken`) to make one. */
export interface WorkerOptions<V extends Variables = Variables, H extends Record<string, string> = Record<string, string>> {
  readonly client?: BatonClient;
  readonly baseUrl?: string;
  readonly apiKey?: string;
  readonly bearerToken?: string;
  /** The job type served (`zeebe:taskDefinition type`). */
  readonly taskType: string;
  readonly handler: JobHandler<V, H>;
  /** Most jobs run at once, default 32. */
  readonly maxJobs?: number;
  /** How long an activated job is reserved for this worker (ms), default 30 s; after it the engine hands it to another. */
  readonly timeoutMs?: number;
  /** Pause after a poll that brought no jobs (ms), default 1 s. */
  readonly pollIntervalMs?: number;
  /** How long the server holds one activation request open when there is no job (ms), default 10 s. */
  readonly requestTimeoutMs?: number;
  /** Longest pause between activation attempts while the node is unreachable or refuses (ms), default 30 s. */
  readonly maxBackoffMs?: number;
  /** Sent as `worker` on activation; shown in the engine's logs. Default `<taskType>-worker`. */
  readonly workerName?: string;
  /** Default: warnings and errors to the console. */
  readonly logger?: WorkerLogger;
}

/** A running worker. */
export interface Worker {
  readonly taskType: string;
  readonly workerName: string;
  /** Jobs whose handler is running now. */
  readonly activeJobs: number;
  /** Stops polling (aborting a pending long poll) and resolves once every running handler has settled. Idempotent. */
  close(): Promise<void>;
}

/** Waits `ms`, or less when `signal` aborts. Injected by tests so back-off needs no real time. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });

/** Back-off after `failures` failed activations in a row: from 1 s doubling up to `maxMs`, with ±20 % jitter. */
export function backoffMs(failures: number, maxMs: number): number {
  const base = Math.min(1_000 * 2 ** Math.max(failures - 1, 0), maxMs);
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

function resolveClient(options: WorkerOptions<never, never>): BatonClient {
  if (options.client !== undefined) return options.client;
  if (options.baseUrl === undefined) {
    throw new BatonError('VALIDATION_FAILED', 'createWorker needs `client` or `baseUrl` (the engine node, e.g. http://127.0.0.1:8080); found neither.', {
      field: 'baseUrl',
    });
  }
  return createClient({
    baseUrl: options.baseUrl,
    ...(options.apiKey === undefined ? {} : { apiKey: options.apiKey }),
    ...(options.bearerToken === undefined ? {} : { bearerToken: options.bearerToken }),
  });
}

function checkPositive(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new BatonError('VALIDATION_FAILED', `createWorker option \`${name}\` must be a positive integer; found ${value}.`, { field: name });
  }
}

/**
 * Starts a worker for one job type, in the shape of Camunda's JavaScript SDK: it
 * long-polls `POST /v2/jobs/activation` for up to `maxJobs` jobs at once, hands each to
 * `handler`, and reports the outcome the handler chose. A handler that throws fails
 * the job with the error's message and `retries - 1`. When the node cannot be reached
 * or refuses, the worker logs and backs off (1 s doubling to `maxBackoffMs`) instead of
 * retrying in a loop. A job whose outcome cannot be reported stays with the engine
 * until its `timeoutMs` passes, then goes to another worker.
 */
export function createWorker<V extends Variables = Variables, H extends Record<string, string> = Record<string, string>>(
  options: WorkerOptions<V, H>,
): Worker {
  return startWorker(options, realSleep);
}

/** {@link createWorker} with the pause injected (tests). */
export function startWorker<V extends Variables, H extends Record<string, string>>(options: WorkerOptions<V, H>, sleep: Sleep): Worker {
  const client = resolveClient(options as WorkerOptions<never, never>);
  const maxJobs = options.maxJobs ?? 32;
  const timeoutMs = options.timeoutMs ?? 30_000;
  checkPositive('maxJobs', maxJobs);
  checkPositive('timeoutMs', timeoutMs);
  const settings = {
    client,
    maxJobs,
    timeoutMs,
    pollIntervalMs: options.pollIntervalMs ?? 1_000,
    requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
    maxBackoffMs: options.maxBackoffMs ?? 30_000,
    workerName: options.workerName ?? `${options.taskType}-worker`,
    logger: options.logger ?? consoleLogger,
    sleep,
  };
  return new PollLoop(options.taskType, options.handler as JobHandler, settings).start();
}

interface LoopSettings {
  readonly client: BatonClient;
  readonly maxJobs: number;
  readonly timeoutMs: number;
  readonly pollIntervalMs: number;
  readonly requestTimeoutMs: number;
  readonly maxBackoffMs: number;
  readonly workerName: string;
  readonly logger: WorkerLogger;
  readonly sleep: Sleep;
}

/** The activation loop and the set of running handlers of one worker. */
class PollLoop {
  private readonly stopping = new AbortController();
  private readonly running = new Set<Promise<void>>();
  private slotFreed: (() => void) | undefined;
  private loop: Promise<void> = Promise.resolve();
  private closing: Promise<void> | undefined;

  constructor(
    private readonly taskType: string,
    private readonly handler: JobHandler,
    private readonly settings: LoopSettings,
  ) {}

  start(): Worker {
    this.loop = this.poll();
    const running = this.running;
    return {
      taskType: this.taskType,
      workerName: this.settings.workerName,
      get activeJobs() {
        return running.size;
      },
      close: () => (this.closing ??= this.close()),
    };
  }

  private get isStopping(): boolean {
    return this.stopping.signal.aborted;
  }

  private async poll(): Promise<void> {
    const { logger, workerName } = this.settings;
    logger.info({ taskType: this.taskType, worker: workerName }, 'worker started');
    let failures = 0;
    while (!this.isStopping) {
      await this.freeSlot();
      if (this.isStopping) break;
      let jobs: readonly ActivatedJob[];
      try {
        jobs = await this.activate(this.settings.maxJobs - this.running.size);
        failures = 0;
      } catch (error) {
        if (this.isStopping) break;
        failures += 1;
        const waitMs = backoffMs(failures, this.settings.maxBackoffMs);
        logger.warn({ taskType: this.taskType, worker: workerName, err: error, failures, waitMs }, 'job activation failed; backing off');
        await this.settings.sleep(waitMs, this.stopping.signal);
        continue;
      }
      for (const job of jobs) this.run(job);
      if (jobs.length === 0) await this.settings.sleep(this.settings.pollIntervalMs, this.stopping.signal);
    }
  }

  private activate(capacity: number): Promise<readonly ActivatedJob[]> {
    const { client, workerName, timeoutMs, requestTimeoutMs } = this.settings;
    return client.activateJobs(
      { type: this.taskType, worker: workerName, timeout: timeoutMs, maxJobsToActivate: capacity, requestTimeout: requestTimeoutMs },
      { signal: this.stopping.signal },
    );
  }

  /** Resolves when fewer than `maxJobs` handlers run, or the worker stops. */
  private freeSlot(): Promise<void> {
    if (this.running.size < this.settings.maxJobs) return Promise.resolve();
    return new Promise((resolve) => {
      this.slotFreed = resolve;
    });
  }

  private run(activated: ActivatedJob): void {
    const task = this.handle(activated).finally(() => {
      this.running.delete(task);
      const wake = this.slotFreed;
      this.slotFreed = undefined;
      wake?.();
    });
    this.running.add(task);
  }

  /** Runs the handler; never rejects (every failure is reported to the engine or logged). */
  private async handle(activated: ActivatedJob): Promise<void> {
    const { client, logger } = this.settings;
    const context = { jobKey: activated.jobKey, taskType: activated.type, processInstanceKey: activated.processInstanceKey, elementId: activated.elementId };
    const job = createJob(activated, client, logger);
    try {
      await this.handler(job);
      if (!job.isAcknowledged) logger.warn(context, 'handler returned without job.complete, job.fail or job.error; the job will time out');
    } catch (error) {
      if (job.isAcknowledged) {
        logger.error({ ...context, err: error }, 'handler threw after reporting its outcome');
        return;
      }
      const errorMessage = error instanceof Error ? error.message : String(error);
      logger.warn({ ...context, err: error }, 'handler threw; failing the job');
      await job.fail({ errorMessage });
    }
  }

  private async close(): Promise<void> {
    this.stopping.abort(new BatonError('SERVER_UNAVAILABLE', `Worker ${this.settings.workerName} is closing.`));
    const wake = this.slotFreed;
    this.slotFreed = undefined;
    wake?.();
    await this.loop;
    while (this.running.size > 0) await Promise.all([...this.running]);
    this.settings.logger.info({ taskType: this.taskType, worker: this.settings.workerName }, 'worker stopped');
  }
}
