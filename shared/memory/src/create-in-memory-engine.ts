import { createEngine, systemClock, type Clock, type Engine, type EngineOptions } from '@baton/runtime';
import { InMemoryJobQueue } from './in-memory-job-queue.js';
import { InMemoryMessageBus } from './in-memory-message-bus.js';
import { InMemoryProcessStore, type InMemoryProcessStoreOptions } from './in-memory-process-store.js';

export type InMemoryEngineOptions = Partial<Omit<EngineOptions, 'store' | 'queue' | 'bus' | 'clock'>> & {
  /** Default the system clock; pass a VirtualClock for scenarios and tests. */
  readonly clock?: Clock;
  readonly store?: InMemoryProcessStoreOptions;
};

/** An engine with its in-memory adapters, which it exposes and closes on `close()`. */
export interface InMemoryEngine extends Engine {
  readonly store: InMemoryProcessStore;
  readonly queue: InMemoryJobQueue;
  readonly bus: InMemoryMessageBus;
}

/**
 * A whole engine in this process (browser, tests, `baton test`). The outbox sweep
 * is off by default (the store dies with the process); call `sweepOutbox()` to run it.
 */
export function createInMemoryEngine(options: InMemoryEngineOptions = {}): InMemoryEngine {
  const clock = options.clock ?? systemClock();
  const onError = options.onError;
  const store = new InMemoryProcessStore(options.store ?? {});
  const queue = new InMemoryJobQueue({ clock, ...(onError === undefined ? {} : { onError: (e) => onError(e, { in: 'queue' }) }) });
  const bus = new InMemoryMessageBus({
    clock,
    // A store that freezes (tests) wants published events frozen too: they are the same objects.
    freeze: options.store?.freeze === true,
    ...(onError === undefined ? {} : { onError: (e) => onError(e, { in: 'bus' }) }),
  });
  const { store: _store, ...engineOptions } = options;
  const engine = createEngine({ sweepIntervalMs: 0, nodeId: 'memory', ...engineOptions, clock, store, queue, bus });
  return {
    ...engine,
    store,
    queue,
    bus,
    close: async () => {
      await engine.close();
      await Promise.all([queue.close(), bus.close(), store.close()]);
    },
  };
}
