import { createEngine, systemClock, type Clock, type JobQueue, type JobWorker, type MessageBus, type ProcessStore } from '@baton/runtime';
import { connectBus } from '../buses.js';
import type { BenchCase } from '../cases.js';
import type { ClusterEnv } from '../cluster-system.js';
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

/** What a Baton row's store factory gets: the clock, the failure report, and the bus (for hand-off workers). */
export interface NodeWiring {
  readonly clock: Clock;
  readonly fail: (error: unknown, context: Readonly<Record<string, unknown>>) => void;
  readonly bus: MessageBus;
}

/** A row's store and queue, and the worker of the case's job type. */
export interface NodeAdapters {
  readonly store: ProcessStore;
  readonly queue: JobQueue;
  readonly worker: JobWorker;
}

/**
 * One Baton engine node of a cluster row on the adapters `connect` makes: the queue's
 * consumers at the row's concurrency, the case deployed, and an instance done when its
 * `InstanceCompleted` event comes out on the bus, wherever in the cluster its last step ran.
 */
export async function batonNode(benchCase: BenchCase, xml: string, env: ClusterEnv, connect: (wiring: NodeWiring) => Promise<NodeAdapters>): Promise<BenchSystem> {
  const pending = new Map<string, Pending>();
  let failure: Error | undefined;
  const fail = (error: unknown, context: Readonly<Record<string, unknown>>): void => {
    failure ??= new Error(`Baton reported an error (${JSON.stringify(context)}): ${String(error)}`, { cause: error });
    for (const waiter of pending.values()) waiter.reject(failure);
    pending.clear();
  };
  const clock = systemClock();
  const bus = await connectBus(env.bus, env.nodeId, (error) => fail(error, { during: 'bus' }));
  const { store, queue, worker } = await connect({ clock, fail, bus });
  const engine = createEngine({
    store,
    queue: withConcurrency(queue, env.concurrency),
    bus,
    clock,
    nodeId: env.nodeId,
    handlers: { [benchCase.jobType]: worker },
    onError: fail,
  });
  await engine.deploy([{ name: benchCase.modelFile, xml }]);
  const subscription = await bus.subscribe(`baton.default.events.${benchCase.processId}`, settleOnEvents(pending, benchCase.processId));
  return {
    ...batonRuns(engine, benchCase, pending, env.nodeId, () => failure),
    close: async () => {
      await subscription.unsubscribe();
      await engine.close();
      await queue.close();
      await bus.close();
      await store.close();
    },
  };
}
