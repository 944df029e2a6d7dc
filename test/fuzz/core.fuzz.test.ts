import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evolve, type InstanceState } from '@baton/core';
import { parseBpmn, type ProcessDefinition } from '@baton/model';
import { fuzzSteps, processModel } from '@baton/testkit';
import { drive, driveToEnd } from './drive-instance.js';
import { fuzzParameters, fuzzTimeoutMs } from './fuzz-runs.js';

describe('fuzz: random commands on random models (issue 12a)', () => {
  it('keeps replay equal to state and the token tree whole; every command is applied or refused with a code; the instance can still end', async () => {
    await fc.assert(
      fc.asyncProperty(processModel(3), fuzzSteps(25), fc.integer({ min: 0, max: 9 }), async (model, steps, x) => {
        // given a valid model
        const { processes, problems } = await parseBpmn(model.xml);
        expect(problems.filter((p) => p.severity === 'error'), model.xml).toEqual([]);
        const definition = processes[0] as ProcessDefinition;
        // when random commands reach it
        const driven = drive(definition, steps, x, { structured: true });
        // then folding the history one event at a time rebuilds the state
        let folded: InstanceState | undefined;
        for (const event of driven?.history ?? []) folded = evolve(folded, event);
        expect(folded).toEqual(driven?.state);
        // and a diligent user brings it to its end
        if (driven !== undefined) expect(driveToEnd(definition, driven).status, model.xml).not.toBe('active');
      }),
      fuzzParameters(100),
    );
  }, fuzzTimeoutMs);
});
