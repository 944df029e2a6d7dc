import { waitingElementIds } from '@baton/core';
import { createInMemoryEngine, VirtualClock, type InMemoryEngine } from '@baton/memory';
import { adaptEngine } from './engine-adapter.js';
import type { ScenarioEngine } from './scenario-engine.js';

/**
 * A fresh in-memory engine on a virtual clock starting at `clockMs`, with no
 * workers (jobs wait for the scenario) and no outbox sweep. Ids come from a
 * seeded generator so a scenario runs the same way every time. `beforeClose` sees
 * the engine once the scenario has ended (the golden-history recorder reads it).
 */
export function createMemoryScenarioEngine(clockMs: number, options: { readonly beforeClose?: (engine: InMemoryEngine) => Promise<void> } = {}): ScenarioEngine {
  const clock = new VirtualClock(clockMs);
  const errors: unknown[] = [];
  const engine = createInMemoryEngine({
    clock,
    nodeId: 'scenario',
    random: seededRandom(1),
    sweepIntervalMs: 0,
    publishEvents: false,
    onError: (error, context) => errors.push(new Error(`${describe(error)} (${JSON.stringify(context)})`)),
  });
  const adapted = adaptEngine({ engine, clock, waitingElementIds, takeErrors: () => errors.splice(0) });
  return {
    ...adapted,
    close: async () => {
      await options.beforeClose?.(engine);
      await engine.close();
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Mulberry32: a small deterministic generator in [0, 1). */
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
