import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, evolve, replay, type Command, type InstanceEvent, type InstanceState } from '@baton/core';
import { isErrorCode } from '@baton/errors';
import { parseBpmn, type ProcessDefinition } from '@baton/model';
import { commandOf, duplicateActivations, FUZZ_CORRELATION_KEY, fuzzSteps, processModel, tokenTreeProblems, type FuzzStep } from '@baton/testkit';
import { fuzzParameters, fuzzTimeoutMs } from './fuzz-runs.js';

const startedAt = 1_767_225_600_000;

/** Keys of every wait and incident the instance has now, added to `seen` once. */
function remember(state: InstanceState, seen: string[]): void {
  for (const key of [...Object.keys(state.waits), ...Object.keys(state.incidents)]) if (!seen.includes(key)) seen.push(key);
}

/** The checks after every applied command: replay, token tree, no duplicated token. */
function checkApplied(state: InstanceState, history: readonly InstanceEvent[], command: Command): void {
  const where = `after ${JSON.stringify(command)}`;
  expect(replay(undefined, history), `replay ${where}`).toEqual(state);
  // Stores keep the state as JSON: it must come back the same, with nothing inherited.
  for (const [scope, variables] of Object.entries(state.variables)) {
    const prototype: unknown = Object.getPrototypeOf(variables);
    expect(prototype === Object.prototype || prototype === null, `variable scope ${scope} inherits ${JSON.stringify(prototype)} ${where}`).toBe(true);
  }
  expect(JSON.stringify(JSON.parse(JSON.stringify(state))), `JSON round trip ${where}`).toBe(JSON.stringify(state));
  expect(JSON.parse(JSON.stringify(state)), `JSON round trip ${where}`).toEqual(state);
  expect(tokenTreeProblems(state, { expectLive: true }), where).toEqual([]);
  expect(duplicateActivations(history, (elementId) => /^(n|mi)/.test(elementId)), where).toEqual([]);
}

/** Names a completion or correlation set that no variable scope holds afterwards (the models map no outputs). */
function lostVariables(command: Command, state: InstanceState): string[] {
  if (command.type !== 'CompleteJob' && command.type !== 'CompleteUserTask' && command.type !== 'CorrelateMessage') return [];
  const scopes = Object.values(state.variables);
  return Object.keys(command.variables).filter((name) => !scopes.some((scope) => Object.hasOwn(scope, name)));
}

/** Starts `P` and feeds it the steps; every command must be applied or refused with a registered code. */
function drive(definition: ProcessDefinition, steps: readonly FuzzStep[], x: number): { state: InstanceState; history: InstanceEvent[] } {
  const create: Command = { type: 'CreateInstance', commandId: 'c0', at: startedAt, instanceId: 'i1', variables: { x, key: FUZZ_CORRELATION_KEY } };
  const created = decide(undefined, create, definition);
  if (!created.ok) throw new Error(`the start was refused: ${created.rejection.code} ${created.rejection.message}`);
  let state = created.state;
  const history = [...created.events];
  checkApplied(state, history, create);
  const seenKeys: string[] = [];
  let at = startedAt;
  for (const [index, step] of steps.entries()) {
    remember(state, seenKeys);
    const { command: partial, notBefore } = commandOf(step, { state, seenKeys });
    at = Math.max(at + step.advanceMs, notBefore ?? 0);
    const command = { ...partial, commandId: `c${index + 1}`, at } as Command;
    const before = JSON.stringify(state);
    const decision = decide(state, command, definition);
    expect(JSON.stringify(state), 'decide changed its input state').toBe(before);
    if (!decision.ok) {
      expect(isErrorCode(decision.rejection.code), `rejection code ${decision.rejection.code}`).toBe(true);
      expect(decision.rejection.message).not.toBe('');
      continue;
    }
    history.push(...decision.events);
    state = decision.state;
    checkApplied(state, history, command);
    expect(lostVariables(command, state), `variables lost by ${JSON.stringify(command)}`).toEqual([]);
  }
  return { state, history };
}

describe('fuzz: random commands on random models (issue 12a)', () => {
  it('keeps replay equal to state and the token tree whole; every command is applied or refused with a code', async () => {
    await fc.assert(
      fc.asyncProperty(processModel(3), fuzzSteps(25), fc.integer({ min: 0, max: 9 }), async (model, steps, x) => {
        // given a valid model
        const { processes, problems } = await parseBpmn(model.xml);
        expect(problems.filter((p) => p.severity === 'error'), model.xml).toEqual([]);
        const definition = processes[0] as ProcessDefinition;
        // when random commands reach it
        const { state, history } = drive(definition, steps, x);
        // then folding the history one event at a time rebuilds the state
        let folded: InstanceState | undefined;
        for (const event of history) folded = evolve(folded, event);
        expect(folded).toEqual(state);
      }),
      fuzzParameters(100),
    );
  }, fuzzTimeoutMs);
});
