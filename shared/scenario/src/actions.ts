import type { InstanceState, Wait } from '@baton/core';
import { BatonError } from '@baton/errors';
import { parseDurationMs } from '@baton/feel';
import { assertNever } from './assert-never.js';
import type { ScenarioEngine, Started } from './scenario-engine.js';
import type { Action } from './types.js';

/** What the runner knows between steps. */
export interface RunContext {
  readonly engine: ScenarioEngine;
  /** The process `start` starts. */
  readonly processId: string;
  /** The instance under test, once a step started one. */
  rootInstanceId?: string;
}

/** An action the runner itself cannot perform; reported like the engine's refusals. */
class StepFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StepFailure';
  }
}

/** True for an error thrown by `performAction` that fails the step without being a refusal. */
export function isStepFailure(err: unknown): err is Error {
  return err instanceof StepFailure;
}

/** Runs one action; throws a `BatonError` when it is refused (state unchanged). */
export async function performAction(ctx: RunContext, action: Action): Promise<void> {
  const { engine } = ctx;
  switch (action.type) {
    case 'start':
      ctx.rootInstanceId = await engine.startInstance(ctx.processId, withMessage(action.variables, action.message));
      return;
    case 'completeJob':
      return engine.completeJob((await oldestJob(ctx, action.element)).jobKey, action.variables);
    case 'failJob':
      return engine.failJob((await oldestJob(ctx, action.element)).jobKey, action.retries, action.message);
    case 'throwError':
      return engine.throwError((await oldestJob(ctx, action.element)).jobKey, action.code, action.message, action.variables);
    case 'completeUserTask':
      return engine.completeUserTask((await oldestUserTask(ctx, action.element)).userTaskKey, action.variables);
    case 'correlateMessage': {
      const ttl = action.timeToLive === undefined ? undefined : durationMs(action.timeToLive, engine.now());
      const started = await engine.publishMessage({
        name: action.name,
        variables: action.variables,
        ...(action.correlationKey === undefined ? {} : { correlationKey: action.correlationKey }),
        ...(ttl === undefined ? {} : { timeToLiveMs: ttl }),
      });
      adopt(ctx, started, true);
      return;
    }
    case 'broadcastSignal':
      adopt(ctx, await engine.broadcastSignal(action.name, action.variables), false);
      return;
    case 'advanceTime':
      adopt(ctx, await engine.advanceTo(engine.now() + durationMs(action.duration, engine.now())), false);
      return;
    case 'cancel':
      return engine.cancelInstance(requireRoot(ctx, 'cancel'));
    case 'setVariables':
      return engine.setVariables(requireRoot(ctx, 'setVariables'), action.variables);
    default:
      return assertNever(action);
  }
}

function withMessage(variables: Record<string, unknown>, messageName: string | undefined): { variables: Record<string, unknown>; messageName?: string } {
  return messageName === undefined ? { variables } : { variables, messageName };
}

/**
 * A message start event makes its new instance the instance under test (spec);
 * an instance started by a signal or a timer start event becomes it only when
 * there is none yet, so a scenario may begin with `broadcastSignal` or `advanceTime`.
 */
function adopt(ctx: RunContext, started: Started, replace: boolean): void {
  if (!replace && ctx.rootInstanceId !== undefined) return;
  const first = started.startedInstanceIds[0];
  if (first !== undefined) ctx.rootInstanceId = first;
}

function durationMs(text: string, from: number): number {
  const result = parseDurationMs(text, from);
  if (!result.ok) throw new StepFailure(`cannot measure duration "${text}": ${result.message}`);
  return result.value;
}

function requireRoot(ctx: RunContext, what: string): string {
  if (ctx.rootInstanceId === undefined) {
    throw new BatonError('INSTANCE_NOT_FOUND', `${what}: there is no instance under test yet; a "start" step comes first`);
  }
  return ctx.rootInstanceId;
}

/** The tree's states, or none before the first start. */
export async function treeOf(ctx: RunContext): Promise<readonly InstanceState[]> {
  return ctx.rootInstanceId === undefined ? [] : ctx.engine.tree(ctx.rootInstanceId);
}

type JobOf = Extract<Wait, { kind: 'job' }>;
type UserTaskOf = Extract<Wait, { kind: 'userTask' }>;

/** Waits of one kind and element across the tree, oldest first (ties: tree order, then creation order). */
async function waitsOf<K extends Wait['kind']>(ctx: RunContext, kind: K, elementId: string): Promise<Extract<Wait, { kind: K }>[]> {
  const found: Extract<Wait, { kind: K }>[] = [];
  for (const state of await treeOf(ctx)) {
    for (const wait of Object.values(state.waits)) {
      if (wait.kind === kind && wait.elementId === elementId) found.push(wait as Extract<Wait, { kind: K }>);
    }
  }
  return found.sort((a, b) => a.createdAt - b.createdAt);
}

/** The oldest open job of the element; an activatable one before one that failed with no retries left. */
async function oldestJob(ctx: RunContext, elementId: string): Promise<JobOf> {
  const jobs = await waitsOf(ctx, 'job', elementId);
  const job = jobs.find((j) => j.state === 'activatable') ?? jobs[0];
  if (job === undefined) {
    throw new BatonError('JOB_NOT_OPEN', `expected an open job of element "${elementId}" in the tree but found none`, { elementId });
  }
  return job;
}

async function oldestUserTask(ctx: RunContext, elementId: string): Promise<UserTaskOf> {
  const [task] = await waitsOf(ctx, 'userTask', elementId);
  if (task === undefined) {
    throw new BatonError('NOT_FOUND', `expected an open user task of element "${elementId}" in the tree but found none`, { elementId });
  }
  return task;
}
