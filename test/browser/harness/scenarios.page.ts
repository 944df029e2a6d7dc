/**
 * Bundled into a page by scenarios-in-page.test.ts: runs scenarios (loaded in Node, passed in
 * as JSON) on the engine as the page assembles it, on the Web Storage store over the page's
 * localStorage, each on a virtual clock (issue 17).
 */
import { waitingElementIds } from '@baton/core';
import { WebStorageProcessStore } from '@baton/browser';
import { InMemoryJobQueue, InMemoryMessageBus } from '@baton/memory';
import { createEngine, VirtualClock } from '@baton/runtime';
import type { Scenario, ScenarioResult } from '@baton/scenario';
import { adaptEngine } from '../../../shared/scenario/src/engine-adapter.js';
import { runScenario } from '../../../shared/scenario/src/run-scenario.js';

/** Mulberry32, as the Node scenario engine seeds it, so ids come out the same. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let made = 0;

function pageScenarioEngine(clockMs: number) {
  const clock = new VirtualClock(clockMs);
  const errors: unknown[] = [];
  const onError = (error: unknown): void => void errors.push(error);
  const store = new WebStorageProcessStore({ namespace: `scenario-${(made += 1)}` });
  const queue = new InMemoryJobQueue({ clock, onError });
  const bus = new InMemoryMessageBus({ clock, onError });
  const engine = createEngine({ store, queue, bus, clock, nodeId: 'scenario', random: seededRandom(1), sweepIntervalMs: 0, publishEvents: false, onError });
  const adapted = adaptEngine({ engine, clock, waitingElementIds, takeErrors: () => errors.splice(0) });
  return {
    ...adapted,
    close: async () => {
      await engine.close();
      await Promise.all([queue.close(), bus.close(), store.close()]);
    },
  };
}

async function runScenarios(scenarios: readonly Scenario[]): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) results.push(await runScenario(scenario, { createEngine: pageScenarioEngine }));
  return results;
}

(globalThis as unknown as { runScenarios: typeof runScenarios }).runScenarios = runScenarios;
