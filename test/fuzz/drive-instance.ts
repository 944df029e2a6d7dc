import { expect } from 'vitest';
import { decide, replay, type Command, type InstanceEvent, type InstanceState, type Rejection } from '@baton/core';
import { isErrorCode } from '@baton/errors';
import type { ProcessDefinition } from '@baton/model';
import { commandOf, duplicateActivations, FUZZ_CORRELATION_KEY, tokenTreeProblems, type Commandless, type FuzzStep } from '@baton/testkit';

const startedAt = 1_767_225_600_000;

/** Keys of every wait and incident the instance has now, added to `seen` once. */
function remember(state: InstanceState, seen: string[]): void {
  for (const key of [...Object.keys(state.waits), ...Object.keys(state.incidents)]) if (!seen.includes(key)) seen.push(key);
}

/**
 * How strictly to check: `structured` for `processModel`'s models (an active
 * instance can always move, no element is entered twice, written variables stay);
 * without it, what holds for any model that deploys.
 */
export interface DriveOptions {
  readonly structured: boolean;
}

/** The checks after every applied command: replay, plain JSON state, token tree; for structured models no duplicated token. */
function checkApplied(state: InstanceState, history: readonly InstanceEvent[], command: Command, options: DriveOptions): void {
  const where = `after ${JSON.stringify(command)}`;
  expect(replay(undefined, history), `replay ${where}`).toEqual(state);
  // Stores keep the state as JSON: it must come back the same, with nothing inherited.
  for (const [scope, variables] of Object.entries(state.variables)) {
    const prototype: unknown = Object.getPrototypeOf(variables);
    expect(prototype === Object.prototype || prototype === null, `variable scope ${scope} inherits ${JSON.stringify(prototype)} ${where}`).toBe(true);
  }
  expect(JSON.stringify(JSON.parse(JSON.stringify(state))), `JSON round trip ${where}`).toBe(JSON.stringify(state));
  expect(JSON.parse(JSON.stringify(state)), `JSON round trip ${where}`).toEqual(state);
  expect(tokenTreeProblems(state, { expectLive: options.structured }), where).toEqual([]);
  if (options.structured) expect(duplicateActivations(history, (elementId) => /^(n|mi)/.test(elementId)), where).toEqual([]);
}

/** Names a completion or correlation set that no variable scope holds afterwards (the models map no outputs). */
function lostVariables(command: Command, state: InstanceState): string[] {
  if (command.type !== 'CompleteJob' && command.type !== 'CompleteUserTask' && command.type !== 'CorrelateMessage') return [];
  const scopes = Object.values(state.variables);
  return Object.keys(command.variables).filter((name) => !scopes.some((scope) => Object.hasOwn(scope, name)));
}

/** Every command is applied or refused with a registered code and a message, leaving its input alone. */
function expectCodedRefusal(rejection: Rejection): void {
  expect(isErrorCode(rejection.code), `rejection code ${rejection.code}`).toBe(true);
  expect(rejection.message).not.toBe('');
}

/**
 * Starts an instance and feeds it the steps, checking every decision (see
 * `DriveOptions`). A structured model must start; another may refuse with a code.
 */
export function drive(definition: ProcessDefinition, steps: readonly FuzzStep[], x: number, options: DriveOptions): { state: InstanceState; history: InstanceEvent[] } | undefined {
  const create: Command = { type: 'CreateInstance', commandId: 'c0', at: startedAt, instanceId: 'i1', variables: { x, key: FUZZ_CORRELATION_KEY } };
  const created = decide(undefined, create, definition);
  if (!created.ok && options.structured) throw new Error(`the start was refused: ${created.rejection.code} ${created.rejection.message}`);
  if (!created.ok) {
    expectCodedRefusal(created.rejection);
    return undefined;
  }
  let state = created.state;
  const history = [...created.events];
  checkApplied(state, history, create, options);
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
      expectCodedRefusal(decision.rejection);
      continue;
    }
    history.push(...decision.events);
    state = decision.state;
    checkApplied(state, history, command, options);
    if (options.structured) expect(lostVariables(command, state), `variables lost by ${JSON.stringify(command)}`).toEqual([]);
  }
  return { state, history };
}

/** What a diligent user does next: resolve an incident, finish a job or task, fire the next timer, send an awaited message. */
function nextDiligentCommand(state: InstanceState): { command: Commandless; notBefore?: number } | undefined {
  const incident = Object.values(state.incidents)[0];
  if (incident !== undefined) return { command: { type: 'ResolveIncident', incidentKey: incident.incidentKey, retries: 1 } };
  const waits = Object.values(state.waits);
  const job = waits.find((w) => w.kind === 'job' && w.state === 'activatable');
  if (job?.kind === 'job') return { command: { type: 'CompleteJob', jobKey: job.jobKey, variables: {} } };
  const task = waits.find((w) => w.kind === 'userTask');
  if (task?.kind === 'userTask') return { command: { type: 'CompleteUserTask', userTaskKey: task.userTaskKey, variables: {} } };
  const timer = waits.filter((w) => w.kind === 'timer').sort((a, b) => a.dueAt - b.dueAt)[0];
  if (timer !== undefined) return { command: { type: 'FireTimer', timerKey: timer.timerKey }, notBefore: timer.dueAt };
  // Messages the flow waits for before those of non-interrupting events, which would start a new token each time.
  const message = waits.filter((w) => w.kind === 'message').sort((a, b) => Number(/^n/.test(a.elementId)) - Number(/^n/.test(b.elementId)))[0];
  if (message !== undefined) return { command: { type: 'CorrelateMessage', subscriptionKey: message.subscriptionKey, messageName: message.messageName, variables: {} } };
  return undefined;
}

/**
 * Drives an instance of a structured model to its end as a diligent user would:
 * every such command applies, and the instance ends within `maxCommands` (no token
 * is lost at a join, no wait is left that nobody can resolve).
 */
export function driveToEnd(definition: ProcessDefinition, start: { state: InstanceState; history: InstanceEvent[] }, maxCommands = 300): InstanceState {
  let { state } = start;
  const history = [...start.history];
  let at = startedAt + 10 * 86_400_000;
  for (let index = 0; index < maxCommands && state.status === 'active'; index++) {
    const next = nextDiligentCommand(state);
    if (next === undefined) break;
    at = Math.max(at, next.notBefore ?? 0);
    const command = { ...next.command, commandId: `d${index}`, at } as Command;
    const decision = decide(state, command, definition);
    if (!decision.ok) throw new Error(`${JSON.stringify(command)} was refused: ${decision.rejection.code} ${decision.rejection.message}`);
    history.push(...decision.events);
    state = decision.state;
    checkApplied(state, history, command, { structured: true });
  }
  return state;
}
