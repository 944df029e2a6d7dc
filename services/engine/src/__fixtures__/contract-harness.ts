import { createInMemoryEngine } from '@baton/memory';
import { VirtualClock } from '@baton/runtime';
import { Ajv } from 'ajv';
import { afterEach, beforeEach } from 'vitest';
import { createRuntimeEngineApi } from '../runtime-engine-api.js';
import { harness, type Harness } from './harness.js';

const ajv = new Ajv({ strict: false, allErrors: true, formats: { 'date-time': true } });

/** The validation errors of `body` against a contract schema (`@baton/api`, plain JSON Schema); [] when it conforms. */
export function errorsOf(schema: object, body: unknown): unknown[] {
  const validate = ajv.compile(schema);
  return validate(body) ? [] : [...(validate.errors ?? [])];
}

/** A server on the runtime with in-memory adapters, its time on `clock`: where the contract's families are tested. */
export async function runtimeHarness(clock: VirtualClock): Promise<Harness> {
  const engine = createInMemoryEngine({ nodeId: 'test-node', clock });
  return harness(await createRuntimeEngineApi({ engine, bus: engine.bus }));
}

/** Registers a fresh {@link runtimeHarness} (clock at 2023-11-14) for each test of the calling `describe`, closed after it. */
export function runtimeSuite(): { readonly h: Harness; readonly clock: VirtualClock } {
  let current: { h: Harness; clock: VirtualClock } | undefined;
  const now = (): { h: Harness; clock: VirtualClock } => {
    if (current === undefined) throw new Error('runtimeSuite: use h and clock inside a test, not at describe time');
    return current;
  };
  beforeEach(async () => {
    const clock = new VirtualClock(1_700_000_000_000);
    current = { clock, h: await runtimeHarness(clock) };
  });
  afterEach(async () => {
    await current?.h.close();
    current = undefined;
  });
  return {
    get h() {
      return now().h;
    },
    get clock() {
      return now().clock;
    },
  };
}
