import { createInMemoryEngine } from '@baton/memory';
import type { BenchSystem, BenchSystemFactory } from '../system.js';
import { batonRuns, settleOnEvents, type Pending } from './completions.js';

/**
 * Baton on its in-memory adapters: the whole engine path (command processor, store,
 * queue, bus). Jobs are completed by an in-process handler registered for the job
 * type; an instance counts as done when its `InstanceCompleted` event comes out on
 * the bus, the way an embedding application would learn of it.
 */
export const createBatonSystem: BenchSystemFactory = async (benchCase, xml, decisions = []) => {
  const pending = new Map<string, Pending>();
  let failure: Error | undefined;
  const engine = createInMemoryEngine({
    handlers: { [benchCase.jobType]: async () => ({}) },
    // An embedded engine keeps recent ended instances, not every one it ever ran (bpmn-engine keeps none).
    store: { retention: { maxEnded: Number(process.env['BENCH_MAX_ENDED'] ?? 100) } },
    onError: (error, context) => {
      failure ??= new Error(`Baton reported an error (${JSON.stringify(context)}): ${String(error)}`, { cause: error });
      for (const waiter of pending.values()) waiter.reject(failure);
      pending.clear();
    },
  });
  await engine.deploy([...decisions, { name: benchCase.modelFile, xml }]);
  const subscription = await engine.bus.subscribe('baton.default.events.>', settleOnEvents(pending, benchCase.processId));
  const system: BenchSystem = {
    ...batonRuns(engine, benchCase, pending, 'bench', () => failure),
    close: async () => {
      await subscription.unsubscribe();
      await engine.close();
    },
  };
  return system;
};
