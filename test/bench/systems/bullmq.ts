import { Queue, Worker, type Job } from 'bullmq';
import type { ClusterSystemFactory } from '../cluster-system.js';
import type { BenchSystem } from '../system.js';

interface BenchJob {
  readonly instance: number;
}

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/**
 * Raw BullMQ, the reference of issue #5: an "instance" is the chain of the case's
 * service tasks as plain jobs, one after the other (`Queue.add`, a `Worker` at the
 * same concurrency as Baton's, done on the worker's `completed` event). Jobs are
 * removed on completion, as Baton's are. No state, history or indexes: the cost of
 * the jobs alone.
 */
export const createBullmqSystem: ClusterSystemFactory = async (benchCase, xml, env) => {
  const jobsPerInstance = xml.match(/<bpmn:serviceTask\b/g)?.length ?? 0;
  if (jobsPerInstance === 0) throw new Error(`${benchCase.modelFile} has no service task for raw BullMQ to stand in for.`);
  const connection = { url: env.redisUrl, maxRetriesPerRequest: null };
  const name = `bench-${benchCase.jobType}`;
  const queue = new Queue<BenchJob>(name, { connection, prefix: env.prefix });
  const waiters = new Map<number, Waiter>();
  const settle = (job: Job<BenchJob> | undefined, error?: Error): void => {
    if (job === undefined) return;
    const waiter = waiters.get(job.data.instance);
    waiters.delete(job.data.instance);
    if (error === undefined) waiter?.resolve();
    else waiter?.reject(new Error(`BullMQ job ${job.id} failed: ${error.message}`));
  };
  const worker = new Worker<BenchJob>(name, async () => ({}), { connection, prefix: env.prefix, concurrency: env.concurrency, removeOnComplete: { count: 0 } });
  worker.on('completed', (job: Job<BenchJob>) => settle(job));
  worker.on('failed', (job, error) => settle(job, error));
  worker.on('error', () => undefined);
  await worker.waitUntilReady();
  let count = 0;
  const runOne = async (): Promise<void> => {
    const instance = ++count;
    for (let i = 0; i < jobsPerInstance; i++) {
      const done = new Promise<void>((resolve, reject) => waiters.set(instance, { resolve, reject }));
      await queue.add(benchCase.jobType, { instance }, { removeOnComplete: true, removeOnFail: true });
      await done;
    }
  };
  const system: BenchSystem = {
    runOne,
    // Plain jobs have no BPMN elements to trace.
    traceOne: async () => {
      await runOne();
      return [];
    },
    close: async () => {
      await worker.close();
      await queue.close();
    },
  };
  return system;
};
