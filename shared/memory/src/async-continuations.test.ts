import { readFileSync } from 'node:fs';
import { VirtualClock } from '@baton/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { createInMemoryEngine, type InMemoryEngine } from './create-in-memory-engine.js';

const loop = readFileSync(new URL('../../../test/scenarios/async/c7-async-loop.bpmn', import.meta.url), 'utf8');

describe('async continuations on the runtime (issue 16)', () => {
  let engine: InMemoryEngine;
  afterEach(() => engine.close());

  it('a loop through an async task commits each turn, then stops with an incident at the task instead of refusing the start', async () => {
    // given
    engine = createInMemoryEngine({ clock: new VirtualClock(Date.UTC(2026, 0, 1)) });
    await engine.deploy([{ name: 'loop.bpmn', xml: loop }]);
    // when
    const { instanceId } = await engine.startInstance({ processId: 'c7_async_loop', variables: { done: false } });
    // then
    const { state } = await engine.getInstance(instanceId);
    const incidents = Object.values(state.incidents);
    expect(incidents).toEqual([expect.objectContaining({ elementId: 'step', errorType: 'JOB_NO_RETRIES' })]);
    expect(incidents[0]?.errorMessage).toContain('without a wait');
    // and when the loop is told to stop and the incident resolved, the continuation runs again to the end
    await engine.setVariables({ instanceId, variables: { done: true }, local: true });
    await engine.resolveIncident({ incidentKey: incidents[0]!.incidentKey });
    expect((await engine.getInstance(instanceId)).state.status).toBe('completed');
  });

  // 100,000 element steps before the refusal: slow on a loaded machine.
  it('the same loop without the async task is refused whole (STEP_LIMIT_EXCEEDED): nothing is stored', { timeout: 60_000 }, async () => {
    // given
    engine = createInMemoryEngine({ clock: new VirtualClock(Date.UTC(2026, 0, 1)) });
    await engine.deploy([{ name: 'loop.bpmn', xml: loop.replace(' camunda:asyncBefore="true"', '') }]);
    // when / then
    await expect(engine.startInstance({ processId: 'c7_async_loop', variables: { done: false } })).rejects.toMatchObject({ code: 'STEP_LIMIT_EXCEEDED' });
  });
});
