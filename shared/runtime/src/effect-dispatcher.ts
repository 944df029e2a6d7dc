import { continuationJobType, type Effect } from '@baton/core';
import { assertNever } from './assert-never.js';
import { isBatonError } from '@baton/errors';
import type { ExecuteRequest, ExecuteResult, FreshCommit } from './command-processor.js';
import type { Clock } from './ports/clock.js';
import type { JobQueue } from './ports/job-queue.js';
import type { EffectEntry, VersionedState } from './ports/store-records.js';

export interface DispatchTargets {
  readonly queue: JobQueue;
  readonly clock: Clock;
  readonly execute: (request: ExecuteRequest) => Promise<ExecuteResult>;
  readonly newCommandId: () => string;
  /** The definition key of the latest version of `processId`; throws DEFINITION_NOT_FOUND. */
  readonly latestDefinitionKey: (processId: string) => Promise<string>;
  /** Every subscription named `signalName` reacts, except those of `excludeInstanceId`; signal start events start instances. */
  readonly broadcastSignal: (signalName: string, variables: Readonly<Record<string, unknown>>, excludeInstanceId?: string) => Promise<unknown>;
  /** Reads an instance as stored (the parent, after a child was started). */
  readonly load: (instanceId: string) => Promise<VersionedState | undefined>;
}

/**
 * Codes that mean the effect's command already happened (the child exists, the
 * parent's wait closed, the child ended): running an effect twice must be harmless.
 */
const alreadyDone = new Set(['STALE_COMMAND', 'INSTANCE_NOT_ACTIVE', 'JOB_NOT_OPEN']);

/** Runs one outbox entry's effect on the ports, idempotently (keys are deterministic). */
export function createEffectDispatcher(targets: DispatchTargets): (entry: EffectEntry, fresh?: FreshCommit) => Promise<void> {
  const chains = new Map<string, number>();
  return async (entry, fresh) => {
    try {
      await dispatchEffect(entry.effect, targets, fresh, chains);
    } catch (error) {
      if (isBatonError(error) && alreadyDone.has(error.code)) return;
      throw error;
    }
  };
}

async function dispatchEffect(effect: Effect, targets: DispatchTargets, fresh: FreshCommit | undefined, chains: Map<string, number>): Promise<void> {
  const { queue } = targets;
  switch (effect.type) {
    case 'EnqueueJob': {
      if (effect.jobType === continuationJobType) return runContinuation(effect, targets, chains);
      const { jobKey, instanceId, elementId, elementInstanceId, jobType, retries, customHeaders, notBefore } = effect;
      const payload = { jobKey, instanceId, elementId, elementInstanceId, jobType, retries, customHeaders };
      // A retry (same key, queued before) or a sweep never goes eager: the job may be held elsewhere.
      const eager = notBefore === undefined && fresh?.newJobKeys.has(jobKey) === true;
      await queue.enqueue({ jobId: jobKey, capability: jobType, payload, ...(notBefore === undefined ? {} : { notBefore }), ...(eager ? { eager } : {}) });
      return;
    }
    case 'CancelJob':
      await queue.cancel(effect.jobKey, effect.jobType);
      return;
    case 'ScheduleTimer': {
      const { timerKey, dueAt, instanceId, elementId } = effect;
      await queue.scheduleTimer({ kind: 'instance', timerKey, dueAt, instanceId, elementId });
      return;
    }
    case 'CancelTimer':
      await queue.cancelTimer(effect.timerKey);
      return;
    case 'BroadcastSignal':
      // The thrower's own subscriptions reacted in the decide that threw it (as in Zeebe); skip them here.
      await targets.broadcastSignal(effect.signalName, effect.variables, effect.excludeInstanceId);
      return;
    case 'StartChildInstance':
      await startChild(effect, targets);
      return;
    case 'NotifyParent':
      await targets.execute({
        instanceId: effect.parent.instanceId,
        command: {
          type: 'CompleteCallActivity',
          commandId: targets.newCommandId(),
          at: targets.clock.now(),
          elementInstanceId: effect.parent.elementInstanceId,
          childInstanceId: effect.childInstanceId,
          outcome: effect.outcome,
        },
      });
      return;
    case 'CancelChildInstance':
      // INSTANCE_NOT_FOUND: the child is not created yet; its starter cancels it once it is (see startChild).
      await cancelInstance(effect.childInstanceId, targets, 'INSTANCE_NOT_FOUND');
      return;
    default:
      assertNever(effect);
  }
}

/** Continuations of one instance run one inside the other (each right after its commit); more than this is a loop. */
const maxChainedContinuations = 100;

/** Failures no attempt of a continuation can help: the store or a race; the outbox sweep dispatches the effect again. */
const infrastructure = (error: unknown): boolean => isBatonError(error) && (error.category === 'unavailable' || error.code === 'VERSION_CONFLICT');

/**
 * An async continuation (issue 16): the engine runs the job itself, right after
 * the commit that created it. When continuing is refused or throws (a loop with no
 * wait, a bug in a step), the job fails with one retry less and is tried again;
 * with none left its element has a JOB_NO_RETRIES incident, and the commit before
 * the continuation stands. Store failures leave the effect to the outbox sweep.
 */
async function runContinuation(effect: Extract<Effect, { type: 'EnqueueJob' }>, targets: DispatchTargets, chains: Map<string, number>): Promise<void> {
  const { instanceId, jobKey, elementId, retries } = effect;
  const depth = (chains.get(instanceId) ?? 0) + 1;
  const fail = (errorMessage: string, left: number) =>
    targets.execute({ instanceId, command: { type: 'FailJob', commandId: targets.newCommandId(), at: targets.clock.now(), jobKey, retries: left, errorMessage } });
  // A model that loops through async elements with nothing to wait at would continue forever.
  if (depth > maxChainedContinuations) {
    await fail(`The async continuation of '${elementId}' is the ${depth}th in a row without a wait: the model loops through async elements with no task, timer or message to wait at. Add a wait state or an exit condition, then resolve the incident.`, 0);
    return;
  }
  chains.set(instanceId, depth);
  try {
    await targets.execute({ instanceId, command: { type: 'CompleteJob', commandId: targets.newCommandId(), at: targets.clock.now(), jobKey, variables: {} } });
  } catch (error) {
    if (infrastructure(error) || (isBatonError(error) && alreadyDone.has(error.code))) throw error;
    const why = isBatonError(error) ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);
    await fail(`The async continuation of '${elementId}' failed: ${why}`, retries - 1);
  } finally {
    if (depth === 1) chains.delete(instanceId);
    else chains.set(instanceId, depth - 1);
  }
}

/** Starts the child at the latest version; with no such process the parent's call activity gets an incident. */
async function startChild(effect: Extract<Effect, { type: 'StartChildInstance' }>, targets: DispatchTargets): Promise<void> {
  let definitionKey: string;
  try {
    definitionKey = await targets.latestDefinitionKey(effect.processId);
  } catch (error) {
    if (!isBatonError(error) || error.code !== 'DEFINITION_NOT_FOUND') throw error;
    await targets.execute({
      instanceId: effect.parent.instanceId,
      command: {
        type: 'CompleteCallActivity',
        commandId: targets.newCommandId(),
        at: targets.clock.now(),
        elementInstanceId: effect.parent.elementInstanceId,
        childInstanceId: effect.childInstanceId,
        outcome: { type: 'notStarted', errorMessage: error.message },
      },
    });
    return;
  }
  try {
    await targets.execute({
      instanceId: effect.childInstanceId,
      definitionKey,
      command: {
        type: 'CreateInstance',
        commandId: targets.newCommandId(),
        at: targets.clock.now(),
        instanceId: effect.childInstanceId,
        variables: effect.variables,
        parent: effect.parent,
      },
    });
  } catch (error) {
    // Created by an earlier dispatch of this effect, which may have died before the check below.
    if (!isBatonError(error) || error.code !== 'STALE_COMMAND') throw error;
  }
  await cancelIfOrphaned(effect, targets);
}

/**
 * The parent may have left the call activity (cancelled, interrupted) while its
 * child was being created; its CancelChildInstance then found no child. The child's
 * create commits before this reads the parent, and the parent's leaving commits
 * before its CancelChildInstance reads the child, so one side always sees the
 * other: no child outlives its call activity (test/concurrency, race 15).
 */
async function cancelIfOrphaned(effect: Extract<Effect, { type: 'StartChildInstance' }>, targets: DispatchTargets): Promise<void> {
  const parent = await targets.load(effect.parent.instanceId);
  // The call activity's element instance is the one waiting for this child; it is gone once it ended.
  if (parent?.state.status === 'active' && parent.state.elementInstances[effect.parent.elementInstanceId] !== undefined) return;
  await cancelInstance(effect.childInstanceId, targets, 'INSTANCE_NOT_ACTIVE');
}

/** Cancels an instance; `tolerated` is the refusal that means there is nothing to cancel. */
async function cancelInstance(instanceId: string, targets: DispatchTargets, tolerated: string): Promise<void> {
  try {
    await targets.execute({ instanceId, command: { type: 'CancelInstance', commandId: targets.newCommandId(), at: targets.clock.now() } });
  } catch (error) {
    if (!isBatonError(error) || error.code !== tolerated) throw error;
  }
}
