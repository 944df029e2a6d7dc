import { readFileSync } from 'node:fs';
import { InMemoryJobQueue, InMemoryMessageBus, InMemoryProcessStore } from '@baton/memory';
import { createEngine, VirtualClock, type Engine, type JobQueue, type MessageBus, type ProcessStore } from '@baton/runtime';
import { createRaceController, type RaceController } from '@baton/testkit';
import { TimerWatch } from './timer-watch.js';

/** The adapters one node runs on; the store is shared by both nodes (that is the point). */
export interface NodeAdapters {
  readonly store: ProcessStore;
  readonly queue: JobQueue;
  readonly bus: MessageBus;
}

/** Two engine nodes on one store, each behind its own commit gate (labels `a` and `b`). */
export interface TwoNodes {
  readonly a: Engine;
  readonly b: Engine;
  /** The shared store, ungated: for reading the outcome. */
  readonly store: ProcessStore;
  readonly race: RaceController;
  readonly clock: VirtualClock;
  readonly timers: Backend['timers'];
  /** Timers the queues delivered to the nodes' timer handlers. */
  readonly timerWatch: TimerWatch;
  /** Failures the engines and adapters reported but could not return to a caller (dispatch, timers). */
  readonly errors: unknown[];
  close(): Promise<void>;
}

/** What a store-specific harness provides: per node its adapters (one store behind them all), and a store to read the outcome. */
export interface Backend {
  readonly store: ProcessStore;
  readonly nodes: Readonly<Record<'a' | 'b', NodeAdapters>>;
  /** `virtual`: queued timers fire as the virtual clock advances; `wall`: when wall time reaches them (BullMQ). */
  readonly timers: 'virtual' | 'wall';
  close(): Promise<void>;
}

/** What a backend is built on: the nodes' clock, and where its adapters report background failures. */
export interface BackendContext {
  readonly clock: VirtualClock;
  readonly onError: (error: unknown) => void;
}

export type BackendFactory = (context: BackendContext) => Promise<Backend>;

export interface TwoNodesOptions {
  /**
   * Start of the virtual clock; default wall time now, so a queue on wall time
   * holds the fixtures' one-hour timers for an hour and only the test fires them.
   */
  readonly clockStartMs?: number;
}

/**
 * Two nodes as in a cluster: same store, nothing else shared in the engines. No
 * workers (jobs are completed by the test, as two workers would), no outbox sweep,
 * and a virtual clock that only the test moves.
 */
export async function twoNodes(makeBackend: BackendFactory, resources: readonly string[], options: TwoNodesOptions = {}): Promise<TwoNodes> {
  const race = createRaceController();
  const clock = new VirtualClock(options.clockStartMs ?? Date.now());
  const errors: unknown[] = [];
  const backend = await makeBackend({ clock, onError: (error) => void errors.push(error) });
  const timerWatch = new TimerWatch();
  const engines = (['a', 'b'] as const).map((node) => {
    const adapters = backend.nodes[node];
    let counter = 0;
    return createEngine({
      ...adapters,
      store: race.gate(adapters.store, node),
      queue: timerWatch.observe(adapters.queue, node),
      clock,
      nodeId: node,
      newId: () => `${node}-${++counter}`,
      random: () => 0.5,
      sleep: async () => undefined,
      sweepIntervalMs: 0,
      publishEvents: false,
      onError: (error) => void errors.push(error),
    });
  });
  const [a, b] = engines as [Engine, Engine];
  const close = async (): Promise<void> => {
    race.releaseAll();
    await Promise.all(engines.map((engine) => engine.close()));
    await backend.close();
  };
  try {
    await a.deploy(resources.map(fixture));
  } catch (error) {
    await close();
    throw error;
  }
  return {
    a,
    b,
    store: backend.store,
    race,
    clock,
    timers: backend.timers,
    timerWatch,
    errors,
    close,
  };
}

/** A BPMN file of test/concurrency/fixtures. */
export function fixture(name: string): { readonly name: string; readonly xml: string } {
  return { name, xml: readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8') };
}

/** The memory backend: one store, one queue and one bus shared by the two nodes of this process. */
export const memoryBackend: BackendFactory = async ({ clock, onError }) => {
  const store = new InMemoryProcessStore({ freeze: true });
  const queue = new InMemoryJobQueue({ clock, onError });
  const bus = new InMemoryMessageBus({ clock, onError });
  const adapters = { store, queue, bus };
  return {
    store,
    nodes: { a: adapters, b: adapters },
    timers: 'virtual',
    close: async () => {
      await Promise.all([queue.close(), bus.close(), store.close()]);
    },
  };
};

/**
 * A backend of two nodes with connections of their own to one shared store (Redis,
 * Postgres), as in a cluster: `node` makes one node's adapters; node a's store is the
 * backend's. `afterClose` cleans up what the nodes shared (a key prefix, a schema).
 */
export async function nodesOnSharedStore(node: () => Promise<NodeAdapters>, timers: Backend['timers'], afterClose: () => Promise<void> = async () => undefined): Promise<Backend> {
  const a = await node();
  const b = await node();
  return {
    store: a.store,
    nodes: { a, b },
    timers,
    close: async () => {
      await Promise.all([a, b].flatMap((n) => [n.queue.close(), n.bus.close(), n.store.close()]));
      await afterClose();
    },
  };
}
