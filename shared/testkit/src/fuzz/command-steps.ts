import fc from 'fast-check';
import type { Command, InstanceState, Wait } from '@baton/core';
import { FUZZ_ERROR_CODE } from './process-model.js';

/**
 * One step of a random command sequence. The step does not name keys (they only
 * exist once the instance runs): `pick` and `variant` choose among what the
 * state offers when the step is turned into a command (`commandOf`), so a
 * sequence shrinks well and replays the same on the same model.
 *
 * - `act`: resolve an open wait (complete, fail or throw on a job; complete or
 *   claim a user task; fire a timer; correlate a message).
 * - `resolve`: resolve an open incident.
 * - `stale`: a command naming a key the instance used before (likely closed).
 * - `garbage`: a command naming keys that never existed.
 * - `cancel`: cancel the instance.
 */
export interface FuzzStep {
  readonly action: 'act' | 'resolve' | 'stale' | 'garbage' | 'cancel';
  readonly pick: number;
  readonly variant: number;
  /** The value of the variable `x` the step sets (gateway conditions test it). */
  readonly x: number;
  /** How far the clock moves before the step. */
  readonly advanceMs: number;
}

/** Random command sequences of at most `maxLength` steps. */
export function fuzzSteps(maxLength = 30): fc.Arbitrary<FuzzStep[]> {
  const step = fc.record({
    action: fc.oneof(
      { arbitrary: fc.constant('act' as const), weight: 40 },
      { arbitrary: fc.constant('resolve' as const), weight: 6 },
      { arbitrary: fc.constant('stale' as const), weight: 6 },
      { arbitrary: fc.constant('garbage' as const), weight: 3 },
      { arbitrary: fc.constant('cancel' as const), weight: 1 },
    ),
    pick: fc.nat({ max: 50 }),
    variant: fc.nat({ max: 50 }),
    x: fc.integer({ min: -1, max: 12 }),
    advanceMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2 * 3_600_000 })),
  });
  return fc.array(step, { maxLength });
}

/** A command without the `commandId` and `at` the shell (or a test driver) adds. */
export type Commandless = Command extends infer C ? (C extends Command ? Omit<C, 'commandId' | 'at'> : never) : never;

/** What `commandOf` needs besides the step: the instance and every key it has used. */
export interface StepContext {
  readonly state: InstanceState;
  /** Wait and incident keys seen so far, oldest first. */
  readonly seenKeys: readonly string[];
}

const byKey = <T>(record: Readonly<Record<string, T>>): T[] =>
  Object.keys(record)
    .sort()
    .map((key) => record[key] as T);

/**
 * The command a step stands for in this state, and the earliest time it should
 * carry (a timer fires when due). Deterministic in (step, state, seenKeys).
 */
export function commandOf(step: FuzzStep, context: StepContext): { command: Commandless; notBefore?: number } {
  const { state } = context;
  const waits = byKey(state.waits);
  const incidents = byKey(state.incidents);
  const variables = variablesOf(step);
  switch (step.action) {
    case 'act': {
      const wait = waits[step.pick % Math.max(waits.length, 1)];
      if (wait === undefined) return keyedCommand(step, `${state.instanceId}.none`);
      return actOn(wait, step, variables);
    }
    case 'resolve': {
      const incident = incidents[step.pick % Math.max(incidents.length, 1)];
      if (incident === undefined) return keyedCommand(step, `${state.instanceId}.none`);
      return { command: { type: 'ResolveIncident', incidentKey: incident.incidentKey, retries: 1 + (step.variant % 2) } };
    }
    case 'stale':
      return keyedCommand(step, context.seenKeys[step.pick % Math.max(context.seenKeys.length, 1)] ?? 'none');
    case 'garbage':
      if (step.variant % 5 === 0) return { command: { type: 'CreateInstance', instanceId: state.instanceId, variables } };
      if (step.variant % 5 === 1) {
        const outcome = { type: 'completed' as const, variables };
        return { command: { type: 'CompleteCallActivity', elementInstanceId: `${state.instanceId}.${step.pick}`, childInstanceId: `child${step.pick}`, outcome } };
      }
      return keyedCommand(step, ['', `${state.instanceId}.${step.pick + 1000}`, '__proto__', 'constructor'][step.pick % 4] ?? '');
    case 'cancel':
      return { command: { type: 'CancelInstance' } };
  }
}

/**
 * What a step sets: `x`, and now and then keys a JSON body may carry that plain
 * objects treat specially (an own `__proto__`, as JSON.parse makes it) or a nested value.
 */
function variablesOf(step: FuzzStep): Record<string, unknown> {
  switch (step.pick % 8) {
    case 0:
      return { x: step.x, ...(JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1}') as Record<string, unknown>) };
    case 1:
      return { x: step.x, 'a.b': step.variant, nested: { list: [step.x, null, 'é'], deep: { y: step.variant } } };
    default:
      return { x: step.x };
  }
}

function actOn(wait: Wait, step: FuzzStep, variables: Record<string, unknown>): { command: Commandless; notBefore?: number } {
  switch (wait.kind) {
    case 'job':
      if (step.variant % 4 === 1) return { command: { type: 'FailJob', jobKey: wait.jobKey, retries: step.variant % 3, errorMessage: 'fuzz', retryBackOffMs: step.variant * 1000 } };
      if (step.variant % 4 === 2) return { command: { type: 'ThrowError', jobKey: wait.jobKey, errorCode: step.variant % 3 === 0 ? 'E_UNCAUGHT' : FUZZ_ERROR_CODE, variables } };
      return { command: { type: 'CompleteJob', jobKey: wait.jobKey, variables } };
    case 'userTask':
      if (step.variant % 4 === 1) return { command: { type: 'AssignUserTask', userTaskKey: wait.userTaskKey, ...(step.variant % 3 === 0 ? {} : { assignee: 'fuzzer' }) } };
      return { command: { type: 'CompleteUserTask', userTaskKey: wait.userTaskKey, variables } };
    case 'timer':
      // Mostly when due; now and then early, which the core must refuse or accept consistently.
      return { command: { type: 'FireTimer', timerKey: wait.timerKey }, ...(step.variant % 5 === 0 ? {} : { notBefore: wait.dueAt }) };
    case 'message':
      return { command: { type: 'CorrelateMessage', subscriptionKey: wait.subscriptionKey, messageName: wait.messageName, variables } };
    case 'signal':
      return { command: { type: 'TriggerSignal', subscriptionKey: wait.subscriptionKey, signalName: wait.signalName, variables } };
  }
}

/** A command of a kind chosen by `variant` naming `key`, whether or not it is open. */
function keyedCommand(step: FuzzStep, key: string): { command: Commandless } {
  const variables = variablesOf(step);
  const commands: Commandless[] = [
    { type: 'CompleteJob', jobKey: key, variables },
    { type: 'FailJob', jobKey: key, retries: 1, errorMessage: 'fuzz' },
    { type: 'ThrowError', jobKey: key, errorCode: FUZZ_ERROR_CODE, variables },
    { type: 'CompleteUserTask', userTaskKey: key, variables },
    { type: 'AssignUserTask', userTaskKey: key, assignee: 'fuzzer' },
    { type: 'FireTimer', timerKey: key },
    { type: 'CorrelateMessage', subscriptionKey: key, messageName: 'm', variables },
    { type: 'TriggerSignal', subscriptionKey: key, signalName: 's', variables },
    { type: 'ResolveIncident', incidentKey: key },
  ];
  return { command: commands[step.variant % commands.length] as Commandless };
}
