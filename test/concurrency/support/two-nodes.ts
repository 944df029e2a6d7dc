import { readFileSync } from 'node:fs';
import { InMemoryJobQueue, InMemoryMessageBus, InMemoryProcessStore } from '@baton/memory';
import { createEngine, VirtualClock, type Engine, type JobQueue, type MessageBus, type ProcessStore } from '@baton/runtime';
import { createRaceController, type RaceController } from '@baton/testkit';

/** 2026-01-01: timers in the fixtures are an hour out, so they never fire on their own. */
export const t0 = Date.UTC(2026, 0, 1);

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
  /** Failures the engines reported but could not return to a caller (dispatch, timers). */
  readonly errors: unknown[];
  close(): Promise<void>;
}

/** What a store-specific harness provides: the shared store and, per node, its queue and bus. */
export interface Backend {
  readonly name: string;
  readonly store: ProcessStore;
  adaptersFor(node: 'a' | 'b', clock: VirtualClock): NodeAdapters;
  close(): Promise<void>;
}

export type BackendFactory = () => Promise<Backend>;

/**
 * Two nodes as in a cluster: same store, nothing else shared in the engines. No
 * workers (jobs are completed by the test, as two workers would), no outbox sweep,
 * and a virtual clock that only the test moves.
 */
export async function twoNodes(backend: Backend, resources: readonly string[]): Promise<TwoNodes> {
  const race = createRaceController();
  const clock = new VirtualClock(t0);
  const errors: unknown[] = [];
  const engines = (['a', 'b'] as const).map((node) => {
    const adapters = backend.adaptersFor(node, clock);
    let counter = 0;
    return createEngine({
      ...adapters,
      store: race.gate(adapters.store, node),
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
  await a.deploy(resources.map(fixture));
  return {
    a,
    b,
    store: backend.store,
    race,
    clock,
    errors,
    close: async () => {
      race.releaseAll();
      await Promise.all(engines.map((engine) => engine.close()));
      await backend.close();
    },
  };
}

/** A BPMN file of test/concurrency/fixtures. */
export function fixture(name: string): { readonly name: string; readonly xml: string } {
  return { name, xml: readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8') };
}

/** The memory backend: one store, one queue and one bus shared by the two nodes of this process. */
export const memoryBackend: BackendFactory = async () => {
  const store = new InMemoryProcessStore({ freeze: true });
  let shared: { queue: InMemoryJobQueue; bus: InMemoryMessageBus } | undefined;
  return {
    name: 'memory',
    store,
    adaptersFor: (_node, clock) => {
      shared ??= { queue: new InMemoryJobQueue({ clock }), bus: new InMemoryMessageBus({ clock }) };
      return { store, ...shared };
    },
    close: async () => {
      await Promise.all([shared?.queue.close(), shared?.bus.close(), store.close()]);
    },
  };
};
