import { waitingElementIds } from '@baton/core';
import { createInMemoryJobQueue, createInMemoryMessageBus } from '@baton/memory';
import { createEngine, VirtualClock, type ProcessStore } from '@baton/runtime';
import { adaptEngine } from './engine-adapter.js';
import type { ScenarioEngine } from './scenario-engine.js';

/**
 * A fresh engine on a virtual clock starting at `clockMs` whose instances live in
 * `store` (a Redis or Postgres store, say), so scenarios check that state survives
 * that store's round trip; jobs and timers stay in memory on the virtual clock, as in
 * `createMemoryScenarioEngine`. `close` closes the engine, then the store.
 */
export function createStoreScenarioEngine(clockMs: number, store: ProcessStore): ScenarioEngine {
  const clock = new VirtualClock(clockMs);
  const errors: unknown[] = [];
  const onError = (error: unknown): void => void errors.push(error);
  const queue = createInMemoryJobQueue({ clock, onError });
  const bus = createInMemoryMessageBus({ clock, onError });
  let counter = 0;
  const engine = createEngine({ store, queue, bus, clock, nodeId: 'scenario', newId: () => `s-${++counter}`, random: () => 0.5, sweepIntervalMs: 0, publishEvents: false, onError });
  const adapted = adaptEngine({ engine, clock, waitingElementIds, takeErrors: () => errors.splice(0) });
  return {
    ...adapted,
    close: async () => {
      await engine.close();
      await Promise.all([queue.close(), bus.close()]);
      await store.close();
    },
  };
}
