import { createBullmqJobQueue, createRedisProcessStore } from '@baton/redis';
import { createEngine, createHandOffWorker, clusterSubjects, systemClock, type JobQueue, type JobWorker } from '@baton/runtime';
import { connectBus } from '../buses.js';
import type { ClusterSystemFactory } from '../cluster-system.js';
import type { BenchSystem } from '../system.js';
import { batonRuns, settleOnEvents, type Pending } from './completions.js';

/**
 * The queue as is, but its push consumers run `concurrency` jobs at once (the engine
 * asks for the adapter's default, 32): the bench compares both systems at one concurrency.
 */
function withConcurrency(queue: JobQueue, concurrency: number): JobQueue {
  return new Proxy(queue, {
    get(target, property, receiver) {
      if (property === 'consume') {
        return (capabilities: readonly string[], handler: Parameters<JobQueue['consume']>[1], options: Parameters<JobQueue['consume']>[2]) =>
          target.consume(capabilities, handler, { ...options, concurrency });
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * One Baton engine node on a real Redis (RedisProcessStore + BullmqJobQueue) with an
 * in-process handler, or, with `handOff`, a handler that hands each job over the bus to
 * an edge node (issue #6). An instance counts as done when its `InstanceCompleted`
 * event comes out on the bus, wherever in the cluster its last step ran.
 */
export const createBatonRedisSystem: ClusterSystemFactory = async (benchCase, xml, env) => {
  const pending = new Map<string, Pending>();
  let failure: Error | undefined;
  const fail = (error: unknown, context: Readonly<Record<string, unknown>>): void => {
    failure ??= new Error(`Baton reported an error (${JSON.stringify(context)}): ${String(error)}`, { cause: error });
    for (const waiter of pending.values()) waiter.reject(failure);
    pending.clear();
  };
  const options = { url: env.redisUrl, prefix: env.prefix, onWarning: () => undefined };
  const store = await createRedisProcessStore(options);
  // BATON_BENCH_EAGER=0: every job through BullMQ's wait list and a worker's fetch (see README.md).
  const eagerDispatch = process.env['BATON_BENCH_EAGER'] !== '0';
  const queue = await createBullmqJobQueue({ ...options, eagerDispatch, onError: (error) => fail(error, { during: 'queue' }) });
  const bus = await connectBus(env.bus, env.nodeId, (error) => fail(error, { during: 'bus' }));
  const worker: JobWorker = env.handOff
    ? createHandOffWorker({ bus, subjects: clusterSubjects(), nodeId: env.nodeId, timeoutMs: 10_000, retryBackOffMs: 1_000 })
    : async () => ({});
  const engine = createEngine({
    store,
    queue: withConcurrency(queue, env.concurrency),
    bus,
    clock: systemClock(),
    nodeId: env.nodeId,
    handlers: { [benchCase.jobType]: worker },
    onError: fail,
  });
  await engine.deploy([{ name: benchCase.modelFile, xml }]);
  const subscription = await bus.subscribe(`baton.default.events.${benchCase.processId}`, settleOnEvents(pending, benchCase.processId));
  const system: BenchSystem = {
    ...batonRuns(engine, benchCase, pending, env.nodeId, () => failure),
    close: async () => {
      await subscription.unsubscribe();
      await engine.close();
      await queue.close();
      await bus.close();
      await store.close();
    },
  };
  return system;
};
