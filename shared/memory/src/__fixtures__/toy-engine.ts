import type { ParseFn } from '@baton/runtime';
import { VirtualClock } from '@baton/runtime';
import { toyDecide, toyDefinition } from '@baton/testkit';
import { createInMemoryEngine, type InMemoryEngine, type InMemoryEngineOptions } from '../create-in-memory-engine.js';

/** "Parses" `toy:<processId>` XML into a toy definition. */
export const toyParse: ParseFn = async (xml, options) => ({
  processes: [toyDefinition(xml.replace(/^toy:/, ''), options.version)],
  problems: [],
});

export interface ToyEngine {
  readonly engine: InMemoryEngine;
  readonly clock: VirtualClock;
  readonly errors: unknown[];
  readonly sleeps: number[];
}

/** An in-memory engine on the toy core and a virtual clock, with `processIds` deployed. */
export async function toyEngine(processIds: readonly string[] = ['toy'], options: InMemoryEngineOptions = {}): Promise<ToyEngine> {
  const clock = new VirtualClock(Date.UTC(2026, 0, 1));
  const errors: unknown[] = [];
  const sleeps: number[] = [];
  let n = 0;
  const engine = createInMemoryEngine({
    clock,
    decide: toyDecide,
    parse: toyParse,
    newId: () => `id${++n}`,
    random: () => 0.5,
    sleep: async (ms) => void sleeps.push(ms),
    onError: (error) => void errors.push(error),
    store: { freeze: true },
    ...options,
  });
  await engine.deploy(processIds.map((p) => ({ name: `${p}.bpmn`, xml: `toy:${p}` })));
  return { engine, clock, errors, sleeps };
}
